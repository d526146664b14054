/**
 * A worker of the parallel engines: rebuilds the target, then either expands its own share of
 * each BFS level on command, over the fingerprint set and parent links it shares with the
 * others, or runs its share of the random engine's runs with its own seed.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { setAutoFreeze } from 'immer';
import type { ModelEvent } from '../../model/kernel/model.ts';
import { type Entry, Expander, type Found } from './expand.ts';
import { type RandomOptions, type RandomResult, randomCheck } from './random.ts';
import { Share } from './share.ts';
import { loadTarget, type TargetSpec } from './target.ts';
import { type SharedMemory, Visited } from './visited.ts';

export type ToWorker =
  | { readonly type: 'root' }
  | { readonly type: 'expand' }
  | { readonly type: 'finish' }
  | { readonly type: 'random'; readonly options: RandomOptions };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'level'; readonly size: number; readonly found?: unknown }
  | {
      readonly type: 'finished';
      readonly transitions: number;
      readonly witnessed: readonly string[];
      readonly triggered: Readonly<Record<string, number>>;
    }
  | { readonly type: 'random-done'; readonly result: RandomResult<unknown> };

interface Data {
  readonly target: TargetSpec;
  readonly memory: SharedMemory | undefined;
  /** Explorer workers: this worker's number, the work-sharing block and its ports to the others. */
  readonly me?: number;
  readonly share?: SharedArrayBuffer;
  readonly outbox?: readonly (MessagePort | undefined)[];
  readonly inbox?: readonly (MessagePort | undefined)[];
}

/** States expanded between two looks at whether another worker is out of work. */
const CHUNK = 32;

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('explore-worker must run in a worker thread');
  setAutoFreeze(false);
  const data = workerData as Data;
  const target = await loadTarget(data.target);
  const system = target.model.bind(target.config);
  // A random-engine worker gets no shared memory and never expands.
  const expander =
    data.memory === undefined
      ? undefined
      : new Expander(target.model, system, target.properties, new Visited(data.memory));
  const ex = (): Expander<object, ModelEvent> => {
    if (expander === undefined) throw new Error('this worker was started without shared memory');
    return expander;
  };
  const sharing =
    data.share === undefined
      ? undefined
      : new Share(data.share, data.me ?? 0, data.outbox ?? [], data.inbox ?? []);
  const share = (): Share => {
    if (sharing === undefined) throw new Error('this worker was started without work sharing');
    return sharing;
  };
  let frontier: Entry[] = [];
  const send = (message: FromWorker) => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'root': {
        const root = ex().root();
        frontier = [root.entry];
        send({
          type: 'level',
          size: 1,
          ...(root.found === undefined ? {} : { found: root.found }),
        });
        return;
      }
      case 'expand': {
        const next: Entry[] = [];
        const found = expandLevel(ex(), share(), frontier, next);
        frontier = next;
        send({ type: 'level', size: next.length, ...(found === undefined ? {} : { found }) });
        return;
      }
      case 'random':
        send({
          type: 'random-done',
          result: randomCheck(target.model, system, target.properties, message.options),
        });
        return;
      case 'finish':
        send({
          type: 'finished',
          transitions: ex().transitions,
          witnessed: [...ex().judge.witnessed],
          triggered: ex().triggered,
        });
        port.close();
        return;
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
): Found<ModelEvent> | undefined {
  const visited = ex.visited;
  let found: Found<ModelEvent> | undefined;
  let queue: (Entry | undefined)[] = frontier;
  for (;;) {
    let at = 0;
    while (at < queue.length && !visited.stopped && !visited.full) {
      const end = Math.min(at + CHUNK, queue.length);
      found = ex.expand(queue, next, at, end);
      at = end;
      if (found !== undefined) {
        visited.stop();
        break;
      }
      if (queue.length - at >= 2) {
        const hungry = share.claimHungry();
        if (hungry !== undefined) {
          const given = queue.splice(queue.length - Math.floor((queue.length - at) / 2));
          share.send(hungry, {
            states: given.map((e) => e!.state),
            indices: given.map((e) => e!.index),
          });
        }
      }
    }
    const batch = share.waitForWork();
    if (batch === undefined) return found;
    // The trees are built when the states are expanded.
    queue = batch.states.map((state, i) => ({ state, node: undefined, index: batch.indices[i]! }));
  }
}

await main();
