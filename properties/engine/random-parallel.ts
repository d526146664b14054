/**
 * The random engine on several cores: each worker thread runs its share of the runs with its
 * own seed (the base seed plus its number). A failure carries the seed and path of the worker
 * that found it, so it reproduces with the single-threaded engine.
 */
import { Worker } from 'node:worker_threads';
import { defaultWorkers } from './explore-parallel.ts';
import type { FromWorker } from './explore-worker.ts';
import { type RandomOptions, type RandomResult, randomCheck } from './random.ts';
import { loadTarget, type TargetSpec } from './target.ts';

export interface RandomParallelOptions extends RandomOptions {
  readonly workers?: number;
}

export async function randomParallel<E>(
  spec: TargetSpec,
  options: RandomParallelOptions,
): Promise<RandomResult<E>> {
  const count = Math.min(options.workers ?? defaultWorkers(), options.runs);
  if (count <= 1 || options.path !== undefined) {
    const target = await loadTarget(spec);
    return randomCheck(
      target.model,
      target.model.bind(target.config),
      target.properties,
      options,
    ) as RandomResult<E>;
  }
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const runs = Math.floor(options.runs / count) + (i < options.runs % count ? 1 : 0);
      return runInWorker(spec, { ...options, runs, seed: (options.seed + i) | 0 });
    }),
  );
  const elapsedMs = performance.now() - started;
  const steps = results.reduce((sum, r) => sum + r.steps, 0);
  const merged = <T>(pick: (r: RandomResult<unknown>) => Readonly<Record<string, T>>) => {
    const out: Record<string, number> = {};
    for (const r of results)
      for (const [k, v] of Object.entries(pick(r))) out[k] = (out[k] ?? 0) + (v as number);
    return out;
  };
  const failed = results.find((r) => r.failure !== undefined);
  return {
    runs: results.reduce((sum, r) => sum + r.runs, 0),
    seed: options.seed,
    steps,
    elapsedMs,
    stepsPerSecond: steps / Math.max(elapsedMs / 1000, 1e-9),
    witnessed: [...new Set(results.flatMap((r) => r.witnessed))],
    triggered: merged((r) => r.triggered),
    coverage: merged((r) => r.coverage),
    workers: count,
    ...(failed?.failure === undefined
      ? {}
      : { failure: failed.failure as RandomResult<E>['failure'] & object }),
  };
}

function runInWorker(spec: TargetSpec, options: RandomOptions): Promise<RandomResult<unknown>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./explore-worker.mjs', import.meta.url), {
      workerData: { target: spec, memory: undefined },
      resourceLimits: { maxYoungGenerationSizeMb: 256 },
    });
    worker.on('error', reject);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') worker.postMessage({ type: 'random', options });
      if (m.type === 'random-done') {
        resolve(m.result);
        void worker.terminate();
      }
    });
  });
}
