/**
 * The back end's adversary and clock: crashes and restarts of every back-end process, a
 * partition inside a standby pair, a failed storage write, and time (shared with the recording
 * path, whose timers advance with the back end's).
 *
 * Source: DESIGN "Faults are events drawn from one shared vocabulary"; domain notes A-25..A-28.
 * Simplification: a Cassandra node that crashes loses the writes still on their way to it
 * (no hinted handoff) and keeps what it wrote.
 */
import type { Draft } from 'immer';
import { failMember, resendFrom } from '../kernel/active-active.ts';
import * as singleton from '../kernel/active-standby.ts';
import type { TimeSpec } from '../kernel/model.ts';
import { local } from '../kernel/tables.ts';
import { time as recordingTime } from '../recording/environment.ts';
import type { Context, Decls, EventOf } from './context.ts';
import type { BackendEvent } from './events.ts';
import { segmentOf, takeoverEnabled } from './pipeline.ts';
import {
  type BackendNode,
  type BackendState,
  type CassId,
  type IrId,
  PROCESSORS,
  type RcsId,
  type RpId,
  SCHEDULERS,
  type SchId,
  type UiId,
  type WsId,
} from './state.ts';

const isProcessor = (n: string): n is RpId => n === 'rp1' || n === 'rp2';

const isScheduler = (n: string): n is SchId => n === 'sch1' || n === 'sch2';

/** Re-arms the standbys' takeover timers after any change to a standby pair. */
export function rearmAll(draft: Draft<BackendState>, ctx: Context): void {
  const ms = ctx.config.takeoverMs;
  if (ctx.config.processorMode === 'active-backup')
    singleton.rearm(PROCESSORS, draft.processors, draft.timers, (id) => `takeover:${id}`, ms);
  singleton.rearm(SCHEDULERS, draft.schedulers, draft.timers, (id) => `takeover:${id}`, ms);
}

/** Where a simple (up/down) node's status lives. */
function simpleTable(draft: Draft<BackendState>, node: BackendNode): Record<string, 'up' | 'down'> {
  if (node.startsWith('ws')) return draft.webServices as Record<WsId, 'up' | 'down'>;
  if (node.startsWith('cass')) return draft.cassandra as Record<CassId, 'up' | 'down'>;
  if (node.startsWith('ir')) return draft.receivers as Record<IrId, 'up' | 'down'>;
  if (node.startsWith('ui')) return draft.ui as Record<UiId, 'up' | 'down'>;
  return draft.crypto as Record<RcsId, 'up' | 'down'>;
}

export function isUp(state: BackendState, node: BackendNode): boolean {
  if (isProcessor(node)) return state.processors[node].process === 'up';
  if (isScheduler(node)) return state.schedulers[node].process === 'up';
  return simpleTable(state as Draft<BackendState>, node)[node] === 'up';
}

/** A back-end process dies; a Processor loses the work it held, and MCP's POSTs to it break. */
export function crashBackend(draft: Draft<BackendState>, node: BackendNode, ctx: Context): void {
  if (isProcessor(node)) {
    failMember(draft.processors[node]);
    singleton.fail(draft.processors, node);
    resendFrom(draft.outbox, node);
  } else if (isScheduler(node)) {
    singleton.fail(draft.schedulers, node);
  } else {
    simpleTable(draft, node)[node] = 'down';
    // The Processors' requests to a Web Services node break with it; they will send them again.
    for (const rp of PROCESSORS) {
      const work = draft.processors[rp].work;
      for (const seg of ctx.segments) if (work[seg] === `writing:${node}`) work[seg] = 'enriched';
    }
    // A Cassandra node that crashes loses the copies it had not written yet.
    for (const seg of ctx.segments) {
      const copies = draft.replicas[seg];
      if (copies?.[node as CassId] === 'pending') delete copies[node as CassId];
    }
  }
  rearmAll(draft, ctx);
}

export function restartBackend(draft: Draft<BackendState>, node: BackendNode, ctx: Context): void {
  if (isProcessor(node)) singleton.restart(draft.processors, node);
  else if (isScheduler(node)) singleton.restart(draft.schedulers, node);
  else simpleTable(draft, node)[node] = 'up';
  rearmAll(draft, ctx);
}

export function partitionStarted(
  draft: Draft<BackendState>,
  e: EventOf<'partitionStarted'>,
  ctx: Context,
): void {
  if (isProcessor(e.node)) draft.processors[e.node].cut = true;
  else draft.schedulers[e.node].cut = true;
  rearmAll(draft, ctx);
}

export function partitionHealed(
  draft: Draft<BackendState>,
  e: EventOf<'partitionHealed'>,
  ctx: Context,
): void {
  if (isProcessor(e.node)) singleton.heal(PROCESSORS, draft.processors);
  else singleton.heal(SCHEDULERS, draft.schedulers);
  rearmAll(draft, ctx);
}

export function isCut(state: BackendState, node: RpId | SchId): boolean {
  return isProcessor(node) ? state.processors[node].cut : state.schedulers[node].cut;
}

export function takenOver(draft: Draft<BackendState>, e: EventOf<'takenOver'>, ctx: Context): void {
  delete draft.timers[`takeover:${e.node}`];
  if (isProcessor(e.node)) singleton.takeOver(PROCESSORS, draft.processors, e.node);
  else singleton.takeOver(SCHEDULERS, draft.schedulers, e.node);
  rearmAll(draft, ctx);
}

/**
 * The MCP's write of a finished segment fails; the segment stays closed and is written again. A
 * write that has failed fails again only after it is retried (a second failure before would
 * spend a fault and change nothing).
 */
export function storageWriteFailed(
  draft: Draft<BackendState>,
  e: EventOf<'storageWriteFailed'>,
): void {
  draft.writeFailed[e.seg] = true;
}

export function writeFailEnabled(state: BackendState, e: EventOf<'storageWriteFailed'>): boolean {
  const segment = segmentOf(state, e.seg);
  return (
    segment?.state === 'closed' &&
    state.rec.mcps[segment.mcp] === 'up' &&
    state.writeFailed[e.seg] !== true
  );
}

/**
 * The back end's time: the recording path's timers (the pair's among them) and its own, one
 * clock; it waits for what the recording path's time waits for.
 */
export const time: TimeSpec<BackendState, Context, BackendEvent> = {
  timers: (state) => [...recordingTime.timers(state.rec), state.timers],
  urgent: recordingTime.urgent,
  elapsed: (draft, ms, ctx) => recordingTime.elapsed?.(draft.rec, ms, ctx.rec),
};

export const events: Decls<
  'storageWriteFailed' | 'takenOver' | 'partitionStarted' | 'partitionHealed'
> = {
  storageWriteFailed: {
    kind: 'fault',
    guard: writeFailEnabled,
    handle: storageWriteFailed,
    label: (e) => `the storage write of segment ${e.seg} fails (MCP keeps the file)`,
    lifeline: () => ({ from: 'MCP', to: 'Storage' }),
  },
  takenOver: {
    kind: 'protocol',
    guard: takeoverEnabled,
    handle: takenOver,
    label: (e) => `standby ${e.node} takes over as active`,
    lifeline: (e) => local(e.node),
  },
  partitionStarted: {
    kind: 'fault',
    guard: (s, e) => isUp(s, e.node) && !isCut(s, e.node),
    handle: partitionStarted,
    label: (e) => `${e.node} is cut from its peer`,
    lifeline: (e) => local(e.node),
  },
  partitionHealed: {
    kind: 'repair',
    guard: (s, e) => isCut(s, e.node),
    handle: partitionHealed,
    label: (e) => `the partition of ${e.node} heals`,
    lifeline: (e) => local(e.node),
  },
};
