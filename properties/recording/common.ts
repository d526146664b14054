/** Shared views of the recording path's state for its properties. */
import type { RecordingState, Segment } from '../../model/recording/state.ts';
import { recordOf } from '../../model/recording/state.ts';
import { type CallId, isServingPrimary, SERVERS } from '../../model/sip-ha/state.ts';

export type { RecordingState };

export function callsOf(state: RecordingState): CallId[] {
  return Object.keys(state.calls) as CallId[];
}

/** A segment a step added to a call: a new recording session, with the one before it if any. */
export interface NewSegment {
  readonly call: CallId;
  readonly segment: Segment;
  readonly previous: Segment | undefined;
  readonly index: number;
}

export function newSegments(before: RecordingState, after: RecordingState): NewSegment[] {
  const found: NewSegment[] = [];
  for (const call of callsOf(after)) {
    const was = recordOf(before.calls, call).segments;
    const now = recordOf(after.calls, call).segments;
    for (let index = was.length; index < now.length; index++) {
      found.push({ call, segment: now[index]!, previous: now[index - 1], index });
    }
  }
  return found;
}

/** Calls established (or recorded) on a serving SIP Server primary. */
export function liveCalls(state: RecordingState): CallId[] {
  return callsOf(state).filter((call) =>
    SERVERS.some((s) => {
      const phase = state.sip.servers[s].table[call];
      return isServingPrimary(state.sip, s) && (phase === 'established' || phase === 'recording');
    }),
  );
}

/** Calls whose recording was interrupted and is not yet recorded again or given up. */
export function interruptedCalls(state: RecordingState): CallId[] {
  return callsOf(state).filter((call) => {
    const status = recordOf(state.calls, call).status;
    return status === 'notified' || status === 'joined' || status === 'waiting';
  });
}

/** Some MCP is up in truth and RM knows it. */
export function someMcpKnownUp(state: RecordingState): boolean {
  return Object.keys(state.mcps).some(
    (m) => state.mcps[m as `mcp${number}`] === 'up' && state.mcpView[m as `mcp${number}`] === 'up',
  );
}
