/** What the back end's properties share: pending segments and what the pipeline needs. */

import type { Context } from '../../model/backend/context.ts';
import { segmentOf } from '../../model/backend/pipeline.ts';
import {
  type BackendState,
  PROCESSORS,
  SCHEDULERS,
  type SegKey,
} from '../../model/backend/state.ts';

/**
 * A finished segment whose recording has not yet taken effect everywhere it must: closed on the
 * MCP (to be written), stored, or posted, and not yet in Web Services (its row acknowledged),
 * in SpeechMiner (an entry, indexed) and answered to MCP. The effects are read from the back
 * end's own records, not from the recording path's flags.
 */
export function isPending(state: BackendState, seg: SegKey): boolean {
  const segment = segmentOf(state, seg);
  if (segment === undefined) return false;
  if (segment.state !== 'closed' && segment.state !== 'stored' && segment.state !== 'posted')
    return false;
  return !(
    segment.state === 'posted' &&
    state.outbox[seg] === undefined &&
    state.acked[seg] === true &&
    (state.smEntries[seg] ?? 0) > 0 &&
    state.indexed[seg] === true
  );
}

const up = (table: Readonly<Record<string, 'up' | 'down'>>) =>
  Object.values(table).filter((s) => s === 'up').length;

/**
 * Whether no single failure stands in the way of a segment: its MCP, a Processor, a Web
 * Services node, enough Cassandra replicas, a Receiver and a Scheduler are up.
 */
export function pipelineCanRun(state: BackendState, seg: SegKey, ctx: Context): boolean {
  const segment = segmentOf(state, seg);
  if (segment === undefined || state.rec.mcps[segment.mcp] !== 'up') return false;
  const replicasUp = ctx.replicaNodes.filter((n) => state.cassandra[n] === 'up').length;
  return (
    PROCESSORS.some((rp) => state.processors[rp].process === 'up') &&
    up(state.webServices) > 0 &&
    replicasUp >= ctx.required &&
    up(state.receivers) > 0 &&
    SCHEDULERS.some((s) => state.schedulers[s].process === 'up')
  );
}

export function upCount(table: Readonly<Record<string, 'up' | 'down'>>): number {
  return up(table);
}
