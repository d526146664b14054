/**
 * Management Layer: each host's LCA reports its processes to the Solution Control Server; SCS
 * notices a lost LCA only through ADDP, and switches the backup to primary when it believes the
 * primary failed. The Virtual IP follows SCS's decision, except on a host SCS cannot reach.
 *
 * Source: BC "Business Continuity Relationship to High Availability" ("Management Layer
 * initiates an HA failover"); domain notes §1.2 (detection chain, IP Address Takeover workflows,
 * split brain as a documented state), A-11, A-12.
 * Simplifications: LCA reports reach SCS at once; the VIP scripts run within the switchover step.
 */
import type { Draft } from 'immer';
import { onDetectTimeout, onRecheck } from '../kernel/detection.ts';
import { disconnect, promote } from '../kernel/hot-standby.ts';
import { local } from '../kernel/tables.ts';
import { isDue } from '../kernel/timers.ts';
import type { Context, Decls, EventOf } from './context.ts';
import {
  isReachable,
  isServingPrimary,
  otherServer,
  type ServerId,
  type SipHaState,
  scsSeesAvailable,
  scsSeesFailed,
} from './state.ts';

export function serverInitialized(
  draft: Draft<SipHaState>,
  event: EventOf<'serverInitialized'>,
): void {
  draft.servers[event.node].process = 'up';
  reportProcess(draft, event.node);
}

/** ADDP ran out: SCS suspects the host, or declares it lost when no re-check is configured. */
export function lcaLossDetected(
  draft: Draft<SipHaState>,
  event: EventOf<'lcaLossDetected'>,
  ctx: Context,
): void {
  delete draft.timers[`detect:${event.node}`];
  const verdict = onDetectTimeout(ctx.detection);
  draft.scs.lca[event.node] = verdict.belief;
  if (verdict.recheck) draft.timers[`recheck:${event.node}`] = ctx.detection.recheckMs;
}

/** disconnect-switchover-timeout ran out: no switchover if the LCA connection is back. */
export function lcaRechecked(draft: Draft<SipHaState>, event: EventOf<'lcaRechecked'>): void {
  delete draft.timers[`recheck:${event.node}`];
  draft.scs.lca[event.node] = onRecheck(isReachable(draft, event.node));
  // Both act only on a host SCS reaches again, which is what 'connected' means here.
  reportProcess(draft, event.node);
  noticeSplitBrain(draft);
}

/**
 * Failover: SCS tells the backup to become primary and runs the VIP scripts. The old primary is
 * demoted and loses the VIP only if SCS's command reaches its host (or, under fencing, always).
 */
export function switchoverPerformed(
  draft: Draft<SipHaState>,
  event: EventOf<'switchoverPerformed'>,
  ctx: Context,
): void {
  const next = draft.servers[event.node];
  const oldId = otherServer(event.node);
  promote(next);
  next.vip = true;
  draft.scs.primary = event.node;
  disconnect(draft.link);
  if (isReachable(draft, oldId) || ctx.config.fencing) {
    draft.servers[oldId].role = 'backup';
    draft.servers[oldId].vip = false;
  }
}

/** After reconnecting to a host, SCS demotes whichever primary it did not choose (if reachable). */
export function splitBrainResolved(draft: Draft<SipHaState>): void {
  const loser = draft.servers[otherServer(draft.scs.primary)];
  loser.role = 'backup';
  loser.vip = false;
  draft.scs.reconcile = false;
  disconnect(draft.link);
}

/** The LCA connection to a host is back (heal or host restart): SCS learns what runs there. */
export function reconnectLca(draft: Draft<SipHaState>, node: ServerId): void {
  delete draft.timers[`detect:${node}`];
  if (draft.scs.lca[node] === 'lost') draft.scs.lca[node] = 'connected';
  if (draft.scs.lca[node] !== 'connected') return; // A pending re-check will confirm it.
  reportProcess(draft, node);
  noticeSplitBrain(draft);
}

/** The LCA connection to a host broke: ADDP starts counting unless SCS already knows. */
export function armDetection(draft: Draft<SipHaState>, node: ServerId, ctx: Context): void {
  if (draft.scs.lca[node] !== 'connected' || draft.timers[`detect:${node}`] !== undefined) return;
  draft.timers[`detect:${node}`] = ctx.detection.detectMs;
}

/** LCA tells SCS the process status of its host, if the connection really exists. */
export function reportProcess(draft: Draft<SipHaState>, node: ServerId): void {
  if (isReachable(draft, node)) draft.scs.view[node] = draft.servers[node].process;
}

function noticeSplitBrain(draft: Draft<SipHaState>): void {
  const both = isServingPrimary(draft, 'sip1') && isServingPrimary(draft, 'sip2');
  if (both && draft.scs.lca.sip1 === 'connected' && draft.scs.lca.sip2 === 'connected') {
    draft.scs.reconcile = true;
  }
}

/**
 * SCS promotes a backup it sees available when it sees the other failed, or no primary at all.
 * Its command must reach the host: a host cut off before SCS noticed cannot be promoted.
 */
export function switchoverEnabled(
  state: SipHaState,
  event: EventOf<'switchoverPerformed'>,
): boolean {
  const other = otherServer(event.node);
  if (!scsSeesAvailable(state, event.node) || !isReachable(state, event.node)) return false;
  if (state.servers[event.node].role !== 'backup') return false;
  if (scsSeesFailed(state, other)) return true;
  return scsSeesAvailable(state, other) && state.servers[other].role === 'backup';
}

export function splitBrainResolutionEnabled(state: SipHaState): boolean {
  return state.scs.reconcile && isReachable(state, otherServer(state.scs.primary));
}

export const events: Decls<
  | 'serverInitialized'
  | 'lcaLossDetected'
  | 'lcaRechecked'
  | 'switchoverPerformed'
  | 'splitBrainResolved'
> = {
  serverInitialized: {
    kind: 'protocol',
    guard: (s, e) => s.servers[e.node].process === 'starting' && s.hosts[e.node].up,
    handle: serverInitialized,
    label: (e) => `${e.node} finishes initializing`,
    lifeline: (e) => ({ from: e.node, to: 'SCS' }),
  },
  lcaLossDetected: {
    kind: 'protocol',
    guard: (s, e) => isDue(s.timers, `detect:${e.node}`),
    handle: lcaLossDetected,
    label: (e) => `SCS notices loss of LCA on ${e.node}`,
    lifeline: () => local('SCS'),
  },
  lcaRechecked: {
    kind: 'protocol',
    guard: (s, e) => isDue(s.timers, `recheck:${e.node}`),
    handle: lcaRechecked,
    label: (e) => `SCS re-checks LCA on ${e.node}`,
    lifeline: () => local('SCS'),
  },
  switchoverPerformed: {
    kind: 'protocol',
    guard: switchoverEnabled,
    handle: switchoverPerformed,
    label: (e) => `SCS promotes ${e.node} to primary`,
    lifeline: (e) => ({ from: 'SCS', to: e.node }),
  },
  splitBrainResolved: {
    kind: 'protocol',
    guard: splitBrainResolutionEnabled,
    handle: splitBrainResolved,
    label: () => 'SCS demotes the extra primary',
    lifeline: () => local('SCS'),
  },
};
