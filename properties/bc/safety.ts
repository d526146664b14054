/**
 * Safety properties of SIP Business Continuity: the desktop's one-site, one-peer login, the DR
 * switchover's triggers, call delivery through the login peer, and calls at the surviving site.
 * Clauses: properties/catalog/clauses-bc.ts. Assumptions: ..A-24.
 */
import {
  available,
  canLogIn,
  inLocalFailover,
  lostTriggers,
  serviceUp,
} from '../../model/bc/availability.ts';
import type { BcConfig } from '../../model/bc/config.ts';
import type { Context } from '../../model/bc/context.ts';
import type { BcEvent } from '../../model/bc/events.ts';
import { context } from '../../model/bc/index.ts';
import {
  type AgentId,
  type BcState,
  type CallId,
  pairId,
  type Service,
  SITES,
} from '../../model/bc/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';

type Step = StepProperty<BcState, BcEvent>;
type Inv = Invariant<BcState>;

const agentsOf = (state: BcState) => Object.keys(state.desktops) as AgentId[];
const callsOf = (state: BcState) => Object.keys(state.calls) as CallId[];

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

export function loginAtPreferredSite(config: BcConfig): Step {
  const ctx = context(config);
  return {
    id: 'bc.login-at-preferred-site',
    kind: 'step',
    clauses: ['BC-DESK-6', 'BC-DESK-7', 'BC-DESK-8'],
    statement:
      "When an agent logs in and CSP and SIP Server are usable at the agent's preferred site (Person, else Agent Group, else Tenant), the desktop logs in there.",
    check(before, event, after) {
      if (event.type !== 'loginRequested') return undefined;
      const site = ctx.preferred[event.agent]!;
      if (!canLogIn(before, ctx, event.agent, site)) return undefined;
      const d = after.desktops[event.agent]!;
      if (d.phase === 'loggedIn' && d.sip === site) return undefined;
      return `${event.agent} prefers site ${site}, which was usable, but the desktop is ${d.phase} at ${d.sip ?? 'no site'}`;
    },
  };
}

/** The site a desktop leaves in a DR switchover step, if the step is one. */
function leftSite(
  before: BcState,
  event: BcEvent,
): { agent: AgentId; site: (typeof SITES)[number] } | undefined {
  if (event.type !== 'drSwitchedOver') return undefined;
  const site = before.desktops[event.agent]?.site;
  return site === null || site === undefined ? undefined : { agent: event.agent, site };
}

export function statLossNoSwitchover(config: BcConfig): Step {
  const ctx = context(config);
  return {
    id: 'bc.stat-loss-no-switchover',
    kind: 'step',
    clauses: ['BC-DESK-4', 'BC-DESK-9'],
    statement:
      'A desktop never makes a DR switchover while Configuration Server Proxy and SIP Server are both usable at its site: losing Stat Server alone is no trigger.',
    check(before, event) {
      const left = leftSite(before, event);
      if (left === undefined) return undefined;
      const { agent, site } = left;
      if (
        !available(before, ctx, agent, site, 'csp') ||
        !available(before, ctx, agent, site, 'sip')
      )
        return undefined;
      return `desktop of ${agent} left site ${site} although CSP and SIP Server were usable there (Stat Server ${before.sites[site].pairs.stat})`;
    },
  };
}

export function haFailoverTransparent(config: BcConfig): Step {
  const ctx: Context = context(config);
  return {
    id: 'bc.ha-failover-transparent',
    kind: 'step',
    clauses: ['BC-HA-2', 'BC-SITE-1'],
    statement: `A local HA failover never causes a DR switchover: a desktop never leaves a site where every lost service has been failing over to its backup for the whole DR wait (DR wait ${ctx.drWaitMs} ms against a local failover of ${config.haFailoverMs} ms).`,
    check(before, event) {
      const left = leftSite(before, event);
      if (left === undefined) return undefined;
      const { agent, site } = left;
      const lost = lostTriggers(before, ctx, agent);
      if (lost.length === 0) return undefined;
      // How long each lost pair has been failing over: the failover time minus what is left.
      const failingSinceMs = (s: Service) =>
        inLocalFailover(before, ctx, agent, site, s)
          ? config.haFailoverMs - (before.timers[`ha:${pairId(site, s)}`] ?? 0)
          : -1;
      if (!lost.every((s) => failingSinceMs(s) >= ctx.drWaitMs)) return undefined;
      return `desktop of ${agent} left site ${site} while ${lost.join(' and ')} there was only failing over locally (for ${Math.min(...lost.map(failingSinceMs))} ms of a ${config.haFailoverMs} ms failover)`;
    },
  };
}

export const deliveryThroughLoginPeer: Step = {
  id: 'bc.delivery-through-login-peer',
  kind: 'step',
  clauses: ['BC-CALL-1', 'BC-ARCH-6'],
  statement:
    'Every inbound call delivered to an agent is delivered by the SIP Server peer where the agent is logged in, after at most one forward.',
  check(_before, event, after) {
    if (event.type !== 'callArrived') return undefined;
    const call = after.calls[event.call]!;
    if (call.phase !== 'connected') return undefined;
    const { agent, site } = { agent: event.agent, site: call.site! };
    if (after.sites[site].agents[agent] !== 'loggedIn')
      return `call ${event.call} was delivered to ${agent} by the peer at ${site}, where ${agent} is not logged in`;
    if (call.forwards > 1) return `call ${event.call} was forwarded ${call.forwards} times`;
    if (site !== event.site && call.forwards !== 1)
      return `call ${event.call} arrived at ${event.site} but is held at ${site} without a forward`;
    return undefined;
  },
};

export function firstPartyPreferredPeer(config: BcConfig): Step {
  const ctx = context(config);
  return {
    id: 'bc.first-party-preferred-peer',
    kind: 'step',
    clauses: ['BC-CALL-2'],
    statement:
      "A first-party (1PCC) call leaves through the agent's preferred peer (first in DNS SRV order) whenever that peer is reachable.",
    check(before, event, after) {
      if (event.type !== 'callDialed') return undefined;
      const preferred = ctx.preferred[event.agent]!;
      if (!serviceUp(before, preferred, 'sip')) return undefined;
      const site = after.calls[event.call]!.site;
      return site === preferred
        ? undefined
        : `call ${event.call} left through ${site} although the preferred peer ${preferred} was reachable`;
    },
  };
}

export const survivingSiteCallsSurvive: Step = {
  id: 'bc.surviving-site-calls-survive',
  kind: 'step',
  clauses: ['BC-ARCH-2', 'BC-ARCH-4', 'BC-SITE-5'],
  statement:
    'When a site fails, every call whose whole signalling path is on the other site stays connected.',
  check(before, event, after) {
    if (event.type !== 'siteFailed') return undefined;
    for (const id of callsOf(before)) {
      const call = before.calls[id]!;
      if (call.phase !== 'connected' || call.site === event.site) continue;
      if (after.calls[id]!.phase !== 'connected')
        return `call ${id} was connected wholly at site ${call.site} but is ${after.calls[id]!.phase} after site ${event.site} failed`;
    }
    return undefined;
  },
};

export const noStateAcrossPeers: Step = {
  id: 'bc.no-state-across-peers',
  kind: 'step',
  clauses: ['BC-SITE-2', 'BC-ARCH-3'],
  statement:
    "No call or agent state moves between SIP Server peers: a peer gains an agent's login only from that agent's own desktop logging in there, and a connected call never changes peer.",
  check(before, _event, after) {
    for (const site of SITES) {
      for (const agent of agentsOf(after)) {
        if (before.sites[site].agents[agent] === 'loggedIn') continue;
        if (after.sites[site].agents[agent] !== 'loggedIn') continue;
        const d = after.desktops[agent]!;
        if (d.phase !== 'loggedIn' || d.sip !== site)
          return `the peer at ${site} has ${agent} logged in, but the desktop of ${agent} is ${d.phase} at ${d.sip ?? 'no site'}`;
      }
    }
    for (const id of callsOf(after)) {
      const was = before.calls[id]!;
      const now = after.calls[id]!;
      if (was.phase === 'connected' && now.phase === 'connected' && was.site !== now.site)
        return `call ${id} moved from the peer at ${was.site} to the peer at ${now.site}`;
    }
    return undefined;
  },
};
