/**
 * Ghost facts, recorded after every step by the reducer's dispatch (never by a handler, so a
 * broken handler cannot skip them) and read only by properties.
 *
 * - `outage`: from ground truth (sites, pairs, the WAN) at the desktop's site, so that
 *   `bc.ha-failover-transparent` can tell a switchover an outage started (allowed) from one a
 *   local failover alone started (BC-HA-2). Bounded: one boolean per agent, cleared whenever the
 *   desktop has every trigger service again or logs out.
 * - `survivorLoss`: a new call offered to a surviving site (the other site is down) that did not
 *   connect: the offer from the gateways' own event (callArrived is the environment offering a
 *   call), its fate from the call's state after the step, never from a peer's handling.
 *   `bc.survivor-takes-new-calls` judges whether the loss had a documented reason. Bounded: one
 *   record, cleared at the next step; only lost offers during a site failure are kept, where the
 *   document's "some new calls will be lost" applies, so that the state space stays small.
 */
import type { Draft } from 'immer';
import type { Context } from './context.ts';
import type { BcEvent } from './events.ts';
import { type AgentId, type BcState, otherSite } from './state.ts';

/**
 * Whether the desktop's site lacks a DR-trigger service for a reason beyond a local failover.
 * Read from the raw fields (the site, its pairs, the WAN and the desktop's network), not with
 * the helpers that drive the desktop's own DR trigger, so that a fault in those cannot both start
 * a switchover and excuse it.
 */
function outageNow(state: BcState, ctx: Context, agent: AgentId): boolean | 'none' {
  const site = state.desktops[agent]!.site!;
  const s = state.sites[site];
  const cut = state.partitioned && site !== ctx.config.desktopSites[ctx.agents.indexOf(agent)];
  const serves = (service: (typeof ctx.triggers)[number]) =>
    s.pairs[service] === 'serving' || s.pairs[service] === 'solo';
  const lost = ctx.triggers.filter((service) => !s.up || cut || !serves(service));
  if (lost.length === 0) return 'none';
  // Only a pair failing over at a live, reachable site is a local failover.
  return lost.some((service) => !s.up || cut || s.pairs[service] !== 'failingOver');
}

export function recordGhost(draft: Draft<BcState>, event: BcEvent, ctx: Context): void {
  const state = draft as BcState;
  for (const agent of ctx.agents) {
    const desktop = state.desktops[agent]!;
    // A desktop is at no site exactly when it is logged out (Desktop.site).
    if (desktop.site === null) {
      draft.ghost.outage[agent] = false;
      continue;
    }
    const now = outageNow(state, ctx, agent);
    if (now === 'none') draft.ghost.outage[agent] = false;
    else if (now) draft.ghost.outage[agent] = true;
  }
  // Only an offer the survivor takes alone (the other site is down) that did not connect: what
  // became of the connected ones is in the call's own record.
  draft.ghost.survivorLoss =
    event.type === 'callArrived' &&
    !state.sites[otherSite(event.site)].up &&
    state.calls[event.call]!.phase !== 'connected'
      ? { call: event.call, site: event.site, agent: event.agent }
      : null;
}
