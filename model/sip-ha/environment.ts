/**
 * The adversary: crashes, restarts, partitions and HA-link faults, and the delivery or loss of
 * sync messages. Faults spend the run's fault budget (the kernel gates and counts them); repairs
 * are free.
 *
 * Source: DESIGN "Faults are events drawn from one shared vocabulary"; domain notes §1.2
 * ("primary server disconnected": the old primary keeps its VIP while SCS cannot reach it).
 * Simplification: a partition cuts a host from SCS and from the HA link, not from SIP traffic.
 */
import type { Draft } from 'immer';
import { disconnect, wipe } from '../kernel/hot-standby.ts';
import type { Lifeline } from '../kernel/tables.ts';
import { local } from '../kernel/tables.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { deliveryEnabled } from './link.ts';
import { armDetection, reconnectLca, reportProcess } from './management.ts';
import type { ServerId, SipHaState } from './state.ts';

export function syncLost(draft: Draft<SipHaState>, event: EventOf<'syncLost'>): void {
  delete draft.link.inflight[event.key];
}

export function haLinkDropped(draft: Draft<SipHaState>): void {
  draft.link.fault = true;
  disconnect(draft.link);
}

export function haLinkRepaired(draft: Draft<SipHaState>): void {
  draft.link.fault = false;
}

/** The process dies; the VIP stays configured on its host until a script removes it. */
export function processCrashed(draft: Draft<SipHaState>, event: EventOf<'processCrashed'>): void {
  draft.servers[event.node].process = 'down';
  disconnect(draft.link);
  reportProcess(draft, event.node);
}

export function hostCrashed(
  draft: Draft<SipHaState>,
  event: EventOf<'hostCrashed'>,
  ctx: Context,
): void {
  draft.hosts[event.node].up = false;
  draft.servers[event.node].process = 'down';
  draft.servers[event.node].vip = false;
  disconnect(draft.link);
  armDetection(draft, event.node, ctx);
}

export function partitionStarted(
  draft: Draft<SipHaState>,
  event: EventOf<'partitionStarted'>,
  ctx: Context,
): void {
  draft.hosts[event.node].partitioned = true;
  disconnect(draft.link);
  armDetection(draft, event.node, ctx);
}

export function processRestarted(
  draft: Draft<SipHaState>,
  event: EventOf<'processRestarted'>,
  ctx: Context,
): void {
  restart(draft, event.node, ctx);
  reportProcess(draft, event.node);
}

export function hostRestarted(
  draft: Draft<SipHaState>,
  event: EventOf<'hostRestarted'>,
  ctx: Context,
): void {
  draft.hosts[event.node].up = true;
  restart(draft, event.node, ctx);
  if (!draft.hosts[event.node].partitioned) reconnectLca(draft, event.node);
}

export function partitionHealed(draft: Draft<SipHaState>, event: EventOf<'partitionHealed'>): void {
  draft.hosts[event.node].partitioned = false;
  if (draft.hosts[event.node].up) reconnectLca(draft, event.node);
}

/** A fresh process: no memory, backup role, no VIP, initializing. */
function restart(draft: Draft<SipHaState>, node: ServerId, ctx: Context): void {
  const server = draft.servers[node];
  wipe(server, ctx.empty);
  server.process = 'starting';
  server.vip = false;
}

// Stryker disable next-line StringLiteral: a lifeline's ends, printed in diagrams, read by no step or property
const onNode = (e: { readonly node: ServerId }): Lifeline => ({ from: 'Faults', to: e.node });

export const events: Decls<
  | 'syncLost'
  | 'haLinkDropped'
  | 'haLinkRepaired'
  | 'processCrashed'
  | 'hostCrashed'
  | 'partitionStarted'
  | 'processRestarted'
  | 'hostRestarted'
  | 'partitionHealed'
> = {
  syncLost: {
    kind: 'fault',
    guard: deliveryEnabled,
    handle: syncLost,
    label: (e) => `sync of ${e.key} lost`,
    lifeline: () => local('HA link'),
  },
  haLinkDropped: {
    kind: 'fault',
    guard: (s) => s.link.connected && !s.link.fault,
    handle: haLinkDropped,
    label: () => 'HA link drops',
    lifeline: () => local('HA link'),
  },
  haLinkRepaired: {
    kind: 'repair',
    guard: (s) => s.link.fault,
    handle: haLinkRepaired,
    label: () => 'HA link repaired',
    lifeline: () => local('HA link'),
  },
  processCrashed: {
    kind: 'fault',
    guard: (s, e) => s.hosts[e.node].up && s.servers[e.node].process !== 'down',
    handle: processCrashed,
    label: (e) => `${e.node} process crashes`,
    lifeline: onNode,
  },
  hostCrashed: {
    kind: 'fault',
    guard: (s, e) => s.hosts[e.node].up,
    handle: hostCrashed,
    label: (e) => `host of ${e.node} crashes`,
    lifeline: onNode,
  },
  partitionStarted: {
    kind: 'fault',
    guard: (s, e) => s.hosts[e.node].up && !s.hosts.sip1.partitioned && !s.hosts.sip2.partitioned,
    handle: partitionStarted,
    label: (e) => `host of ${e.node} partitioned from SCS`,
    lifeline: onNode,
  },
  processRestarted: {
    kind: 'repair',
    guard: (s, e) => s.hosts[e.node].up && s.servers[e.node].process === 'down',
    handle: processRestarted,
    label: (e) => `${e.node} process restarts`,
    lifeline: onNode,
  },
  hostRestarted: {
    kind: 'repair',
    guard: (s, e) => !s.hosts[e.node].up,
    handle: hostRestarted,
    label: (e) => `host of ${e.node} restarts`,
    lifeline: onNode,
  },
  partitionHealed: {
    kind: 'repair',
    guard: (s, e) => s.hosts[e.node].partitioned,
    handle: partitionHealed,
    label: (e) => `partition of ${e.node} heals`,
    lifeline: onNode,
  },
};
