/**
 * The explorer's memory budget (ExploreOptions.maxMemory): a search that would go above it stops
 * with its levels so far complete, a budget too small for the fingerprint set alone is refused
 * up front, and a budget that is never reached changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { NO_REDUCTIONS } from '../../properties/engine/expand.ts';
import { explore } from '../../properties/engine/explore.ts';
import { EngineLimitError, exploreParallel } from '../../properties/engine/explore-parallel.ts';
import { findSuite } from '../../properties/registry.ts';
import { targetSpec } from '../../properties/targets.ts';
import { findVariant } from '../../properties/variants.ts';

const suite = findSuite('hotstandby')!;
const model = suite.model;
const config = { calls: 2, maxFaults: 2 };
const system = model.bind(config);
const properties = suite.properties(config);
const TERABYTE = 2 ** 40;

describe('engine: a memory budget', () => {
  it('should stop a search that is above its budget, with the levels so far complete', () => {
    const whole = explore(model, system, properties, { reductions: NO_REDUCTIONS });
    // This process is already above the budget when the search starts: it stops at the first look.
    // The state limit keeps the fingerprint set (1.5 MB) well under half of any process's RSS.
    const budget = process.memoryUsage.rss();
    const r = explore(model, system, properties, {
      reductions: NO_REDUCTIONS,
      maxMemory: budget,
      maxStates: 65_536,
    });
    expect(r.stoppedBy).toBe('memory');
    expect(r.complete).toBe(false);
    expect(r.depth).toBe(0);
    expect(r.distinct).toBeLessThan(whole.distinct);
  });

  it('should keep a violation that 2 workers found under a budget', async () => {
    // The fingerprint set of 16M states fits half of the budget; the one-thread search that
    // rebuilds the violation's canonical path asks for twice that and must not be refused.
    const variant = findVariant('sip-ha', 'resync-drops-recording')!;
    const spec = targetSpec({
      model: 'sip-ha',
      variant: variant.id,
      config: variant.build().configs[variant.config],
    });
    const r = await exploreParallel(spec, {
      workers: 2,
      maxStates: 16_000_000,
      maxMemory: 800 * 2 ** 20,
    });
    expect(r.stoppedBy).toBe('violation');
    expect(r.violation?.property).toBe(variant.expect);
  });

  it('should stop a parallel search the same way', async () => {
    const spec = targetSpec({ model: 'hotstandby', variant: 'baseline', config });
    const r = await exploreParallel(spec, {
      workers: 2,
      reductions: NO_REDUCTIONS,
      maxMemory: process.memoryUsage.rss(),
    });
    // Stopped by a worker's own look, inside the first level.
    expect(r.stoppedBy).toBe('memory');
    expect(r.complete).toBe(false);
    expect(r.depth).toBe(0);
  });

  it('should change nothing when the budget is never reached', async () => {
    const whole = explore(model, system, properties, { reductions: NO_REDUCTIONS });
    const r = explore(model, system, properties, {
      reductions: NO_REDUCTIONS,
      maxMemory: TERABYTE,
    });
    expect(r.complete).toBe(true);
    expect(r.distinct).toBe(whole.distinct);
    expect(r.transitions).toBe(whole.transitions);
    const spec = targetSpec({ model: 'hotstandby', variant: 'baseline', config });
    const p = await exploreParallel(spec, {
      workers: 2,
      reductions: NO_REDUCTIONS,
      maxMemory: TERABYTE,
    });
    expect(p.complete).toBe(true);
    expect(p.distinct).toBe(whole.distinct);
  });

  it('should refuse a budget the fingerprint set alone would fill', () => {
    expect(() =>
      explore(model, system, properties, { maxStates: 50_000_000, maxMemory: 256 * 2 ** 20 }),
    ).toThrow(EngineLimitError);
    expect(() =>
      explore(model, system, properties, { maxStates: 50_000_000, maxMemory: 256 * 2 ** 20 }),
    ).toThrow(/lower --max-states or raise --max-memory/);
  });
});
