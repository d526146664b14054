/**
 * The composition with the SIP Server pair: a SIP Server failover leaves an established
 * recording session alone. It reuses sip-ha's own notion of a covered failover and of a synced
 * call, judged on the `sip` sub-state.
 * Clause: GIR-SIP-2 ("a failure of SIP Server will not affect the operation"). Assumption: A-10.
 */
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type RecordingState, recordOf } from '../../model/recording/state.ts';
import type { StepProperty, Witness } from '../engine/property.ts';
import { coveredPromotion, syncedLiveCalls } from '../sip-ha/common.ts';

/** Calls recording and synced on the old primary of a covered failover in this step. */
function recordedThroughFailover(before: RecordingState, after: RecordingState) {
  const p = coveredPromotion(before.sip, after.sip);
  if (p === undefined) return undefined;
  const calls = syncedLiveCalls(p.previous).filter((c) => p.previous.table[c] === 'recording');
  return { p, calls };
}

/**
 * Judged on sip-ha's own notion of a covered failover (properties/sip-ha/common.ts), not on the
 * recording model's helpers; it compares the whole recording record and both RM tables.
 * Excludes: a SIP Server failover that tears down, alters or forgets a synced recording.
 * Shown by: failover-ends-recordings.
 */
export const sipFailoverKeepsRecording: StepProperty<RecordingState, RecordingEvent> = {
  id: 'recording.sip-failover-keeps-recording',
  kind: 'step',
  clauses: ['GIR-SIP-2'],
  statement:
    'A SIP Server failover does not disturb an established recording session: the new primary still records the call, and its RM session and MCP segment are untouched.',
  check(before, _event, after) {
    const found = recordedThroughFailover(before, after);
    if (found === undefined) return undefined;
    const { p, calls } = found;
    for (const call of calls) {
      const phase = after.sip.servers[p.server].table[call];
      if (phase !== 'recording')
        return `call ${call} was recording and synced on ${p.old}, but is ${phase} on ${p.server}`;
      const was = JSON.stringify(recordOf(before.calls, call));
      if (JSON.stringify(recordOf(after.calls, call)) !== was)
        return `the recording of ${call} changed during the failover to ${p.server}`;
    }
    if (JSON.stringify(after.rms) !== JSON.stringify(before.rms))
      return `the RM session tables changed during the SIP Server failover to ${p.server}`;
    return undefined;
  },
};

/**
 * Excludes: a vacuous pass of sip-failover-keeps-recording.
 * Shown by: none (a witness; the tests require it reached in every checked config that lists it).
 */
export const sipFailoverWhileRecording: Witness<RecordingState, RecordingEvent> = {
  id: 'recording.witness.sip-failover-while-recording',
  kind: 'witness',
  clauses: ['GIR-SIP-2'],
  statement: 'Some SIP Server failover happens while a synced call is being recorded.',
  reached: (before, _e, after) => {
    const found = recordedThroughFailover(before, after);
    return found?.calls.some((c) => recordOf(before.calls, c).status === 'active') ?? false;
  },
};
