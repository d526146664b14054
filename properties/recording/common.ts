/** Shared views of the recording path's state for its properties. */
import type { McpId, RecordingState, Segment } from '../../model/recording/state.ts';
import { RMS, recordOf } from '../../model/recording/state.ts';
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

/** Calls SIP Server's recording client treats as interrupted: notified, joined, or waiting to retry. */
export function interruptedCalls(state: RecordingState): CallId[] {
  return callsOf(state).filter((call) => {
    const status = recordOf(state.calls, call).status;
    return status === 'notified' || status === 'joined' || status === 'waiting';
  });
}

/**
 * Calls whose recording is not going on although it should: the call's recording was set up,
 * not given up after its retries and not over, yet its last segment is not open on its MCP. Read from the
 * segments themselves (truth), not from the client's status, so a status that says "recording"
 * without a session does not count as recorded.
 */
export function unrecordedCalls(state: RecordingState): CallId[] {
  return callsOf(state).filter((call) => {
    const rec = recordOf(state.calls, call);
    // giving up is a documented end only once the retries are used up.
    const gaveUp = rec.status === 'failed' && rec.retriesLeft === 0;
    if (rec.status === 'off' || gaveUp || recordingOver(rec)) return false;
    return rec.segments.at(-1)?.state !== 'open';
  });
}

/**
 * The client says the call's recording is over (releasing or done), and the call's media path
 * has ended too (truth): a recording marked over on a call whose media still runs is not over.
 */
export function recordingOver(rec: RecordingState['calls'][CallId]): boolean {
  return (rec.status === 'releasing' || rec.status === 'done') && rec.media === 'none';
}

/** Some MCP is up in truth and RM knows it. */
export function someMcpKnownUp(state: RecordingState): boolean {
  return (Object.keys(state.mcps) as McpId[]).some(
    (m) => state.mcps[m] === 'up' && state.mcpView[m] === 'up',
  );
}

/**
 * A new request of SIP Server reaches a live RM, read from the RM pair's state: some live RM is
 * serving (holds the Virtual IP, or is in SIP Server's rotation) and no dead one still is, so no
 * request can go to a dead RM. In active-standby the serving RM must also be the active one.
 */
export function rmAccepting(state: RecordingState, activeStandby: boolean): boolean {
  const live = RMS.filter((rm) => state.rms[rm].process === 'up' && state.rms[rm].serving);
  const dead = RMS.filter((rm) => state.rms[rm].process === 'down' && state.rms[rm].serving);
  return (
    dead.length === 0 &&
    live.length > 0 &&
    (!activeStandby || live.every((rm) => state.rms[rm].role === 'primary'))
  );
}

/** Some SIP Server primary that serves and holds the Virtual IP has the call established. */
export function sipServes(state: RecordingState, call: CallId): boolean {
  return SERVERS.some((s) => {
    const phase = state.sip.servers[s].table[call];
    return (
      isServingPrimary(state.sip, s) &&
      state.sip.servers[s].vip &&
      (phase === 'established' || phase === 'recording')
    );
  });
}
