/**
 * The layer rules of `.dependency-cruiser.cjs`: the real tree keeps them, and each rule fails on
 * a small tree with one back edge of its kind (written to a temporary folder).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IFlattenedRuleSet } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as {
  forbidden: IFlattenedRuleSet['forbidden'];
  options: Record<string, unknown>;
};

const LAYERS = ['model', 'properties', 'traces', 'cli', 'bench', 'mutation', 'test'];

async function violations(baseDir: string, folders = LAYERS) {
  const result = await cruise(folders, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof result.output === 'string') throw new Error('expected a cruise result');
  return result.output.summary.violations.map((v) => `${v.rule.name} ${v.from} -> ${v.to}`);
}

/** One file per edge; every file also exists as a target. */
const BACK_EDGES: Record<string, string> = {
  'properties/p.ts': "import { t } from '../test/t.ts';\nexport const p = t;\n",
  'bench/b.ts': "import { c } from '../cli/c.ts';\nexport const b = c;\n",
  'model/m.ts': "import { readFileSync } from 'node:fs';\nexport const m = readFileSync;\n",
  'model/n.ts': "import { q } from '../properties/x/q.ts';\nexport const n = q;\n",
  'properties/engine/e.ts': "import { q } from '../x/q.ts';\nexport const e = q;\n",
  'properties/engine/f.ts': "import { s } from '../../model/x/s.ts';\nexport const f = s;\n",
  'traces/i.ts': "import { produce } from 'immer';\nexport const i = produce;\n",
  'traces/j.ts': "import type { Draft } from 'immer';\nexport type J = Draft<object>;\n",
  'properties/x/w.ts': "import { r } from '../../traces/r.ts';\nexport const w = r;\n",
  'traces/r.ts': "import { u } from '../mutation/u.ts';\nexport const r = u;\n",
  'cli/a.ts': "import { c } from './c.ts';\nexport const a = c;\n",
  'cli/c.ts': "import { a } from './a.ts';\nexport const c = () => a;\n",
  // Edges the right way: none of these is a violation.
  'test/t.ts': "import { c } from '../cli/c.ts';\nexport const t = c;\n",
  'properties/x/q.ts': "import { s } from '../../model/s.ts';\nexport const q = s;\n",
  'model/s.ts': 'export const s = 1;\n',
  'model/x/s.ts': 'export const s = 2;\n',
  'mutation/u.ts': "import { s } from '../model/s.ts';\nexport const u = s;\n",
  'node_modules/immer/package.json':
    '{ "name": "immer", "main": "index.js", "types": "index.d.ts" }\n',
  'node_modules/immer/index.js': 'export const produce = 1;\n',
  'node_modules/immer/index.d.ts':
    'export declare const produce: number;\nexport type Draft<T> = T;\n',
};

describe('layer rules (.dependency-cruiser.cjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ha-verify-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should find no back edge in the project', async () => {
    expect(await violations(process.cwd())).toEqual([]);
  });

  it('should report each kind of back edge, and only those', async () => {
    for (const [file, text] of Object.entries(BACK_EDGES)) {
      mkdirSync(join(dir, dirname(file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const found = await violations(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        'not-to-test properties/p.ts -> test/t.ts',
        'not-to-cli bench/b.ts -> cli/c.ts',
        'model-is-pure model/m.ts -> fs',
        'model-is-pure model/n.ts -> properties/x/q.ts',
        'engine-is-generic properties/engine/e.ts -> properties/x/q.ts',
        'engine-is-generic properties/engine/f.ts -> model/x/s.ts',
        'properties-below-traces properties/x/w.ts -> traces/r.ts',
        'below-tools traces/r.ts -> mutation/u.ts',
        'no-cycles cli/a.ts -> cli/c.ts',
        'one-immer traces/i.ts -> node_modules/immer/index.js',
      ]),
    );
    const from = new Set(found.map((f) => f.split(' ')[1]));
    for (const clean of [
      'test/t.ts',
      'properties/x/q.ts',
      'model/s.ts',
      'model/x/s.ts',
      'mutation/u.ts',
      'traces/j.ts',
    ])
      expect(from.has(clean), `${clean} keeps the order`).toBe(false);
  });
});
