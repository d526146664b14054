/**
 * The test StrykerJS runs against each mutant: one per model, the model's configs in turn
 * (checks.ts says what a config's check does and how a failure reads).
 */
import { it } from 'vitest';
import type { Findings } from './checks.ts';

/**
 * One test per model: each config's check in turn (a failure names the config), then, over all
 * of them and only when every property passed everywhere, model time and coverage. The models are
 * loaded inside the test: a mutant of code that runs at load (a model's tables built by the
 * kernel) and throws there fails this test as a crash, where a failed import would leave the file
 * with no test at all, which Stryker reads as a survivor.
 */
export function mutationChecks(modelId: string): void {
  it(`${modelId}: no property fails, time passes, every event type takes effect`, async () => {
    let checks: typeof import('./checks.ts');
    try {
      checks = await import('./checks.ts');
    } catch (error) {
      throw new Error(`CRASH ${modelId}: the models do not load: ${String(error)}`);
    }
    const { findings, MUTATION_CHECKS } = checks;
    const { configs, budget, eventTypes, neverEnabled = {} } = MUTATION_CHECKS[modelId]!;
    const effective = new Set<string>();
    const msBounded = new Set<string>();
    let timed = false;
    for (const configName of configs) {
      let f: Findings;
      try {
        f = findings(modelId, configName, budget);
      } catch (error) {
        throw new Error(`CRASH ${modelId}/${configName}: ${String(error)}`);
      }
      if (f.found.length > 0)
        throw new Error(`KILLED ${modelId}/${configName}: ${f.found.join(', ')}`);
      for (const t of f.effective) effective.add(t);
      for (const id of f.msBounded) msBounded.add(id);
      timed ||= f.timed;
      // The exemption is checked on every run, the real model's dry run included, where a wrong
      // one stops Stryker before any mutant is tested.
      const wrong = [...f.enabled].filter((t) => t in neverEnabled);
      if (wrong.length > 0)
        throw new Error(
          `${modelId}/${configName} enables ${wrong.join(', ')}, listed as never enabled`,
        );
    }
    if (msBounded.size > 0 && !timed)
      throw new Error(
        `KILLED ${modelId}/${configs.join('+')}: ${[...msBounded].map((id) => `${id} (ms bound not exercised: no measured step took model time)`).join(', ')}`,
      );
    const missing = eventTypes.filter((t) => !effective.has(t) && !(t in neverEnabled));
    if (missing.length > 0)
      throw new Error(
        `KILLED ${modelId}/${configs.join('+')}: ${missing.map((t) => `coverage:${t} (never takes effect)`).join(', ')}`,
      );
  });
}
