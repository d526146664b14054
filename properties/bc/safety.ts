/**
 * Safety properties of the desktop in SIP Business Continuity: the one-site, one-peer login,
 * the preferred site, and what may (and may not) move a desktop to the other site. Each reads
 * ground truth (peer tables, the desktop's connections, pairs and sites) or ghost facts, never
 * the model's desktop logic or its preferred-site resolver (see reading.ts, preferred.ts).
 * Clauses: properties/catalog/clauses-bc.ts. Assumptions, B-3.
 */
import type { BcConfig } from '../../model/bc/config.ts';
import type { BcEvent } from '../../model/bc/events.ts';
import { type AgentId, type BcState, otherSite, SITES } from '../../model/bc/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { expectedSite } from './preferred.ts';
import {
  allUsable,
  departures,
  onlyFailingOver,
  outageAt,
  type Reading,
  reading,
  usable,
} from './reading.ts';

type Step = StepProperty<BcState, BcEvent>;
type Inv = Invariant<BcState>;

const agentsOf = (state: BcState) => Object.keys(state.desktops) as AgentId[];

/**
 * Excludes: an agent logged in at both peers (the new login made before the old one is gone).
 * Shown by: login-before-logout.
 */
export const onePeerLogin: Inv = {
  id: 'bc.one-peer-login',
  kind: 'invariant',
  clauses: ['BC-DESK-1', 'BC-DESK-3', 'BC-ARCH-6'],
  statement: 'An agent is never logged in at both SIP Server peers at the same time.',
  check(state) {
    for (const agent of agentsOf(state)) {
      const at = SITES.filter((site) => state.sites[site].agents[agent] === 'loggedIn');
      if (at.length > 1)
        return `agent ${agent} is logged in at the peers of both sites ${at.join(' and ')}`;
    }
    return undefined;
  },
};

/**
 * Excludes: a desktop whose CSP, SIP Server and Stat Server connections are at different sites.
 * Shown by: stat-left-behind.
 */
export const connectionsOneSite: Inv = {
  id: 'bc.connections-one-site',
  kind: 'invariant',
  clauses: ['BC-DESK-8', 'BC-DESK-9'],
  statement:
    'A desktop never has its Configuration Server Proxy, SIP Server and Stat Server connections split across the two sites.',
  check(state) {
    for (const agent of agentsOf(state)) {
      const d = state.desktops[agent]!;
      const sites = new Set([d.csp, d.sip, d.stat].filter((s) => s !== null));
      if (sites.size > 1)
        return `desktop of ${agent} has CSP at ${d.csp}, SIP Server at ${d.sip}, Stat Server at ${d.stat}`;
    }
    return undefined;
  },
};

/**
 * Excludes: a SIP Server login without the Configuration Server Proxy login at the same site.
 * Shown by: sip-without-csp.
 */
export const sipWithCsp: Inv = {
  id: 'bc.sip-with-csp',
  kind: 'invariant',
  clauses: ['BC-DESK-2', 'BC-DESK-3'],
  statement:
    'A desktop is never logged in to a SIP Server peer without being logged in to Configuration Server Proxy at the same site.',
  check(state) {
    for (const agent of agentsOf(state)) {
      const d = state.desktops[agent]!;
      if (d.sip !== null && d.csp !== d.sip)
        return `desktop of ${agent} is logged in to SIP Server at ${d.sip} but to CSP at ${d.csp ?? 'no site'}`;
    }
    return undefined;
  },
};

/**
 * The expected site comes from preferred.ts, which reads the configuration's hierarchy itself;
 * each level (Tenant, Agent Group, Person) decides for some agent of a checked config.
 * Excludes: a login at the wrong site although the preferred one is usable, whichever level of
 * the hierarchy the resolver gets wrong.
 * Shown by: wrong-login-site, person-level-ignored.
 */
export function loginAtPreferredSite(config: BcConfig): Step {
  const r = reading(config);
  return {
    id: 'bc.login-at-preferred-site',
    kind: 'step',
    clauses: ['BC-DESK-6', 'BC-DESK-7', 'BC-DESK-8'],
    statement:
      "When an agent logs in and CSP and SIP Server are usable at the agent's preferred site (Person, else the lowest-numbered Agent Group that sets one, else Tenant), the desktop logs in there.",
    check(before, event, after) {
      if (event.type !== 'loginRequested') return undefined;
      const { site, level } = expectedSite(config, event.agent);
      const open = (['csp', 'sip'] as const).every((s) => usable(before, r, event.agent, site, s));
      if (!open) return undefined;
      const d = after.desktops[event.agent]!;
      if (d.phase === 'loggedIn' && d.sip === site) return undefined;
      return `${event.agent} prefers site ${site} (set at ${level} level), which was usable, but the desktop is ${d.phase} at ${d.sip ?? 'no site'}`;
    },
  };
}

/**
 * A login step is one after which a desktop is logged in and was not before, or is logged in at
 * another site or with other connections than before: a first login, a DR switchover's login at
 * the other site, or a reconnect once a service is back. Read from the desktop's own record and
 * ground truth (reading.ts `usable`), never the model's login logic.
 * Excludes: a login at a site where CSP or SIP Server cannot be used; a login without Stat
 * Server where the deployment has one. Which sites the connections are at is judged by
 * bc.sip-with-csp and bc.connections-one-site.
 * Shown by: login-at-dead-site, stat-never-connected.
 */
export function loginWhereUsable(config: BcConfig): Step {
  const r = reading(config);
  return {
    id: 'bc.login-where-usable',
    kind: 'step',
    clauses: ['BC-DESK-2', 'BC-DESK-3', 'BC-DESK-8'],
    statement: `A desktop completes a login only at a site where it can use Configuration Server Proxy and SIP Server${config.statServer ? ', and connects to Stat Server as well' : ''}.`,
    check(before, _event, after) {
      for (const agent of agentsOf(after)) {
        const was = before.desktops[agent]!;
        const d = after.desktops[agent]!;
        if (d.phase !== 'loggedIn') continue;
        if (
          was.phase === 'loggedIn' &&
          was.csp === d.csp &&
          was.sip === d.sip &&
          was.stat === d.stat
        )
          continue;
        const site = d.site;
        if (site === null) return `desktop of ${agent} is logged in at no site`;
        const cannot = (['csp', 'sip'] as const).filter((s) => !usable(after, r, agent, site, s));
        if (cannot.length > 0)
          return `desktop of ${agent} logged in at site ${site}, where it cannot use ${cannot.join(' and ')}`;
        if (config.statServer && d.stat === null)
          return `desktop of ${agent} logged in at site ${site} without a Stat Server connection`;
      }
      return undefined;
    },
  };
}

/**
 * Judged on every step from the desktop's site and logins before and after (reading.ts
 * `departures`), whatever event moved it.
 * Excludes: a DR switchover (or any other move to the other site) while CSP and SIP Server are
 * both usable at the desktop's site, e.g. one that Stat Server's loss alone started.
 * Shown by: stat-loss-switchover.
 */
export function statLossNoSwitchover(config: BcConfig): Step {
  const r = reading(config);
  return {
    id: 'bc.stat-loss-no-switchover',
    kind: 'step',
    clauses: ['BC-DESK-4', 'BC-DESK-9'],
    statement:
      'A desktop never moves to the other site while Configuration Server Proxy and SIP Server are both usable at its site (before and after the step): losing Stat Server alone is no trigger.',
    check(before, _event, after) {
      for (const { agent, from } of departures(before, after)) {
        const open = (s: BcState) =>
          usable(s, r, agent, from, 'csp') && usable(s, r, agent, from, 'sip');
        if (open(before) && open(after))
          return `desktop of ${agent} moved from site ${from} to ${otherSite(from)} although CSP and SIP Server were usable there (Stat Server ${before.sites[from].pairs.stat})`;
      }
      return undefined;
    },
  };
}

/**
 * The ghost `outage` of an agent as ground truth sets it after a step, from the record before
 * it: clear for a desktop logged out or at no site, or that has every trigger service there;
 * set while a trigger service there is lost beyond a local failover; otherwise as it was.
 */
function outageRecord(before: BcState, after: BcState, r: Reading, agent: AgentId): boolean {
  const d = after.desktops[agent]!;
  if (d.phase === 'loggedOut' || d.site === null) return false;
  if (outageAt(after, r, agent, d.site)) return true;
  if (allUsable(after, r, agent, d.site)) return false;
  return before.ghost.outage[agent] === true;
}

/**
 * Judged on every step from the desktop's site and logins before and after, whatever event
 * moved it. The one exemption is the document's own: a switchover that an outage started (the
 * ghost `outage`, recorded from ground truth since the desktop last had every trigger service)
 * may complete while a failover is also under way there. The exemption's record is judged too,
 * on every step, against this property's own reading of ground truth.
 * Excludes: a desktop that leaves its site because of a local HA failover, at once (on the
 * SDK's disconnect notice) or after a DR timeout shorter than the failover; an outage recorded
 * (or forgotten) where ground truth has none (or one).
 * Shown by: failover-switches-at-once, short-dr-timeout, crash-recorded-as-outage.
 */
export function haFailoverTransparent(config: BcConfig): Step {
  const r = reading(config);
  return {
    id: 'bc.ha-failover-transparent',
    kind: 'step',
    clauses: ['BC-HA-2', 'BC-SITE-1'],
    statement: `A local HA failover never moves a desktop: while a DR-trigger service at its site is failing over to its backup and nothing else has been lost there since the desktop last had every such service, the desktop stays at that site (DR wait ${config.detectMs + config.drTimeoutMs} ms against a local failover of ${config.haFailoverMs} ms, A-16); the record of what was lost there is judged against ground truth on every step.`,
    check(before, _event, after) {
      for (const agent of r.agents) {
        const recorded = after.ghost.outage[agent] === true;
        if (recorded !== outageRecord(before, after, r, agent))
          return recorded
            ? `the record of an outage for ${agent} is set, though its desktop has lost nothing at its site beyond a local failover since it last had every service`
            : `the record of an outage for ${agent} is clear, though its desktop lost a service at its site beyond a local failover since it last had every service`;
      }
      for (const { agent, from } of departures(before, after)) {
        if (before.ghost.outage[agent]) continue;
        if (outageAt(before, r, agent, from) || outageAt(after, r, agent, from)) continue;
        const failing = r.triggers.filter(
          (s) =>
            onlyFailingOver(before, r, agent, from, s) || onlyFailingOver(after, r, agent, from, s),
        );
        // Without a failover this is no HA matter: stat-loss-no-switchover judges it.
        if (failing.length === 0) continue;
        return `desktop of ${agent} moved from site ${from} to ${otherSite(from)} while ${failing.join(' and ')} there was only failing over locally, with no outage there since it last had every service`;
      }
      return undefined;
    },
  };
}
