/**
 * The metadata pipeline: MCP posts a stored segment's metadata to a Recording Processor, which
 * adds call data, submits it to Web Services (a Cassandra write) and to SpeechMiner's
 * Interaction Receiver (shared storage), then acknowledges MCP's POST; the SpeechMiner
 * Scheduler indexes what the Receivers stored. Delivery is at least once: MCP posts again
 * while its POST is unacknowledged and the Processor holding it has failed; both consumers are
 * idempotent (keyed by the recording).
 *
 * Source: GIR "High Availability" › Web Services and Cassandra, Recording Processor,
 * SpeechMiner; domain notes §3.2 (the chain: PUT to storage, then POST to the Processor, which
 * adds Interaction Concentrator data and submits to Web Services and SpeechMiner), A-25..A-28.
 * Simplifications: MCP learns at once that the connection to a failed Processor broke; a
 * Processor answers MCP only when both submissions are done; Web Services coordinates the
 * Cassandra write it receives.
 */
import type { Draft } from 'immer';
import { firstUp } from '../kernel/n-plus-one.ts';
import { isDue } from '../kernel/timers.ts';
import { recordOf } from '../recording/state.ts';
import { reachableCount, writtenCount } from './cassandra.ts';
import type { Context, EventOf } from './context.ts';
import {
  type BackendState,
  parseSegKey,
  type RpId,
  type SegKey,
  type Stage,
  segKey,
  type WsId,
} from './state.ts';

/** The recording path's segment behind a key, if it exists yet. */
export function segmentOf(state: BackendState, seg: SegKey) {
  const { call, segment } = parseSegKey(seg);
  return recordOf(state.rec.calls, call).segments[segment];
}

export function stageOf(state: BackendState, rp: RpId, seg: SegKey): Stage | undefined {
  return state.processors[rp].work[seg];
}

/** A Processor takes new POSTs: any live one (active-active), or a live active (active-backup). */
export function accepts(state: BackendState, rp: RpId, ctx: Context): boolean {
  const p = state.processors[rp];
  if (p.process !== 'up') return false;
  return ctx.config.processorMode === 'active-active' || p.role === 'active';
}

/** MCP's POST of a segment's metadata opens an outbox entry (the recording path marks it posted). */
export function openOutbox(draft: Draft<BackendState>, call: string, segment: number): void {
  draft.outbox[segKey(call as never, segment)] = 'none';
}

export function metadataDelivered(
  draft: Draft<BackendState>,
  event: EventOf<'metadataDelivered'>,
): void {
  draft.outbox[event.seg] = event.rp;
  draft.processors[event.rp].work[event.seg] = 'received';
}

/** MCP (up) re-sends a POST nobody holds; the Processor must be taking POSTs. */
export function deliverEnabled(
  state: BackendState,
  event: EventOf<'metadataDelivered'>,
  ctx: Context,
): boolean {
  if (state.outbox[event.seg] !== 'none') return false;
  const segment = segmentOf(state, event.seg);
  return (
    segment !== undefined && state.rec.mcps[segment.mcp] === 'up' && accepts(state, event.rp, ctx)
  );
}

function advance(draft: Draft<BackendState>, rp: RpId, seg: SegKey, stage: Stage): void {
  draft.processors[rp].work[seg] = stage;
}

export function callDataAdded(draft: Draft<BackendState>, e: EventOf<'callDataAdded'>): void {
  advance(draft, e.rp, e.seg, 'enriched');
}

export function stageIs(stage: Stage) {
  return (state: BackendState, e: { rp: RpId; seg: SegKey }): boolean =>
    stageOf(state, e.rp, e.seg) === stage &&
    // Stryker disable next-line ConditionalExpression: a crashed Processor holds no work (failMember clears it), so no stage of it matches
    state.processors[e.rp].process === 'up';
}

/** The Web Services node a request goes to: the first that answers (N+1 pool). */
export function wsNodeFor(state: BackendState, ctx: Context): WsId | undefined {
  return firstUp(ctx.webServices, (ws) => state.webServices[ws] === 'up');
}

/**
 * Web Services takes the request: it creates the recording's record, keyed by the segment (a
 * retry finds it and changes nothing), and writes its row to every replica that is up.
 */
export function wsRequested(
  draft: Draft<BackendState>,
  e: EventOf<'wsRequested'>,
  ctx: Context,
): void {
  const ws = wsNodeFor(draft, ctx);
  if (ws === undefined) return;
  advance(draft, e.rp, e.seg, `writing:${ws}`);
  draft.wsRecords[e.seg] = 1;
  writeRow(draft, e.seg, ctx);
}

/** The coordinator sends the row to every replica that is up and does not have it yet. */
export function writeRow(draft: Draft<BackendState>, seg: SegKey, ctx: Context): void {
  if (draft.replicas[seg] === undefined) draft.replicas[seg] = {};
  const copies = draft.replicas[seg];
  for (const node of ctx.replicaNodes) {
    if (draft.cassandra[node] === 'up' && copies[node] !== 'written') copies[node] = 'pending';
  }
}

export function wsRequestEnabled(
  state: BackendState,
  e: EventOf<'wsRequested'>,
  ctx: Context,
): boolean {
  return stageIs('enriched')(state, e) && wsNodeFor(state, ctx) !== undefined;
}

export function replicaWritten(draft: Draft<BackendState>, e: EventOf<'replicaWritten'>): void {
  const copies = draft.replicas[e.seg];
  if (copies !== undefined) copies[e.node] = 'written';
}

export function replicaEnabled(state: BackendState, e: EventOf<'replicaWritten'>): boolean {
  return (
    state.replicas[e.seg]?.[e.node] === 'pending' &&
    // Stryker disable next-line ConditionalExpression: copies are pending only on nodes up (writeRow), and a node's crash drops its pending ones
    state.cassandra[e.node] === 'up'
  );
}

function coordinatorOf(stage: Stage | undefined): WsId | undefined {
  return stage?.startsWith('writing:') ? (stage.slice('writing:'.length) as WsId) : undefined;
}

/** Enough replicas wrote the row: Web Services (still up) acknowledges it. */
export function wsAnswered(draft: Draft<BackendState>, e: EventOf<'wsAnswered'>): void {
  advance(draft, e.rp, e.seg, 'written');
  draft.acked[e.seg] = true;
}

export function wsAnswerEnabled(
  state: BackendState,
  e: EventOf<'wsAnswered'>,
  ctx: Context,
): boolean {
  const ws = coordinatorOf(stageOf(state, e.rp, e.seg));
  return (
    ws !== undefined &&
    writtenCount(state.replicas[e.seg]) >= ctx.required &&
    // Stryker disable next-line ConditionalExpression: a Web Services node's crash sends its writes back to 'enriched', so a coordinator in a stage is up
    state.webServices[ws] === 'up' &&
    // Stryker disable next-line ConditionalExpression: a crashed Processor holds no work (failMember clears it), so no stage of it matches
    state.processors[e.rp].process === 'up'
  );
}

/** Too few replicas can still answer the write: the Processor will send the request again. */
export function wsRequestFailed(draft: Draft<BackendState>, e: EventOf<'wsRequestFailed'>): void {
  advance(draft, e.rp, e.seg, 'enriched');
}

export function wsFailEnabled(
  state: BackendState,
  e: EventOf<'wsRequestFailed'>,
  ctx: Context,
): boolean {
  const ws = coordinatorOf(stageOf(state, e.rp, e.seg));
  return (
    ws !== undefined &&
    reachableCount(state.replicas[e.seg], state.cassandra) < ctx.required &&
    // Stryker disable next-line ConditionalExpression: a crashed Processor holds no work (failMember clears it), so no stage of it matches
    state.processors[e.rp].process === 'up'
  );
}

/** An Interaction Receiver stores the recording in the shared storage, keyed by the segment. */
export function smSubmitted(draft: Draft<BackendState>, e: EventOf<'smSubmitted'>): void {
  // The guard (smSubmitEnabled) requires a live Interaction Receiver.
  draft.smEntries[e.seg] = 1;
  advance(draft, e.rp, e.seg, 'submitted');
}

export function smSubmitEnabled(
  state: BackendState,
  e: EventOf<'smSubmitted'>,
  ctx: Context,
): boolean {
  return (
    stageIs('written')(state, e) &&
    firstUp(ctx.receivers, (ir) => state.receivers[ir] === 'up') !== undefined
  );
}

/** Both submissions are done: the Processor answers MCP's POST, which MCP then forgets. */
export function postAcknowledged(draft: Draft<BackendState>, e: EventOf<'postAcknowledged'>): void {
  delete draft.processors[e.rp].work[e.seg];
  delete draft.outbox[e.seg];
}

/** The answer goes back over MCP's POST, so the MCP that posted must still be up. */
export function ackEnabled(state: BackendState, e: EventOf<'postAcknowledged'>): boolean {
  const segment = segmentOf(state, e.seg);
  return (
    stageIs('submitted')(state, e) && segment !== undefined && state.rec.mcps[segment.mcp] === 'up'
  );
}

export function recordingIndexed(draft: Draft<BackendState>, e: EventOf<'recordingIndexed'>): void {
  draft.indexed[e.seg] = true;
  draft.indexedBy[e.seg] = e.sch; // ghost: who did the Scheduler's work
}

export function indexEnabled(state: BackendState, e: EventOf<'recordingIndexed'>): boolean {
  const sch = state.schedulers[e.sch];
  return (
    sch.role === 'active' &&
    // Stryker disable next-line ConditionalExpression: a member that is down is a standby (singleton.fail), so an active one is up
    sch.process === 'up' &&
    (state.smEntries[e.seg] ?? 0) > 0 &&
    state.indexed[e.seg] === undefined
  );
}

/** Whether the standby can take over: its takeover timer ran out. */
export function takeoverEnabled(state: BackendState, e: EventOf<'takenOver'>): boolean {
  // The timer runs only while the member is up, a standby, and sees no live active: rearmAll
  // (environment.ts) sets or clears it after every change to a pair, and arms the Processors'
  // only in active-backup. So its running out is the whole guard; only-live-members-act judges
  // the takeover against the members themselves.
  return isDue(state.timers, `takeover:${e.node}`);
}
