/**
 * A worker of the parallel explorer: rebuilds the target, then expands its own share of each
 * BFS level on command, over the fingerprint set and parent links it shares with the others.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setAutoFreeze } from 'immer';
import { type Entry, Expander } from './expand.ts';
import { Fingerprinter } from './fingerprint.ts';
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
  | { readonly type: 'finish' };

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
    };

interface Data {
  readonly target: TargetSpec;
  readonly memory: SharedMemory;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('explore-worker must run in a worker thread');
  setAutoFreeze(false);
  const data = workerData as Data;
  const target = await loadTarget(data.target);
  const system = target.model.bind(target.config);
  const expander = new Expander(target.model, system, target.properties, new Visited(data.memory));
  const fp = new Fingerprinter();
  let frontier: Entry[] = [];
  const send = (message: FromWorker) => port.postMessage(message);

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'root': {
        const root = expander.root();
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
        const found = expander.expand(frontier, next);
        if (found !== undefined) expander.visited.stop();
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
        message.states.forEach((state, i) =>
          frontier.push({ node: fp.node(state), index: message.indices[i]! }),
        );
        send({ type: 'level', size: frontier.length });
        return;
      }
      case 'finish':
        send({
          type: 'finished',
          transitions: expander.transitions,
          witnessed: [...expander.judge.witnessed],
          triggered: expander.triggered,
        });
        port.close();
        return;
    }
  });
  send({ type: 'ready' });
}

await main();
