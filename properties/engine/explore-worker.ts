/**
 * A worker of the parallel engines, kept by its process between searches (pool.ts). For each
 * explorer search it rebuilds the target and expands its share of each BFS level on command,
 * over the fingerprint set and parent links it shares with the others, and at the end lets go
 * of the search's memory; for random runs it rebuilds the target and runs its share of the runs
 * with its own seed.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { setAutoFreeze } from '../../model/kernel/immer.ts';
import type { ModelEvent } from '../../model/kernel/model.ts';
import { type Entry, Expander, type Found, type Reductions } from './expand.ts';
import { type RandomOptions, type RandomResult, randomCheck } from './random.ts';
import { Share } from './share.ts';
import { loadTarget, type TargetSpec } from './target.ts';
import type { CacheStats } from './transitions.ts';
import { MEMORY_CHECK, overBudget, type SharedMemory, Visited } from './visited.ts';

/** One search's part for one explorer worker. */
export interface SearchPart {
  readonly target: TargetSpec;
  readonly memory: SharedMemory;
  /** This worker's number, the work-sharing block and its ports to the others. */
  readonly me: number;
  readonly share: SharedArrayBuffer;
  readonly outbox: readonly (MessagePort | undefined)[];
  readonly inbox: readonly (MessagePort | undefined)[];
  /** Entries of a level kept unpacked (expand.ts); the default when undefined. */
  readonly liveBudget: number | undefined;
  readonly reductions: Reductions;
  readonly transitionCache: boolean | undefined;
  /** The search's budget of resident memory in bytes (explore.ts), if any. */
  readonly maxMemory: number | undefined;
}

export type ToWorker =
  | ({ readonly type: 'search' } & SearchPart)
  | { readonly type: 'root' }
  | { readonly type: 'expand' }
  | { readonly type: 'shard'; readonly index: number; readonly count: number }
  | { readonly type: 'finish' }
  | { readonly type: 'random'; readonly target: TargetSpec; readonly options: RandomOptions };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'level'; readonly size: number; readonly found?: unknown }
  | {
      readonly type: 'finished';
      readonly transitions: number;
      readonly cache: CacheStats;
      readonly witnessed: readonly string[];
      readonly triggered: Readonly<Record<string, number>>;
    }
  | { readonly type: 'random-done'; readonly result: RandomResult<unknown> };

/** States expanded between two looks at whether another worker is out of work. */
const CHUNK = 32;
/**
 * The most states handed over at once. A handed state arrives as a copy that shares nothing, and
 * a worker that is far behind (descheduled on a busy machine) would otherwise hand over half of a
 * large frontier in one message; smaller batches keep the copies few, and an idle worker simply
 * asks again.
 */
const MAX_BATCH = 2048;

interface Search {
  readonly expander: Expander<object, ModelEvent>;
  readonly share: Share;
  readonly ports: readonly MessagePort[];
  frontier: Entry[];
  readonly maxMemory: number | undefined;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('explore-worker must run in a worker thread');
  setAutoFreeze(false);
  const send = (message: FromWorker) => port.postMessage(message);
  let search: Search | undefined;
  const current = (): Search => {
    if (search === undefined) throw new Error('an explorer worker got a command outside a search');
    return search;
  };
  port.on('message', async (message: ToWorker) => {
    switch (message.type) {
      case 'search': {
        const target = await loadTarget(message.target);
        const system = target.model.bind(target.config);
        const ports = [...message.outbox, ...message.inbox].filter((p) => p !== undefined);
        search = {
          expander: new Expander(
            target.model,
            system,
            target.properties,
            new Visited(message.memory),
            message.liveBudget,
            message.reductions,
            message.transitionCache,
          ),
          share: new Share(message.share, message.me, message.outbox, message.inbox),
          ports,
          frontier: [],
          maxMemory: message.maxMemory,
        };
        send({ type: 'ready' });
        return;
      }
      case 'root': {
        const s = current();
        const root = s.expander.root();
        s.frontier = [root.entry];
        send({
          type: 'level',
          size: 1,
          ...(root.found === undefined ? {} : { found: root.found }),
        });
        return;
      }
      case 'expand': {
        const s = current();
        const next: Entry[] = [];
        const found = expandLevel(s.expander, s.share, s.frontier, next, s.maxMemory);
        s.frontier = next;
        send({ type: 'level', size: next.length, ...(found === undefined ? {} : { found }) });
        return;
      }
      case 'shard': {
        const s = current();
        s.frontier = s.frontier.filter((e) => s.expander.inShard(e, message.index, message.count));
        send({ type: 'level', size: s.frontier.length });
        return;
      }
      case 'finish': {
        const s = current();
        // Let go of the search's states, memory and ports before waiting for the next one.
        search = undefined;
        for (const p of s.ports) p.close();
        send({
          type: 'finished',
          transitions: s.expander.transitions,
          cache: s.expander.cache.stats,
          witnessed: [...s.expander.judge.witnessed],
          triggered: s.expander.triggered,
        });
        return;
      }
      case 'random': {
        const target = await loadTarget(message.target);
        const system = target.model.bind(target.config);
        send({
          type: 'random-done',
          result: randomCheck(target.model, system, target.properties, message.options),
        });
        return;
      }
    }
  });
  send({ type: 'ready' });
}

/**
 * Expands this worker's frontier and every batch handed to it until all workers are out of work,
 * handing half of what is left to a worker that ran out. Returns the first violation found here.
 */
function expandLevel(
  ex: Expander<object, ModelEvent>,
  share: Share,
  frontier: Entry[],
  next: Entry[],
  maxMemory: number | undefined,
): Found<ModelEvent> | undefined {
  const visited = ex.visited;
  let found: Found<ModelEvent> | undefined;
  // The first look comes after the first chunk: a level may start above the budget.
  let sinceMemoryCheck = MEMORY_CHECK;
  let queue: (Entry | undefined)[] = frontier;
  for (;;) {
    // States from `end` on were handed to other workers. The queue itself is never cut: cutting
    // the tail off an array of a million entries copies it.
    let at = 0;
    let end = queue.length;
    while (at < end && !visited.stopped && !visited.full) {
      const to = Math.min(at + CHUNK, end);
      found = ex.expand(queue, next, at, to);
      at = to;
      if (found !== undefined) {
        visited.stop();
        break;
      }
      sinceMemoryCheck += CHUNK;
      if (sinceMemoryCheck >= MEMORY_CHECK) {
        sinceMemoryCheck = 0;
        if (overBudget(maxMemory)) {
          visited.stopForMemory();
          break;
        }
      }
      if (end - at >= 2) {
        const hungry = share.claimHungry();
        if (hungry !== undefined) {
          const from = end - Math.min(MAX_BATCH, Math.floor((end - at) / 2));
          const states: object[] = [];
          const indices: number[] = [];
          for (let i = from; i < end; i++) {
            states.push(ex.stateOf(queue[i]!));
            indices.push(queue[i]!.index);
            queue[i] = undefined;
          }
          end = from;
          share.send(hungry, { states, indices });
        }
      }
    }
    const batch = share.waitForWork();
    if (batch === undefined) return found;
    // The trees are built when the states are expanded.
    queue = batch.states.map((state, i) => ({
      state,
      node: undefined,
      packed: undefined,
      index: batch.indices[i]!,
    }));
  }
}

await main();
