/**
 * How a recording's pieces may change, read from ground truth around each step: a segment (one
 * MCP's session of a call) moves only forward through its life and keeps its MCP and parameters;
 * only a running MCP stores or posts it; SIP Server gives up a recording only after its retries
 * and the recording solution's own crashes and restarts strike the process they name.
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type RecordingState, recordOf, type Segment } from '../../model/recording/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { sameValue } from '../fault-budget.ts';
import { callsOf } from './common.ts';

type Step = StepProperty<RecordingState, RecordingEvent>;

/**
 * A segment's life: open while its MCP records, closed when the call's BYE ends it, stored and
 * then posted by its MCP; lost when its MCP died (before it could record, or while recording
 * with pre-crash audio lost); stored at once when an MCP crashes with its audio kept.
 */
const NEXT: Readonly<Record<Segment['state'], readonly Segment['state'][]>> = {
  open: ['closed', 'stored', 'lost'],
  closed: ['stored'],
  stored: ['posted'],
  posted: [],
  lost: [],
};

/**
 * Excludes: a segment that goes back in its life (a stored one closed again), skips a step, is
 * removed, or changes its MCP or parameters; two segments begun in one step; a segment stored or
 * posted by an MCP that does not run.
 * Shown by: close-ends-stored-segments, dead-mcp-stores.
 */
export const segmentLifecycle: Step = {
  id: 'recording.segment-lifecycle',
  kind: 'step',
  clauses: ['GIR-MCP-1', 'GIR-MCP-4'],
  statement:
    'A segment only moves forward (open, then closed, stored and posted, or lost) and keeps its MCP and parameters; a step begins at most one; only a running MCP stores or posts a segment.',
  check(before, event, after) {
    for (const call of callsOf(after)) {
      const was = recordOf(before.calls, call).segments;
      const now = recordOf(after.calls, call).segments;
      if (now.length < was.length) return `${event.type} removed a segment of ${call}`;
      if (now.length > was.length + 1) return `${event.type} began two segments of ${call}`;
      for (const [i, seg] of was.entries()) {
        const next = now[i]!;
        if (next.mcp !== seg.mcp || next.params !== seg.params)
          return `${event.type} moved segment ${i} of ${call} from ${seg.mcp} (${seg.params}) to ${next.mcp} (${next.params})`;
        if (next.state === seg.state) continue;
        if (!NEXT[seg.state].includes(next.state))
          return `${event.type} took segment ${i} of ${call} from ${seg.state} to ${next.state}`;
        if ((next.state === 'stored' || next.state === 'posted') && before.mcps[seg.mcp] !== 'up')
          return `segment ${i} of ${call} became ${next.state} although ${seg.mcp} is ${before.mcps[seg.mcp]}`;
      }
    }
    return undefined;
  },
};

/**
 * Read from the call's retry count, which a new session resets to `maxRecordRetries`.
 * Excludes: SIP Server giving up a recording while retries are left; a retry that spends none
 * that is left, or more than one; retries given back without a new session.
 * Shown by: retry-spends-two.
 */
export function retriesSpent(config: RecordingConfig): Step {
  return {
    id: 'recording.gives-up-after-retries',
    kind: 'step',
    clauses: ['GIR-MCP-4'],
    statement: `SIP Server gives up recording a call only after ${config.maxRecordRetries} retries (maxRecordRetries, A-8), each spending one that is left; a new session starts with all of them.`,
    check(before, event, after) {
      for (const call of callsOf(after)) {
        const was = recordOf(before.calls, call);
        const now = recordOf(after.calls, call);
        const started = now.status === 'active' && was.status !== 'active';
        if (now.status === 'failed' && was.status !== 'failed' && was.retriesLeft !== 0)
          return `${event.type} gave up recording ${call} with ${was.retriesLeft} retries left`;
        if (started && now.retriesLeft !== config.maxRecordRetries)
          return `a new session of ${call} starts with ${now.retriesLeft} retries, not ${config.maxRecordRetries}`;
        if (now.retriesLeft > was.retriesLeft && !started)
          return `${event.type} gave ${call} more retries (${was.retriesLeft} to ${now.retriesLeft}) without a new session`;
        const spent = was.retriesLeft - now.retriesLeft;
        if (spent > 0 && (was.retriesLeft <= 0 || spent !== 1 || now.status !== 'waiting'))
          return `${event.type} spent retries of ${call} from ${was.retriesLeft} to ${now.retriesLeft} (status ${now.status}): a retry spends one, and only one that is left`;
      }
      return undefined;
    },
  };
}

/** Whether a node of the recording solution runs, from ground truth. */
function runs(state: RecordingState, node: string): boolean {
  if (node in state.sip.servers) return state.sip.servers[node as 'sip1'].process !== 'down';
  if (node in state.rms) return state.rms[node as 'rm1'].process === 'up';
  return state.mcps[node as 'mcp1'] === 'up';
}

/**
 * Excludes: a crash that leaves the process it names running (or takes another down), a restart
 * that leaves it down; a SIP Server host crash that leaves the host up.
 * Shown by: rm2-crash-hits-mcp.
 */
export const faultsHitWhatTheyName: Step = {
  id: 'recording.faults-hit-what-they-name',
  kind: 'step',
  clauses: ['GIR-RM-3', 'GIR-MCP-1'],
  statement:
    'A crash stops the SIP Server, RM or MCP process it names and a restart brings it back; a SIP Server host crash takes the host down; no other process of the solution stops or starts in those steps.',
  check(before, event, after) {
    if (
      event.type !== 'processCrashed' &&
      event.type !== 'hostCrashed' &&
      event.type !== 'processRestarted'
    )
      return undefined;
    const nodes = [
      ...Object.keys(after.sip.servers),
      ...Object.keys(after.rms),
      ...Object.keys(after.mcps),
    ];
    for (const node of nodes) {
      const now = runs(after, node);
      if (node !== event.node) {
        if (now !== runs(before, node))
          return `${event.type} ${event.node} ${now ? 'started' : 'stopped'} ${node} as well`;
      } else if (now !== (event.type === 'processRestarted'))
        return `${event.type} ${event.node} left it ${now ? 'running' : 'down'}`;
    }
    if (event.type === 'hostCrashed' && after.sip.hosts[event.node as 'sip1'].up)
      return `hostCrashed ${event.node} left the host up`;
    return undefined;
  },
};

/**
 * Excludes: a Resource Manager that is down yet changes its session table, its replication
 * state, its role or its round-robin place, or comes back into SIP Server's rotation (as the
 * active-standby takeover of a dead standby would).
 * Shown by: dead-standby-takes-vip.
 */
export const downRmFrozen: Step = {
  id: 'recording.down-rm-frozen',
  kind: 'step',
  clauses: ['GIR-RM-1', 'GIR-RM-2'],
  statement:
    'A Resource Manager that is down changes nothing of its own: not its session table, replication state, role or round-robin place; it can only leave the rotation, never join it.',
  check(before, event, after) {
    for (const [id, rm] of Object.entries(before.rms)) {
      if (rm.process !== 'down') continue;
      const now = after.rms[id as 'rm1'];
      const fields = ['role', 'readiness', 'lastMcp'] as const;
      for (const f of fields)
        if (now[f] !== rm[f]) return `${event.type} changed the ${f} of ${id}, which is down`;
      if (!sameValue(now.table, rm.table) || !sameValue(now.acked, rm.acked))
        return `${event.type} changed the session table of ${id}, which is down`;
      if (now.serving && !rm.serving) return `${event.type} put ${id}, which is down, in rotation`;
    }
    return undefined;
  },
};
