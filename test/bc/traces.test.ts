import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bc } from '../../model/bc/index.ts';
import { bcProperties } from '../../properties/bc/index.ts';
import { BASELINE } from '../../properties/variant.ts';
import { variantsOf } from '../../properties/variants.ts';
import { parseTrace } from '../../traces/format.ts';
import { replay } from '../../traces/replay.ts';

const bcVariants = variantsOf('bc');

const root = new URL('../../traces/bc/', import.meta.url).pathname;
const saved = (['good', 'bad'] as const).flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((n) => n.endsWith('.trace.json'))
    .map((n) => ({ name: `${folder}/${n}`, file: join(root, folder, n), folder })),
);

describe('bc: saved traces replay to their expected verdict', () => {
  it('should keep two documented stories and one counterexample per broken variant', () => {
    expect(saved.filter((t) => t.folder === 'good').length).toBe(2);
    const bad = saved.filter((t) => t.folder === 'bad').map((t) => t.name);
    for (const v of bcVariants) expect(bad).toContain(`bad/${v.id}.trace.json`);
  });

  it.each(saved.map((t) => [t.name, t] as const))('%s', (_name, { file, folder }) => {
    const trace = parseTrace(readFileSync(file, 'utf8'), file);
    expect(trace.model).toBe('bc');
    const variant = bcVariants.find((v) => v.id === trace.variant);
    if (folder === 'good') expect(trace.variant).toBe(BASELINE);
    else expect(variant?.expect).toBe(trace.expect.violates);
    const model = trace.variant === BASELINE ? bc : variant!.build();
    const result = replay(model, bcProperties, trace, file);
    expect(result.asExpected, result.verdict).toBe(true);
    if (folder === 'bad') expect(result.firstViolation?.property).toBe(trace.expect.violates);
  });
});
