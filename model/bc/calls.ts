/**
 * The SIP Server peers and the gateways: inbound calls delivered through the peer where the
 * agent is logged in, the 302 redirect to the other peer, and first-party calls from the phone.
 *
 * Source: BC "SIP Server Peers" ("via the peer at which the agent is currently logged in";
 * "Outbound 1PCC calls can be originated via either peer"); domain notes §4.2 (Call Delivery,
 * dr-forward, 302). Simplifications: a call is one record whose `site` is its whole signalling
 * path (B-5); the 302 and the gateway's re-INVITE happen within the arrival step (B-6); a call
 * that reaches a peer with no usable SIP Server is lost at once; the redirect target is
 * always the other peer, and it never forwards again.
 */
import type { Draft } from 'immer';
import { local } from '../kernel/tables.ts';
import { serviceUp } from './availability.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { type AgentId, type BcState, IDLE_CALL, otherSite, SITES, type Site } from './state.ts';

/** Whether the peer at a site can deliver a call to the agent: SIP Server up, agent logged in there. */
function deliversAt(state: BcState, site: Site, agent: AgentId): boolean {
  return serviceUp(state, site, 'sip') && state.sites[site].agents[agent] === 'loggedIn';
}

/** A gateway sends a new call for an agent to a site it believes up. */
export function callArrived(draft: Draft<BcState>, event: EventOf<'callArrived'>): void {
  const { call, site, agent } = event;
  const state = draft as BcState;
  // The guard admits only an idle call, so a call not delivered stays as it is. A-19: a site whose
  // peer is down does not answer; the call is lost before the gateways notice.
  if (!serviceUp(state, site, 'sip')) return;
  if (deliversAt(state, site, agent)) {
    draft.calls[call] = { phase: 'connected', site, forwards: 0 };
  } else if (deliversAt(state, otherSite(site), agent)) {
    // dr-forward: 302 to the peer, whose trunk the gateway re-INVITEs; never delivered here.
    draft.calls[call] = { phase: 'connected', site: otherSite(site), forwards: 1 };
  }
  // Otherwise the agent is not logged in at the other peer either: no second forward.
}

/** A 1PCC call leaves through the first reachable peer in DNS SRV order, preferred site first. */
export function callDialed(
  draft: Draft<BcState>,
  event: EventOf<'callDialed'>,
  ctx: Context,
): void {
  const preferred = ctx.preferred[event.agent]!;
  const site = serviceUp(draft as BcState, preferred, 'sip') ? preferred : otherSite(preferred);
  draft.calls[event.call] = { phase: 'connected', site, forwards: 0 };
}

export function callReleased(draft: Draft<BcState>, event: EventOf<'callReleased'>): void {
  draft.calls[event.call] = { ...IDLE_CALL };
}

/** The gateways learn (by response timeouts, or answers again) whether a site is up. */
export function gatewaysNoticed(draft: Draft<BcState>, event: EventOf<'gatewaysNoticed'>): void {
  draft.gateways[event.site] = draft.sites[event.site].up;
}

export const events: Decls<'callArrived' | 'callDialed' | 'callReleased' | 'gatewaysNoticed'> = {
  callArrived: {
    kind: 'traffic',
    guard: (s, e) => s.calls[e.call]?.phase === 'idle' && s.gateways[e.site],
    handle: callArrived,
    label: (e) => `gateway sends call ${e.call} for ${e.agent} to site ${e.site}`,
    lifeline: (e) => ({ from: 'Gateways', to: `Site ${e.site}` }),
  },
  callDialed: {
    kind: 'traffic',
    guard: (s, e) =>
      s.calls[e.call]?.phase === 'idle' && SITES.some((site) => serviceUp(s, site, 'sip')),
    handle: callDialed,
    label: (e) => `agent ${e.agent} dials call ${e.call} from the phone (1PCC)`,
    lifeline: (e) => ({ from: `Phone ${e.agent}`, to: 'Gateways' }),
  },
  callReleased: {
    kind: 'traffic',
    guard: (s, e) => s.calls[e.call]?.phase === 'connected',
    handle: callReleased,
    label: (e) => `call ${e.call} ends`,
    lifeline: () => local('Gateways'),
  },
  gatewaysNoticed: {
    kind: 'protocol',
    guard: (s, e) => s.gateways[e.site] !== s.sites[e.site].up,
    handle: gatewaysNoticed,
    label: (e) => `gateways notice the state of site ${e.site}`,
    lifeline: (e) => ({ from: `Site ${e.site}`, to: 'Gateways' }),
  },
};
