/**
 * How a recording ends, read from the call records, the SIP Server pair and the RM tables: a call
 * that a SIP Server failover loses (the new primary does not have it established) loses its
 * recording with it; a segment is open only while its MCP runs and its call is being recorded;
 * and the BYE that ends a recording session removes it from the RM that routed it.
 * Clauses: GIR-SIP-2 (the failover keeps what the new primary has), GIR-MCP-1, GIR-RM-3.
 */
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { RecordingState } from '../../model/recording/state.ts';
import type { CallId } from '../../model/sip-ha/state.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { callsOf } from './common.ts';

const inProgress = (status: string) =>
  status !== 'off' && status !== 'done' && status !== 'releasing';

/**
 * Excludes: a SIP Server failover after which a call the new primary does not have established
 * is still being recorded, or its recording waits for a BYE no SIP Server will send; a failover
 * that ends the recording of a call the new primary has established (and not yet as recording).
 * Shown by: lost-call-keeps-recording, failover-ends-unsynced-recording.
 */
export const failoverEndsLostCalls: StepProperty<RecordingState, RecordingEvent> = {
  id: 'recording.failover-ends-lost-calls',
  kind: 'step',
  clauses: ['GIR-SIP-2'],
  statement:
    'After a SIP Server failover, every call still being recorded is established on the new primary, and no call it has established (not yet as recording) lost its recording in the failover; the recording of a call that was being recorded and that it lacks is over, with no media and no BYE left to send.',
  check(before, event, after) {
    if (event.type !== 'switchoverPerformed') return undefined;
    const table = after.sip.servers[event.node].table;
    for (const call of callsOf(after)) {
      const rec = after.calls[call]!;
      const phase = table[call];
      const kept = phase === 'established' || phase === 'recording';
      if (inProgress(rec.status) && !kept)
        return `${call} is ${phase ?? 'unknown'} on the new primary ${event.node}, yet its recording is ${rec.status}`;
      const was = before.calls[call]!.status;
      if (inProgress(was) && !kept && (rec.status !== 'done' || rec.media !== 'none'))
        return `${call}, lost in the failover to ${event.node}, ended its recording as ${rec.status} with media ${rec.media}`;
      // A call recording on the new primary is sip-failover-keeps-recording's to judge.
      if (inProgress(was) && phase === 'established' && !inProgress(rec.status))
        return `${call} is established on the new primary ${event.node}, yet the failover ended its recording`;
    }
    return undefined;
  },
};

/**
 * Excludes: a segment left open on an MCP that no longer runs, on a call whose recording is
 * over, or behind a newer segment.
 * Shown by: bye-leaves-segment-open.
 */
export const openSegmentsLive: Invariant<RecordingState> = {
  id: 'recording.open-segments-live',
  kind: 'invariant',
  clauses: ['GIR-MCP-1'],
  statement:
    "A segment is open only while its MCP runs and its call's recording is active or waiting for its BYE, and only as the call's latest segment.",
  check(state) {
    for (const call of callsOf(state)) {
      const rec = state.calls[call]!;
      for (const [i, segment] of rec.segments.entries()) {
        if (segment.state !== 'open') continue;
        if (state.mcps[segment.mcp] !== 'up')
          return `segment ${i} of ${call} is open on ${segment.mcp}, which is down`;
        if (rec.status !== 'active' && rec.status !== 'releasing')
          return `segment ${i} of ${call} is open while its recording is ${rec.status}`;
        if (i !== rec.segments.length - 1)
          return `segment ${i} of ${call} is open behind a newer one`;
      }
    }
    return undefined;
  },
};

/**
 * Excludes: an RM that routed a recording session's BYE and still holds the session.
 * Shown by: bye-keeps-session.
 */
export const byeClearsSession: Invariant<RecordingState> = {
  id: 'recording.bye-clears-session',
  kind: 'invariant',
  clauses: ['GIR-RM-3'],
  statement:
    'The RM that routed the BYE of a recording session no longer holds that session in its table.',
  check(state) {
    for (const call of callsOf(state)) {
      const bye = state.calls[call]!.bye;
      if (bye === undefined || bye.session === 'none') continue;
      const held = state.rms[bye.rm].table[call];
      if (held !== 'none')
        return `${bye.rm} routed the BYE of ${call} and still holds its session ${held}`;
    }
    return undefined;
  },
};

/** The sessions that RMs that run (and, if asked, serve) hold for the call. */
function held(state: RecordingState, call: CallId, serving: boolean): string[] {
  return Object.values(state.rms)
    .filter((rm) => rm.process === 'up' && (rm.serving || !serving) && rm.table[call] !== 'none')
    .map((rm) => rm.table[call]!);
}

/**
 * A detection step in which RM dropped the call's session: a running RM held it before (the
 * standby that takes over included) on an MCP that RM now believes down, and no running RM that
 * serves holds it after.
 */
function sessionDropped(
  before: RecordingState,
  event: RecordingEvent,
  after: RecordingState,
  call: CallId,
): boolean {
  return (
    (event.type === 'mcpFailureDetected' || event.type === 'rmFailureDetected') &&
    held(before, call, false).some((s) => after.mcpView[s.split('|')[0] as 'mcp1'] === 'down') &&
    held(after, call, true).length === 0
  );
}

/**
 * Excludes: a recording waiting for its BYE that ends without one (a SIP Server failover that
 * drops the BYE), or a segment closed before its recording ends (at the release, not the BYE).
 * Shown by: failover-drops-bye, release-closes-before-bye.
 */
export const releaseEndsWithBye: StepProperty<RecordingState, RecordingEvent> = {
  id: 'recording.release-ends-with-bye',
  kind: 'step',
  clauses: ['GIR-RM-3', 'GIR-MCP-1'],
  statement:
    "A recording waiting for its BYE ends only when RM routes the BYE, or when a detected failure makes RM drop its session (no BYE is then needed); a segment closes only in a step after which its call's recording is over.",
  check(before, event, after) {
    for (const call of callsOf(after)) {
      const was = before.calls[call]!;
      const now = after.calls[call]!;
      if (
        was.status === 'releasing' &&
        now.status !== 'releasing' &&
        event.type !== 'byeRouted' &&
        !sessionDropped(before, event, after, call)
      )
        return `the recording of ${call} went from releasing to ${now.status} without its BYE (${event.type})`;
      for (const [i, segment] of now.segments.entries()) {
        if (
          segment.state === 'closed' &&
          was.segments[i]?.state === 'open' &&
          now.status !== 'done'
        )
          return `${event.type} closed segment ${i} of ${call} while its recording is ${now.status}`;
      }
    }
    return undefined;
  },
};
