import { describe, expect, it } from 'vitest';
import { explore } from '../../properties/engine/explore.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { recordingProperties } from '../../properties/recording/index.ts';
import { counterexampleTrace } from '../../traces/counterexample.ts';
import { replay } from '../../traces/replay.ts';
import { runsFromEnv, seedFromEnv } from '../helpers.ts';
import { recordingVariants } from './mutants.ts';

describe('recording: broken variants are caught by both engines', () => {
  describe.each(recordingVariants.map((v) => [v.id, v] as const))('%s', (_id, variant) => {
    const model = variant.build();
    const config = model.configs[variant.config];
    const properties = recordingProperties(config);

    it(`should be caught by the explorer through ${variant.expect}, with a counterexample that replays`, () => {
      const r = explore(model, model.bind(config), properties, { maxStates: 300_000 });
      expect(r.violation?.property).toBe(variant.expect);
      if (variant.deep === true) expect(r.violation!.events.length).toBeGreaterThanOrEqual(8);
      const trace = counterexampleTrace(model, variant.id, config, r.violation!, 'explorer');
      const replayed = replay(model, recordingProperties, trace, variant.id);
      expect(replayed.asExpected).toBe(true);
    });

    it(`should be caught by the random engine at its default budget through ${variant.expect}`, () => {
      const seed = seedFromEnv();
      const r = randomCheck(model, model.bind(config), properties, {
        runs: runsFromEnv(1000),
        seed,
      });
      expect(r.failure?.property, `seed ${seed}`).toBe(variant.expect);
    });
  });

  it('should break every safety and liveness property of the model with some variant', () => {
    const expected = new Set(recordingVariants.map((v) => v.expect));
    const all = Object.values(
      Object.fromEntries(
        recordingVariants.map((v) => [v.config, v.build().configs[v.config]] as const),
      ),
    ).flatMap((c) => recordingProperties(c));
    for (const p of all.filter((q) => q.kind !== 'witness'))
      expect(expected.has(p.id), `${p.id} has no broken variant`).toBe(true);
  });
});
