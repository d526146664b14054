/**
 * Bounded liveness of the recording path, on every fair path of the fault-free continuation
 * (properties/engine/liveness.ts: no traffic, faults or repairs; protocol steps and deliveries in
 * every order; time only when neither can happen).
 * Clauses: GIR-MCP-2 (RM notifies SIP Server), GIR-MCP-4 (SIP Server records the call again),
 * GIR-RM-2 (the remaining RM continues to accept requests). Assumptions.
 * Triggers and goals read the state and its ghost records only, never the model's helpers.
 */

import type { RecordingConfig } from '../../model/recording/config.ts';
import {
  otherRm,
  type RecordingState,
  RMS,
  recordOf,
  sessionValue,
} from '../../model/recording/state.ts';
import type { CallId } from '../../model/sip-ha/state.ts';
import type { Eventually } from '../engine/property.ts';
import {
  callsOf,
  interruptedCalls,
  recordingOver,
  rmAccepting,
  sipServes,
  someMcpKnownUp,
  unrecordedCalls,
} from './common.ts';

/** Room for the other calls' and the SIP Server pair's own steps on the same path. */
const FAIR_STEPS = 20;

const FAIRNESS =
  'faults, repairs and traffic stop; RM, SIP Server and SCS steps and deliveries interleave in every order; time advances only when nothing else can happen';

/**
 * Excludes: an interrupted call left unrecorded (never re-requested, re-requested in a loop that
 * never records, marked recording again without a session, or given up with retries unused)
 * while an RM and an MCP are there.
 * Shown by: no-rerecord, rerecord-insists-on-failed-mcp (lasso), sync-resets-notified-call
 * (other-order), gives-up-at-once.
 */
export function reRecordedWithinBound(config: RecordingConfig): Eventually<RecordingState> {
  const activeStandby = config.rmMode === 'active-standby';
  // A retry may be pending; an MCP that died unnoticed may be selected once per further fault.
  const boundMs = config.retryIntervalMs + Math.max(0, config.faultBudget - 1) * config.mcpDetectMs;
  return {
    id: 'recording.rerecorded-within-bound',
    kind: 'eventually',
    clauses: ['GIR-MCP-4'],
    statement: `After an MCP failure, once SIP Server serves the call, an RM accepts requests and some MCP is up and known up to RM, every call whose recording was set up is recording again (an open segment on its MCP), given up after using its retries, or over, within ${boundMs} ms and ${FAIR_STEPS} fair steps.`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs,
    trigger: (state) =>
      someMcpKnownUp(state) &&
      rmAccepting(state, activeStandby) &&
      interruptedCalls(state).some((call) => sipServes(state, call)),
    goal: (state) => unrecordedCalls(state).length === 0,
  };
}

/**
 * A call's session on a dead MCP that SIP Server has not been told about. Exempt: the RM
 * that accepted it is down and its peer never acknowledged the session (lag) or is down too, so
 * no live RM knows the session. The dead RM's acknowledgement record cannot change any more, so
 * a survivor that drops the session it had is not exempt.
 */
function unnotified(state: RecordingState, call: CallId): boolean {
  const rec = recordOf(state.calls, call);
  const last = rec.segments.at(-1);
  if (last === undefined || recordingOver(rec)) return false;
  if (state.mcps[last.mcp] !== 'down' || rec.notice === last.mcp) return false;
  const anchor = state.rms[rec.anchor];
  const lost =
    anchor.process === 'down' &&
    (state.rms[otherRm(rec.anchor)].process === 'down' ||
      anchor.acked[call] !== sessionValue(last.mcp, last.params));
  return !lost;
}

function someUnnotified(state: RecordingState): boolean {
  return callsOf(state).some((call) => unnotified(state, call));
}

/**
 * Excludes: a session on a failed MCP that SIP Server is never told about (RM ignores the
 * failure, or drops the session silently), or is told about late.
 * Shown by: rm-ignores-mcp-failure, rm-drops-session-silently, rm-ends-recording-on-mcp-failure.
 */
export function notifiedWithinBound(config: RecordingConfig): Eventually<RecordingState> {
  // An RM that fails meanwhile delays the notice to its peer's takeover (heartbeat detection).
  const boundMs = Math.max(config.mcpDetectMs, config.rmDetectMs);
  return {
    id: 'recording.mcp-failure-notified',
    kind: 'eventually',
    clauses: ['GIR-MCP-2'],
    statement: `When an MCP fails under a recording session, SIP Server receives RM's notification of that MCP's failure for the session within ${boundMs} ms (RM's detection time, or the heartbeat detection if an RM fails meanwhile) and ${FAIR_STEPS} fair steps, unless no live RM knows the session (A-3: its RM failed before replicating it).`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs,
    trigger: (state) => someUnnotified(state),
    goal: (state) => !someUnnotified(state),
  };
}

/**
 * Excludes: a survivor that never takes over (the VIP stays with the dead RM, or SIP Server
 * keeps sending to it).
 * Shown by: no-takeover.
 */
export function survivorAcceptsRequests(config: RecordingConfig): Eventually<RecordingState> {
  const activeStandby = config.rmMode === 'active-standby';
  return {
    id: 'recording.survivor-accepts-requests',
    kind: 'eventually',
    clauses: ['GIR-RM-2', 'GIR-RM-1', 'GIR-SCALE-2'],
    statement: `When one RM fails and the other is up, within ${config.rmDetectMs} ms (the heartbeat detection) and ${FAIR_STEPS} fair steps the remaining RM is active and serves SIP Server's requests, and the failed one gets none.`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs: config.rmDetectMs,
    trigger: (state) =>
      RMS.some((rm) => state.rms[rm].process === 'up') &&
      RMS.some((rm) => state.rms[rm].process === 'down') &&
      !rmAccepting(state, activeStandby),
    goal: (state) => rmAccepting(state, activeStandby),
  };
}
