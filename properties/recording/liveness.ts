/**
 * Bounded liveness of the recording path, under the fair schedule of
 * properties/engine/liveness.ts (no traffic, faults or repairs; protocol steps, then deliveries,
 * then time).
 * Clauses: GIR-MCP-2 (RM notifies SIP Server), GIR-MCP-4 (SIP Server records the call again),
 * GIR-RM-2 (the remaining RM continues to accept requests). Assumptions.
 */

import { sipCanAct } from '../../model/recording/client.ts';
import type { RecordingConfig } from '../../model/recording/config.ts';
import { context } from '../../model/recording/index.ts';
import { reachableRm } from '../../model/recording/selection.ts';
import { mcpOf, type RecordingState, RMS, recordOf } from '../../model/recording/state.ts';
import type { Eventually } from '../engine/property.ts';
import { callsOf, interruptedCalls, someMcpKnownUp } from './common.ts';

/** Room for the other calls' and the SIP Server pair's own steps that the schedule runs first. */
const FAIR_STEPS = 20;

const FAIRNESS =
  'faults, repairs and traffic stop; RM, SIP Server and SCS take their steps, then deliveries; time advances only when nothing else can happen';

export function reRecordedWithinBound(config: RecordingConfig): Eventually<RecordingState> {
  const ctx = context(config);
  // A retry may be pending; an MCP that died unnoticed may be selected once per further fault.
  const boundMs = config.retryIntervalMs + Math.max(0, config.faultBudget - 1) * config.mcpDetectMs;
  return {
    id: 'recording.rerecorded-within-bound',
    kind: 'eventually',
    clauses: ['GIR-MCP-4'],
    statement: `After an MCP failure, once SIP Server serves the call, an RM is reachable and some MCP is up and known up to RM, every interrupted call is joined and recorded again within ${boundMs} ms and ${FAIR_STEPS} fair steps.`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs,
    trigger: (state) =>
      someMcpKnownUp(state) &&
      reachableRm(state, ctx) !== undefined &&
      interruptedCalls(state).some((call) => sipCanAct(state, call)),
    goal: (state) => interruptedCalls(state).length === 0,
  };
}

/** Calls whose open session sits on a dead MCP that a serving, live RM still holds. */
function unnoticed(state: RecordingState): boolean {
  return callsOf(state).some((call) => {
    const rec = recordOf(state.calls, call);
    const last = rec.segments.at(-1);
    if (rec.status !== 'active' || last === undefined || state.mcps[last.mcp] !== 'down')
      return false;
    return RMS.some(
      (rm) =>
        state.rms[rm].process === 'up' &&
        state.rms[rm].serving &&
        mcpOf(state.rms[rm].table[call]) === last.mcp,
    );
  });
}

export function notifiedWithinBound(config: RecordingConfig): Eventually<RecordingState> {
  return {
    id: 'recording.mcp-failure-notified',
    kind: 'eventually',
    clauses: ['GIR-MCP-2'],
    statement: `When an MCP fails under a recording session that a serving RM holds, RM notifies SIP Server within ${config.mcpDetectMs} ms (its detection time) and ${FAIR_STEPS} fair steps.`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs: config.mcpDetectMs,
    trigger: unnoticed,
    goal: (state) => !unnoticed(state),
  };
}

export function survivorAcceptsRequests(config: RecordingConfig): Eventually<RecordingState> {
  const ctx = context(config);
  return {
    id: 'recording.survivor-accepts-requests',
    kind: 'eventually',
    clauses: ['GIR-RM-2', 'GIR-RM-1', 'GIR-SCALE-2'],
    statement: `When one RM fails and the other is up, SIP Server's requests reach the remaining RM within ${config.rmDetectMs} ms (the heartbeat detection) and ${FAIR_STEPS} fair steps.`,
    fairness: FAIRNESS,
    boundSteps: FAIR_STEPS,
    boundMs: config.rmDetectMs,
    trigger: (state) =>
      RMS.some((rm) => state.rms[rm].process === 'up') &&
      RMS.some((rm) => state.rms[rm].process === 'down') &&
      reachableRm(state, ctx) === undefined,
    goal: (state) => reachableRm(state, ctx) !== undefined,
  };
}
