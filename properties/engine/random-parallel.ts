/**
 * The random engine on several cores: each worker thread runs its share of the runs with its
 * own seed (the base seed plus its number). A failure carries the seed and path of the worker
 * that found it, so it reproduces with the single-threaded engine. The workers come from the
 * process's pool (pool.ts).
 */
import type { FromWorker } from './explore-worker.ts';
import { acquire, defaultWorkers, release } from './pool.ts';
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
  const channels = acquire(count);
  let clean = false;
  let results: RandomResult<unknown>[];
  try {
    await Promise.all(channels.map((c) => c.started));
    const replies = await Promise.all(
      channels.map((c, i) => {
        const runs = Math.floor(options.runs / count) + (i < options.runs % count ? 1 : 0);
        return c.request({
          type: 'random',
          target: spec,
          options: { ...options, runs, seed: (options.seed + i) | 0 },
        });
      }),
    );
    results = replies.map((r) => (r as Extract<FromWorker, { type: 'random-done' }>).result);
    clean = true;
  } finally {
    await release(count, channels, clean);
  }
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
