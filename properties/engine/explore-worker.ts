/**
 * A worker of the parallel engines: rebuilds the target, then either expands its own share of
 * each BFS level on command, over the fingerprint set and parent links it shares with the
 * others, or runs its share of the random engine's runs with its own seed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setAutoFreeze } from 'immer';
import type { ModelEvent } from '../../model/kernel/model.ts';
import { type Entry, Expander } from './expand.ts';
import { Fingerprinter } from './fingerprint.ts';
import { type RandomOptions, type RandomResult, randomCheck } from './random.ts';
import { loadTarget, type TargetSpec } from './target.ts';
import { type SharedMemory, Visited } from './visited.ts';

export type ToWorker =
  | { readonly type: 'root' }
  | { readonly type: 'expand' }
  | { readonly type: 'give'; readonly count: number }
  | {
      readonly type: 'take';
      readonly states: readonly object[];
      readonly indices: readonly number[];
    }
  | { readonly type: 'finish' }
  | { readonly type: 'random'; readonly options: RandomOptions };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'level'; readonly size: number; readonly found?: unknown }
  | {
      readonly type: 'given';
      readonly states: readonly object[];
      readonly indices: readonly number[];
    }
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
}

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
  const fp = new Fingerprinter();
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
        const found = ex().expand(frontier, next);
        if (found !== undefined) ex().visited.stop();
        frontier = next;
        send({ type: 'level', size: next.length, ...(found === undefined ? {} : { found }) });
        return;
      }
      case 'give': {
        const given = frontier.splice(frontier.length - message.count, message.count);
        send({
          type: 'given',
          states: given.map((e) => e.node.value),
          indices: given.map((e) => e.index),
        });
        return;
      }
      case 'take': {
        for (const [i, state] of message.states.entries()) {
          frontier.push({ node: fp.node(state), index: message.indices[i]! });
        }
        send({ type: 'level', size: frontier.length });
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

await main();
