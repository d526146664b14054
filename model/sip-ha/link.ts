/**
 * The HA link between the pair: sync messages from primary to backup, (re)connection with the
 * exchange of what each side holds, and the batch resync of missing calls.
 *
 * Source: domain notes §1.2 "State synchronization details" (missing calls pushed in batches
 * after the HA link is re-established; a switchover before that completes is a double failure).
 * Simplification: one batch carries every missing entry.
 */
import type { Draft } from 'immer';
import { connect, deliver, resync } from '../kernel/hot-standby.ts';
import { local } from '../kernel/tables.ts';
import type { Decls, EventOf } from './context.ts';
import { isReachable, type SipHaState, type SipServer } from './state.ts';

/** The primary and backup ends of the link, when the roles are one of each. */
export function linkEnds<S extends SipHaState | Draft<SipHaState>>(
  state: S,
): { primary: S['servers']['sip1']; backup: S['servers']['sip1'] } | undefined {
  const { sip1, sip2 } = state.servers as Record<'sip1' | 'sip2', SipServer>;
  if (sip1.role === sip2.role) return undefined;
  return (
    sip1.role === 'primary' ? { primary: sip1, backup: sip2 } : { primary: sip2, backup: sip1 }
  ) as {
    primary: S['servers']['sip1'];
    backup: S['servers']['sip1'];
  };
}

export function syncDelivered(draft: Draft<SipHaState>, event: EventOf<'syncDelivered'>): void {
  const ends = linkEnds(draft);
  if (ends === undefined) return; // A connected link always joins a primary and a backup.
  deliver(ends.primary, ends.backup, draft.link, event.key);
}

export function haLinkConnected(draft: Draft<SipHaState>): void {
  const ends = linkEnds(draft);
  if (ends === undefined) return; // The guard requires one primary and one backup.
  connect(ends.primary, ends.backup, draft.link);
}

export function resyncDelivered(draft: Draft<SipHaState>): void {
  const ends = linkEnds(draft);
  if (ends === undefined) return; // The guard requires a connected link.
  resync(ends.primary, ends.backup, draft.link);
}

/** Both servers run on reachable hosts, with one primary and one backup, and no link fault. */
export function haLinkCanConnect(state: SipHaState): boolean {
  const { sip1, sip2 } = state.servers;
  return (
    !state.link.connected &&
    !state.link.fault &&
    isReachable(state, 'sip1') &&
    isReachable(state, 'sip2') &&
    sip1.process === 'up' &&
    sip2.process === 'up' &&
    sip1.role !== sip2.role
  );
}

export function resyncEnabled(state: SipHaState): boolean {
  return state.link.connected && linkEnds(state)?.backup.readiness === 'resyncing';
}

export function deliveryEnabled(
  state: SipHaState,
  event: EventOf<'syncDelivered' | 'syncLost'>,
): boolean {
  return state.link.connected && state.link.inflight[event.key] !== undefined;
}

export const events: Decls<'haLinkConnected' | 'resyncDelivered' | 'syncDelivered'> = {
  haLinkConnected: {
    kind: 'protocol',
    guard: haLinkCanConnect,
    handle: haLinkConnected,
    label: () => 'HA link connects',
    lifeline: () => local('HA link'),
  },
  resyncDelivered: {
    kind: 'protocol',
    guard: resyncEnabled,
    handle: resyncDelivered,
    label: () => 'missing calls resynced to backup',
    lifeline: () => local('HA link'),
  },
  syncDelivered: {
    kind: 'delivery',
    guard: deliveryEnabled,
    handle: syncDelivered,
    label: (e) => `sync of ${e.key} delivered`,
    lifeline: () => local('HA link'),
  },
};
