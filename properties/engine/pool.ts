/**
 * The worker threads of the parallel engines, kept by the process between searches. Starting a
 * worker loads the models and warms up its compiler, most of a second; a process that searches
 * many times (the main job, the review's kill matrix, the bench, the tests) pays it once per
 * worker. Workers are kept by the number they were started for, which sets each one's heap limit;
 * idle workers do not keep the process alive; a worker that failed is never reused.
 */
import { availableParallelism, totalmem } from 'node:os';
import { type MessagePort, Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './explore-worker.ts';

/** A search that could not finish for lack of a resource, said in one line. */
export class EngineLimitError extends Error {
  override readonly name = 'EngineLimitError';
}

/** Three quarters of the machine's memory, shared by the workers. */
export function heapPerWorkerMb(workers: number): number {
  return Math.floor(((totalmem() / 2 ** 20) * 0.75) / Math.max(workers, 1));
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** A worker thread with a queue of replies, one per request. */
export class Channel {
  private readonly waiting: ((m: FromWorker) => void)[] = [];
  private failure: Error | undefined;
  /** The worker's first message, once it has started. */
  readonly started: Promise<FromWorker>;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => this.waiting.shift()?.(m));
    worker.on('error', (error: Error & { code?: string }) => {
      this.failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new EngineLimitError(
              'an explorer worker ran out of memory; lower --max-states (each state on the frontier is kept in memory)',
            )
          : error;
      for (const w of this.waiting.splice(0)) w({ type: 'level', size: 0, found: { error } });
    });
    this.started = this.next();
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  next(): Promise<FromWorker> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async request(message: ToWorker, transfer: readonly MessagePort[] = []): Promise<FromWorker> {
    const reply = this.next();
    this.worker.postMessage(message, [...transfer]);
    const m = await reply;
    if (this.failure !== undefined) throw this.failure;
    return m;
  }
}

const idle = new Map<number, Channel[]>();

export function acquire(count: number): Channel[] {
  const pooled = (idle.get(count) ?? []).filter((c) => !c.failed);
  const kept = pooled.splice(0, count);
  idle.set(count, pooled);
  while (kept.length < count)
    kept.push(
      new Channel(
        new Worker(new URL('./explore-worker.mjs', import.meta.url), {
          resourceLimits: {
            maxYoungGenerationSizeMb: 256,
            maxOldGenerationSizeMb: heapPerWorkerMb(count),
          },
        }),
      ),
    );
  for (const c of kept) c.worker.ref();
  return kept;
}

/** Back to the pool after a search that ended cleanly; ended for good otherwise. */
export async function release(
  count: number,
  channels: readonly Channel[],
  clean: boolean,
): Promise<void> {
  if (!clean || channels.some((c) => c.failed)) {
    await Promise.all(channels.map((c) => c.worker.terminate()));
    return;
  }
  for (const c of channels) c.worker.unref();
  idle.set(count, [...(idle.get(count) ?? []), ...channels]);
}

/** Idle workers kept for searches on `count` workers. */
export function idleWorkers(count: number): number {
  return idle.get(count)?.length ?? 0;
}
