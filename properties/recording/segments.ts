/**
 * What an MCP's failure does to the recording it was making (GIR-MCP-1: "MCP becomes a single
 * point of failure"): the sessions it recorded end with it, and their audio so far is kept or
 * lost as the deployment's storage allows (A-9, option `preCrashAudio`). Read from ground truth
 * (the MCPs' processes and the calls' segments).
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type McpId, type RecordingState, recordOf } from '../../model/recording/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { callsOf } from './common.ts';

/**
 * Excludes: a segment still open on an MCP that does not run (its crash left it recording), and
 * a crashed MCP's open segment stored where pre-crash audio is lost, or lost where it is kept.
 * Shown by: crash-leaves-segment-open, crash-keeps-lost-audio.
 */
export function mcpCrashEndsSegments(
  config: RecordingConfig,
): StepProperty<RecordingState, RecordingEvent> {
  const expected = config.preCrashAudio === 'kept' ? 'stored' : 'lost';
  return {
    id: 'recording.mcp-crash-ends-segments',
    kind: 'step',
    clauses: ['GIR-MCP-1'],
    statement: `A segment is open only on a running MCP: an MCP's crash ends every segment it was recording, and their audio is ${expected} (pre-crash audio ${config.preCrashAudio}).`,
    check(before, _event, after) {
      for (const call of callsOf(after)) {
        const was = recordOf(before.calls, call).segments;
        const now = recordOf(after.calls, call).segments;
        for (const [i, seg] of now.entries()) {
          const mcp: McpId = seg.mcp;
          if (seg.state === 'open' && after.mcps[mcp] !== 'up')
            return `segment ${i} of ${call} is open on ${mcp}, which is ${after.mcps[mcp]}`;
          const crashed = before.mcps[mcp] === 'up' && after.mcps[mcp] !== 'up';
          if (crashed && was[i]?.state === 'open' && seg.state !== expected)
            return `${mcp} crashed while recording segment ${i} of ${call}, which is ${seg.state}, not ${expected}`;
        }
      }
      return undefined;
    },
  };
}
