import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSuite } from '../../properties/registry.ts';
import { BASELINE } from '../../properties/variant.ts';
import { findVariant } from '../../properties/variants.ts';
import { parseTrace } from '../../traces/format.ts';
import { replay } from '../../traces/replay.ts';

const root = new URL('../../traces/', import.meta.url).pathname;

/** Every saved trace: traces/<model>/{good,bad}/*.trace.json. */
function savedTraces(): { file: string; folder: 'good' | 'bad' }[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((model) =>
      (['good', 'bad'] as const).flatMap((folder) => {
        const dir = join(root, model.name, folder);
        let names: string[] = [];
        try {
          names = readdirSync(dir).filter((n) => n.endsWith('.trace.json'));
        } catch {
          return [];
        }
        return names.map((n) => ({ file: join(dir, n), folder }));
      }),
    );
}

describe('traces: every saved trace replays to its expected verdict', () => {
  const traces = savedTraces();

  it('should find the saved traces of every model', () => {
    expect(traces.filter((t) => t.folder === 'good').length).toBeGreaterThanOrEqual(3);
    expect(traces.filter((t) => t.folder === 'bad').length).toBeGreaterThanOrEqual(7);
  });

  it.each(traces.map((t) => [t.file.slice(root.length), t] as const))(
    '%s',
    (_name, { file, folder }) => {
      const trace = parseTrace(readFileSync(file, 'utf8'), file);
      const suite = findSuite(trace.model);
      expect(suite, `model ${trace.model}`).toBeDefined();
      if (folder === 'good') {
        expect(trace.variant).toBe(BASELINE);
        expect(trace.expect.violates).toBeNull();
        // It names the clauses it illustrates (the review lists it under them): each one a
        // clause that some property of its model checks.
        const config = suite!.model.validate(trace.config);
        const checked = new Set(suite!.properties(config).flatMap((p) => p.clauses));
        expect(trace.clauses?.length, 'clauses it illustrates').toBeGreaterThan(0);
        for (const id of trace.clauses ?? [])
          expect(checked.has(id), `${id} is checked by a property of ${trace.model}`).toBe(true);
      } else {
        expect(trace.expect.violates).not.toBeNull();
      }
      const model =
        trace.variant === BASELINE
          ? suite!.model
          : findVariant(trace.model, trace.variant)!.build();
      const result = replay(model, suite!.properties, trace, file);
      expect(result.asExpected, result.verdict).toBe(true);
      if (folder === 'bad') expect(result.firstViolation?.property).toBe(trace.expect.violates);
    },
  );
});
