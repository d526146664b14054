/**
 * SIP Server primary: calls, recording sessions and agent states, as callers and agents drive
 * them. Every change on the primary is sent to the backup over the HA link.
 *
 * Source: GIR "High Availability" › SIP Server ("knowledge of all established sessions");
 * BC "Business Continuity Relationship to High Availability" (call state, agent state sync).
 * Simplification: SIP requests reach whichever server holds the Virtual IP and is primary;
 * T-Library requests (agent state) reach the primary by its own address.
 */
import type { Draft } from 'immer';
import { isSynced, promote, write } from '../kernel/hot-standby.ts';
import type { Decls, EventOf } from './context.ts';
import { linkEnds } from './link.ts';
import {
  type CallPhase,
  isServingPrimary,
  otherServer,
  SERVERS,
  type SipHaState,
  type SyncKey,
  scsSeesAvailable,
} from './state.ts';

type CallEvent = EventOf<'callArrived' | 'callAnswered' | 'recordingStarted' | 'callReleased'>;

const nextPhase = {
  callArrived: 'setup',
  callAnswered: 'established',
  recordingStarted: 'recording',
  callReleased: 'idle',
} as const;

export function callChanged(draft: Draft<SipHaState>, event: CallEvent): void {
  write(draft.servers[event.server], draft.link, event.call, nextPhase[event.type]);
}

export function agentStateChanged(
  draft: Draft<SipHaState>,
  event: EventOf<'agentStateChanged'>,
): void {
  write(draft.servers[event.server], draft.link, event.agent, event.to);
}

/**
 * Manual switchover from SCI, as the documented procedure does it: only on a synchronized pair
 * (backup ready, everything acknowledged, nothing in flight). SCS swaps the roles and moves the
 * VIP; the HA link stays up and now syncs the other way.
 */
export function switchoverRequested(draft: Draft<SipHaState>): void {
  const next = SERVERS.find((s) => draft.servers[s].role === 'backup');
  if (next === undefined) return; // The guard guarantees a backup; nothing to do otherwise.
  const old = draft.servers[otherServer(next)];
  old.role = 'backup';
  old.vip = false;
  old.acked = {};
  promote(draft.servers[next]);
  draft.servers[next].vip = true;
  draft.servers[next].acked = { ...draft.servers[next].table };
  draft.scs.primary = next;
}

/**
 * A call event's guard: the server is the serving primary that SIP endpoints reach (VIP), and
 * the call is in a phase the event can leave.
 */
export function callInPhase(
  from: (phase: CallPhase | undefined) => boolean,
): (state: SipHaState, event: CallEvent) => boolean {
  return (state, event) => {
    const server = state.servers[event.server];
    return (
      isServingPrimary(state, event.server) &&
      server.vip &&
      from(server.table[event.call] as CallPhase | undefined)
    );
  };
}

export function agentEventEnabled(state: SipHaState, event: EventOf<'agentStateChanged'>): boolean {
  return (
    isServingPrimary(state, event.server) &&
    state.servers[event.server].table[event.agent] !== event.to
  );
}

export function switchoverRequestEnabled(state: SipHaState): boolean {
  if (!scsSeesAvailable(state, 'sip1') || !scsSeesAvailable(state, 'sip2') || !state.link.connected)
    return false;
  const ends = linkEnds(state);
  if (ends === undefined || ends.backup.readiness !== 'ready') return false;
  for (const _ in state.link.inflight) return false;
  for (const key in ends.primary.table) {
    if (!isSynced(ends.primary, key as SyncKey)) return false;
  }
  return true;
}

// Stryker disable next-line StringLiteral: a lifeline's ends, printed in diagrams, read by no step or property
const caller = (e: CallEvent) => ({ from: 'Caller', to: e.server });

export const events: Decls<
  | 'callArrived'
  | 'callAnswered'
  | 'recordingStarted'
  | 'callReleased'
  | 'agentStateChanged'
  | 'switchoverRequested'
> = {
  callArrived: {
    kind: 'traffic',
    guard: callInPhase((phase) => phase === 'idle'),
    handle: callChanged,
    label: (e) => `call ${e.call} arrives at ${e.server}`,
    lifeline: caller,
  },
  callAnswered: {
    kind: 'traffic',
    guard: callInPhase((phase) => phase === 'setup'),
    handle: callChanged,
    label: (e) => `call ${e.call} answered on ${e.server}`,
    lifeline: caller,
  },
  recordingStarted: {
    kind: 'traffic',
    guard: callInPhase((phase) => phase === 'established'),
    handle: callChanged,
    label: (e) => `recording of ${e.call} starts on ${e.server}`,
    lifeline: caller,
  },
  callReleased: {
    kind: 'traffic',
    guard: callInPhase((phase) => phase !== 'idle'),
    handle: callChanged,
    label: (e) => `call ${e.call} released on ${e.server}`,
    lifeline: caller,
  },
  agentStateChanged: {
    kind: 'traffic',
    guard: agentEventEnabled,
    handle: agentStateChanged,
    label: (e) => `agent ${e.agent} → ${e.to} on ${e.server}`,
    lifeline: (e) => ({ from: 'Agent', to: e.server }),
  },
  switchoverRequested: {
    kind: 'traffic',
    guard: switchoverRequestEnabled,
    handle: switchoverRequested,
    label: () => 'operator requests a switchover',
    lifeline: () => ({ from: 'Operator', to: 'SCS' }),
  },
};
