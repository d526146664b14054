/**
 * The SIP Server pair inside the recording path. Its events run sip-ha's own handlers and guards
 * on the `sip` sub-state (nothing of the pair is re-implemented here); the recording path only
 * adds what a call means for its recording.
 *
 * Source: GIR "High Availability" › SIP Server ("a failure of SIP Server will not affect the
 * operation of the communication and recording sessions").
 * Simplification: a call the new primary does not know after a failover is over, and so is its
 * recording (nobody is left to send its BYE; the MCP ends the segment as the media stops).
 */
import type { Draft } from 'immer';
import type { TimeAdvanced } from '../kernel/faults.ts';
import { declOf, embed } from '../kernel/tables.ts';
import type { Context as SipContext } from '../sip-ha/context.ts';
import type { SipHaEvent } from '../sip-ha/index.ts';
import { events as sipEvents } from '../sip-ha/reducer.ts';
import * as client from './client.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { type RecordingState, recordOf } from './state.ts';

/** A step of the pair (its clock is the recording path's). */
type SipStep = Exclude<SipHaEvent, TimeAdvanced>;

/** Runs one of the pair's events with the pair's own handler. */
export function runSip(draft: Draft<RecordingState>, event: SipStep, ctx: Context): void {
  declOf(sipEvents, event).handle(draft.sip, event, ctx.sip);
}

/** Whether one of the pair's events is enabled, by the pair's own guard. */
export function sipEnabled(state: RecordingState, event: SipStep, ctx: Context): boolean {
  return declOf(sipEvents, event).guard(state.sip, event, ctx.sip);
}

/** Each call id is used once: a call can start only while its recording was never set up. */
export function callStartEnabled(
  state: RecordingState,
  event: EventOf<'callArrived' | 'callAnswered'>,
  ctx: Context,
): boolean {
  return recordOf(state.calls, event.call).status === 'off' && sipEnabled(state, event, ctx);
}

export function callAnswered(
  draft: Draft<RecordingState>,
  event: EventOf<'callAnswered'>,
  ctx: Context,
): void {
  runSip(draft, event, ctx);
  recordOf(draft.calls, event.call).media = 'direct';
}

/** SIP Server's `recordingStarted` step, then the request to RM. */
export function recordingStartedOnPair(
  draft: Draft<RecordingState>,
  event: EventOf<'recordingRequested'>,
  ctx: Context,
): void {
  runSip(draft, { type: 'recordingStarted', call: event.call, server: event.server }, ctx);
}

export function recordingAllowedByPair(
  state: RecordingState,
  event: EventOf<'recordingRequested'>,
  ctx: Context,
): boolean {
  return sipEnabled(
    state,
    { type: 'recordingStarted', call: event.call, server: event.server },
    ctx,
  );
}

export function callReleased(
  draft: Draft<RecordingState>,
  event: EventOf<'callReleased'>,
  ctx: Context,
): void {
  runSip(draft, event, ctx);
  client.endRecording(draft, event.call, true);
}

export function releaseEnabled(
  state: RecordingState,
  event: EventOf<'callReleased'>,
  ctx: Context,
): boolean {
  const status = recordOf(state.calls, event.call).status;
  return status !== 'releasing' && status !== 'done' && sipEnabled(state, event, ctx);
}

/** A failover: calls the new primary does not have established are over, with their recording. */
export function switchoverPerformed(
  draft: Draft<RecordingState>,
  event: EventOf<'switchoverPerformed'>,
  ctx: Context,
): void {
  runSip(draft, event, ctx);
  const table = draft.sip.servers[event.node].table;
  for (const call of ctx.calls) {
    const status = recordOf(draft.calls, call).status;
    if (status === 'off' || status === 'done' || status === 'releasing') continue;
    if (table[call] !== 'established' && table[call] !== 'recording')
      client.endRecording(draft, call, false);
  }
}

/** The pair's own declarations, lifted onto the `sip` sub-state (kinds, labels, budget and all). */
const pair = embed<RecordingState, Context, SipContext, typeof sipEvents>(
  sipEvents,
  'sip',
  (ctx) => ctx.sip,
);

export const events: Decls<
  | 'callArrived'
  | 'callAnswered'
  | 'callReleased'
  | 'recordingRequested'
  | 'lcaLossDetected'
  | 'lcaRechecked'
  | 'switchoverPerformed'
  | 'syncDelivered'
  | 'hostCrashed'
> = {
  callArrived: { ...pair.callArrived, guard: callStartEnabled },
  callAnswered: { ...pair.callAnswered, guard: callStartEnabled, handle: callAnswered },
  callReleased: { ...pair.callReleased, guard: releaseEnabled, handle: callReleased },
  recordingRequested: {
    kind: 'traffic',
    guard: (s, e, ctx) => recordingAllowedByPair(s, e, ctx) && client.recordingEnabled(s, e),
    handle: (draft, event, ctx) => {
      recordingStartedOnPair(draft, event, ctx);
      client.recordingRequested(draft, event, ctx);
    },
    label: (e) => `${e.server} asks RM to record ${e.call}`,
    lifeline: (e) => ({ from: e.server, to: 'RM' }),
  },
  lcaLossDetected: pair.lcaLossDetected,
  lcaRechecked: pair.lcaRechecked,
  switchoverPerformed: { ...pair.switchoverPerformed, handle: switchoverPerformed },
  syncDelivered: pair.syncDelivered,
  hostCrashed: pair.hostCrashed,
};
