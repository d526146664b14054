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
import { disconnect, promote, write } from '../kernel/hot-standby.ts';
import type { EventOf } from './context.ts';
import {
  isServingPrimary,
  otherServer,
  SERVERS,
  type SipHaState,
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

/** Manual switchover from SCI: SCS demotes the primary, promotes the backup, moves the VIP. */
export function switchoverRequested(draft: Draft<SipHaState>): void {
  const next = SERVERS.find((s) => draft.servers[s].role === 'backup');
  if (next === undefined) return; // The guard guarantees a backup; nothing to do otherwise.
  const old = draft.servers[otherServer(next)];
  old.role = 'backup';
  old.vip = false;
  promote(draft.servers[next]);
  draft.servers[next].vip = true;
  draft.scs.primary = next;
  disconnect(draft.link);
}

/** A call event needs the server to be the serving primary that SIP endpoints reach (VIP). */
export function callEventEnabled(state: SipHaState, event: CallEvent): boolean {
  const server = state.servers[event.server];
  if (!isServingPrimary(state, event.server) || !server.vip) return false;
  const phase = server.table[event.call];
  switch (event.type) {
    case 'callArrived':
      return phase === 'idle';
    case 'callAnswered':
      return phase === 'setup';
    case 'recordingStarted':
      return phase === 'established';
    case 'callReleased':
      return phase !== 'idle';
  }
}

export function agentEventEnabled(state: SipHaState, event: EventOf<'agentStateChanged'>): boolean {
  return (
    isServingPrimary(state, event.server) &&
    state.servers[event.server].table[event.agent] !== event.to
  );
}

export function switchoverRequestEnabled(state: SipHaState): boolean {
  return (
    scsSeesAvailable(state, 'sip1') &&
    scsSeesAvailable(state, 'sip2') &&
    state.servers.sip1.role !== state.servers.sip2.role
  );
}
