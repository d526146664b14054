/**
 * The group's load-balancing method (domain notes §2.2; GQM names round robin and least used):
 * which of the MCPs RM believes up a new session goes to. Worked out here from the config and the
 * accepting RM's own table and rotation position before the step, not with the model's selection
 * functions. Clause GIR-MCP-5 (another MCP is selected after a failure because the method moves
 * on), assumption A-7 (option `balancing`).
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import { type McpId, type RecordingState, recordOf } from '../../model/recording/state.ts';
import type { StepProperty } from '../engine/property.ts';
import { newSegments } from './common.ts';

/** Open sessions per MCP in a table: a session value is `<mcp>|<parameters>`, or 'none'. */
function loads(table: Readonly<Record<string, string | undefined>>): Map<string, number> {
  const n = new Map<string, number>();
  for (const value of Object.values(table)) {
    if (value === undefined || value === 'none') continue;
    const mcp = value.split('|')[0]!;
    n.set(mcp, (n.get(mcp) ?? 0) + 1);
  }
  return n;
}

/**
 * Excludes: a least-used group that gives a new session to a busier MCP than another it believes
 * up; a round-robin group that does not go on to the next MCP it believes up after its last pick,
 * or does not remember the pick it made.
 * Which of equally loaded MCPs least used takes is left open.
 * Shown by: least-used-ignores-load, round-robin-stuck.
 */
export function mcpBalancing(
  config: RecordingConfig,
): StepProperty<RecordingState, RecordingEvent> {
  const order = Array.from({ length: config.mcps }, (_, i) => `mcp${i + 1}` as McpId);
  return {
    id: 'recording.mcp-balancing',
    kind: 'step',
    clauses: ['GIR-MCP-5'],
    statement: `RM gives a new recording session to the MCP its group's ${config.balancing} method picks among those it believes up (${config.balancing === 'least-used' ? 'one with the fewest sessions in its table' : 'the next after its last pick, in the group order'}).`,
    check(before, _event, after) {
      for (const s of newSegments(before, after)) {
        const rm = recordOf(after.calls, s.call).anchor;
        const up = order.filter((m) => before.mcpView[m] === 'up');
        const picked = s.segment.mcp;
        if (config.balancing === 'least-used') {
          const load = loads(before.rms[rm].table);
          const fewest = Math.min(...up.map((m) => load.get(m) ?? 0));
          if ((load.get(picked) ?? 0) > fewest)
            return `${rm} gave ${s.call} to ${picked} with ${load.get(picked) ?? 0} sessions although another MCP it believed up had ${fewest}`;
        } else {
          const last = before.rms[rm].lastMcp;
          const from = last === 'none' ? -1 : order.indexOf(last);
          const next = up.find((m) => order.indexOf(m) > from) ?? up[0];
          if (next !== undefined && picked !== next)
            return `${rm} gave ${s.call} to ${picked}, but after its last pick ${last} round robin goes on to ${next}`;
          // The rotation goes on from this pick, so the RM's record of it is judged too.
          if (after.rms[rm].lastMcp !== picked)
            return `${rm} gave ${s.call} to ${picked} but records ${after.rms[rm].lastMcp} as its last pick`;
        }
      }
      return undefined;
    },
  };
}
