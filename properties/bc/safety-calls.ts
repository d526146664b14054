/**
 * Safety properties of calls in SIP Business Continuity: delivery through the peer where the
 * agent is logged in, first-party calls through the preferred peer, which calls a site failure
 * may end, and that a surviving site takes new calls. Each reads ground truth (peer tables, the
 * calls, sites and pairs) or ghost facts, never the model's delivery logic or resolver.
 * Clauses: properties/catalog/clauses-bc.ts. Assumptions: A-19, A-20, A-21, A-23, A-24, B-1, B-5.
 */
import { serviceUp } from '../../model/bc/availability.ts';
import type { BcConfig } from '../../model/bc/config.ts';
import type { BcEvent } from '../../model/bc/events.ts';
import { type AgentId, type BcState, type CallId, otherSite, SITES } from '../../model/bc/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { expectedSite } from './preferred.ts';

type Step = StepProperty<BcState, BcEvent>;

const agentsOf = (state: BcState) => Object.keys(state.desktops) as AgentId[];
const callsOf = (state: BcState) => Object.keys(state.calls) as CallId[];

/**
 * Excludes: a call delivered by a peer where the agent is not logged in, or forwarded twice; a
 * call offered to a peer that is not serving and delivered or forwarded all the same (such a peer
 * answers nothing: the offer is lost until the gateways notice, A-19).
 * Shown by: deliver-locally, down-peer-forwards.
 */
export const deliveryThroughLoginPeer: Step = {
  id: 'bc.delivery-through-login-peer',
  kind: 'step',
  clauses: ['BC-CALL-1', 'BC-ARCH-6'],
  statement:
    'Every inbound call delivered to an agent is delivered by the SIP Server peer where the agent is logged in, after at most one forward by the peer it was offered to, which must be serving.',
  check(before, event, after) {
    if (event.type !== 'callArrived') return undefined;
    const call = after.calls[event.call]!;
    if (call.phase !== 'connected') return undefined;
    const { agent, site } = { agent: event.agent, site: call.site! };
    if (!serviceUp(before, event.site, 'sip'))
      return `call ${event.call} was offered to the peer at ${event.site}, which cannot answer (${before.sites[event.site].up ? `SIP Server ${before.sites[event.site].pairs.sip}` : 'site down'}), and was connected at ${site} all the same`;
    if (after.sites[site].agents[agent] !== 'loggedIn')
      return `call ${event.call} was delivered to ${agent} by the peer at ${site}, where ${agent} is not logged in`;
    if (call.forwards > 1) return `call ${event.call} was forwarded ${call.forwards} times`;
    if (site !== event.site && call.forwards !== 1)
      return `call ${event.call} arrived at ${event.site} but is held at ${site} without a forward`;
    return undefined;
  },
};

/**
 * The preferred peer comes from preferred.ts (the configuration's hierarchy), not the model's.
 * Excludes: a first-party call through the second peer while the first is reachable.
 * Shown by: outbound-wrong-peer.
 */
export function firstPartyPreferredPeer(config: BcConfig): Step {
  return {
    id: 'bc.first-party-preferred-peer',
    kind: 'step',
    clauses: ['BC-CALL-2'],
    statement:
      "A first-party (1PCC) call leaves through the agent's preferred peer (first in DNS SRV order) whenever that peer is reachable.",
    check(before, event, after) {
      if (event.type !== 'callDialed') return undefined;
      const preferred = expectedSite(config, event.agent).site;
      if (!serviceUp(before, preferred, 'sip')) return undefined;
      const site = after.calls[event.call]!.site;
      return site === preferred
        ? undefined
        : `call ${event.call} left through ${site} although the preferred peer ${preferred} was reachable`;
    },
  };
}

/**
 * Judged on every step, not only on site failures: a connected call may end only when its
 * parties release it (the callReleased traffic event for that call) or when the peer holding
 * it has no member left after the step (A-20, B-1).
 * Excludes: calls wholly at the surviving site ended by the other site's failure, or by any
 * later step (the gateways noticing it); calls ended by a local failover of their own pair,
 * which still has a member (just inside the exemption's edge: failing over is not down).
 * Shown by: site-failure-drops-all-calls, noticing-ends-survivor-calls, failover-drops-calls.
 */
export const survivingSiteCallsSurvive: Step = {
  id: 'bc.surviving-site-calls-survive',
  kind: 'step',
  clauses: ['BC-ARCH-2', 'BC-ARCH-4', 'BC-SITE-5'],
  statement:
    'A connected call ends only when it is released or the SIP Server peer holding it loses every member (its site fails, or both members of its pair are down): a site failure ends no call whose whole signalling path is on the other site.',
  check(before, event, after) {
    for (const id of callsOf(before)) {
      const was = before.calls[id]!;
      if (was.phase !== 'connected' || after.calls[id]!.phase === 'connected') continue;
      if (event.type === 'callReleased' && event.call === id) continue;
      const site = was.site!;
      if (!after.sites[site].up || after.sites[site].pairs.sip === 'down') continue;
      return `call ${id} was connected at the peer of site ${site}, which still runs, and ended in a ${event.type} step`;
    }
    return undefined;
  },
};

/**
 * The offer and its fate are the ghost `survivorLoss` (the gateways' offer to a site whose
 * other site is down, kept when the call did not connect); the property asks whether the loss
 * had a documented reason. "Able to take it" is read from the peers' own tables (B-8).
 * Excludes: a surviving site that loses new calls it could deliver, e.g. every new call while
 * the other site is down ("some new calls will be lost", not all).
 * Shown by: survivor-drops-new-calls.
 */
export const survivorTakesNewCalls: Step = {
  id: 'bc.survivor-takes-new-calls',
  kind: 'step',
  clauses: ['BC-SITE-5', 'BC-ARCH-4', 'BC-CALL-1'],
  statement:
    'While one site is down, a new call offered to the surviving site is lost only for a documented reason: the surviving SIP Server does not answer (A-19), or the agent is logged in at no peer that answers (A-23); otherwise it is delivered.',
  check(before, _event, after) {
    const loss = after.ghost.survivorLoss;
    if (loss === null) return undefined;
    const { call, site, agent } = loss;
    if (!serviceUp(before, site, 'sip')) return undefined;
    const takers = [site, otherSite(site)].filter(
      (p) => serviceUp(before, p, 'sip') && before.sites[p].agents[agent] === 'loggedIn',
    );
    if (takers.length === 0) return undefined;
    return `call ${call} for ${agent} was offered to surviving site ${site} while ${otherSite(site)} was down, and ${agent} was logged in at the answering peer of ${takers.join(' and ')}, but the call was not delivered`;
  },
};

/**
 * Excludes: a peer that gains an agent login or a call it did not get by its own traffic, e.g.
 * logins copied from the other peer on recovery.
 * Shown by: peers-share-logins.
 */
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
