/**
 * Each model's manifest (its suite's `checks`): the configs `npm start` checks and what their
 * searches find, written once. The main job compares every search with its pin (cli/main.ts);
 * this file checks the comparison itself, that the pins name real configs, and that each
 * model's README states the pinned figures of its complete searches.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ConfigCheck, offPin } from '../properties/engine/property.ts';
import { benchmarks, suites } from '../properties/registry.ts';

const complete: ConfigCheck = { config: 'small', states: 100, depth: 7, transitions: 300 };
const bounded: ConfigCheck = { config: 'default', bounded: true, depth: 10 };
const found = { distinct: 100, depth: 7, transitions: 300, complete: true, reductions: [] };
const withReduced: ConfigCheck = {
  ...complete,
  reduced: { states: 20, depth: 7, transitions: 60 },
};
const reducedFound = {
  distinct: 20,
  depth: 7,
  transitions: 60,
  complete: true,
  reductions: ['symmetry (calls)'],
};

describe('manifest: a search compared with its pin', () => {
  it('should accept the pinned figures of a complete search and reject any other', () => {
    expect(offPin(complete, found)).toBeUndefined();
    expect(offPin(complete, { ...found, distinct: 101 })).toMatch(/found 101 states.*pinned: 100/);
    expect(offPin(complete, { ...found, depth: 8 })).toBeDefined();
    expect(offPin(complete, { ...found, transitions: 299 })).toBeDefined();
    expect(offPin(complete, { ...found, complete: false })).toMatch(/stopped by the states limit/);
  });

  it('should compare a reduced search with the reduced figures, and want them pinned', () => {
    expect(offPin(withReduced, reducedFound)).toBeUndefined();
    expect(offPin(withReduced, found)).toBeUndefined();
    expect(offPin(withReduced, { ...reducedFound, distinct: 100 })).toMatch(
      /found 100 states.*reduced by symmetry \(calls\); pinned: 20 states/,
    );
    expect(offPin(withReduced, { ...reducedFound, transitions: 300 })).toBeDefined();
    expect(offPin(complete, reducedFound)).toMatch(/no figures for a reduced search/);
  });

  it('should accept a bounded search stopped at its pinned depth and reject a complete one', () => {
    expect(offPin(bounded, { ...found, complete: false, depth: 10 })).toBeUndefined();
    expect(offPin(bounded, { ...found, complete: false, depth: 11 })).toBeDefined();
    expect(offPin(bounded, { ...found, depth: 10 })).toMatch(/found .* complete; pinned/);
  });
});

describe.each([...suites, ...benchmarks].map((s) => [s.model.id, s] as const))(
  'manifest of %s',
  (id, suite) => {
    it("should pin named configs of the model, 'default' among them for a model of the documents", () => {
      const names = suite.checks.map((c) => c.config);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(Object.keys(suite.model.configs)).toContain(name);
      if (suites.includes(suite)) expect(names).toContain('default');
    });

    it('should state the figures of every complete search in the model README', () => {
      const readme = readFileSync(new URL(`../model/${id}/README.md`, import.meta.url), 'utf8');
      const lines = readme.split('\n');
      for (const c of suite.checks) {
        if ('bounded' in c) continue;
        for (const figures of c.reduced === undefined ? [c] : [c, c.reduced]) {
          const states = figures.states.toLocaleString('en-US');
          expect(
            lines.some((l) => l.includes(states) && l.includes(`depth ${figures.depth}`)),
            `model/${id}/README.md states ${c.config}: ${states} states, depth ${figures.depth}`,
          ).toBe(true);
        }
      }
    });
  },
);

const KINDS = ['traffic', 'protocol', 'delivery', 'fault', 'repair', 'time'];

describe.each([...suites, ...benchmarks].map((s) => [s.model.id, s] as const))(
  'events table of %s',
  (id, suite) => {
    it("should name every event of the model in its README, with its declared kind where the README's table gives one", () => {
      const readme = readFileSync(new URL(`../model/${id}/README.md`, import.meta.url), 'utf8');
      const model = suite.model;
      const kindOf = new Map<string, string>();
      for (const name of new Set(['default', ...suite.checks.map((c) => c.config)]))
        for (const e of model.bind(model.validate(model.configs[name])).vocabulary)
          kindOf.set(e.type, model.kindOf(e));
      for (const type of kindOf.keys())
        expect(readme.includes(`\`${type}\``), `model/${id}/README.md names ${type}`).toBe(true);
      // Rows of an events table: | kind | `event`, `event` (...) | ...
      let rows = 0;
      for (const line of readme.split('\n')) {
        const cells = line.split('|').map((c) => c.trim());
        if (cells.length < 4 || !KINDS.includes(cells[1]!)) continue;
        rows += 1;
        for (const [, name] of cells[2]!.matchAll(/`([a-zA-Z]+)`/g))
          if (kindOf.has(name!))
            expect(kindOf.get(name!), `${name} is declared ${kindOf.get(name!)}`).toBe(cells[1]);
      }
      expect(rows, `model/${id}/README.md has an events table by kind`).toBeGreaterThan(0);
    });
  },
);
