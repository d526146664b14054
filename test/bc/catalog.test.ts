import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configs } from '../../model/bc/config.ts';
import { bcProperties } from '../../properties/bc/index.ts';
import { assumptions } from '../../properties/catalog/assumptions.ts';
import { bcAssumptions } from '../../properties/catalog/assumptions-bc.ts';
import { clauses, DOCUMENT_FILES } from '../../properties/catalog/clauses.ts';
import { bcClauses } from '../../properties/catalog/clauses-bc.ts';

const seeds = process.env.SEEDS_DIR ?? new URL('../../../shared/seeds/', import.meta.url).pathname;
const bcDocument = (() => {
  const file = readdirSync(seeds).find((n) => n.startsWith(DOCUMENT_FILES.BC));
  if (file === undefined) throw new Error(`no BC document in ${seeds}`);
  return readFileSync(join(seeds, file), 'utf8').replace(/\s+/g, ' ');
})();
const properties = Object.values(configs).flatMap((c) => bcProperties(c));
const known = new Map([...clauses, ...bcClauses].map((c) => [c.id, c]));

describe('bc catalog: clauses, properties and assumptions agree', () => {
  it('should add new, unique clause ids with anchors of at most 12 words found verbatim in the BC document', () => {
    const ids = bcClauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of bcClauses) {
      expect(
        clauses.some((old) => old.id === c.id),
        `${c.id} exists already`,
      ).toBe(false);
      expect(c.document).toBe('BC');
      expect(c.anchor.split(/\s+/).length, c.id).toBeLessThanOrEqual(12);
      expect(bcDocument, `${c.id}: "${c.anchor}"`).toContain(c.anchor);
    }
  });

  it('should name only known assumptions, and register each assumption once', () => {
    const register = [...assumptions, ...bcAssumptions].map((a) => a.id);
    expect(new Set(register).size).toBe(register.length);
    for (const c of bcClauses)
      for (const a of c.assumptions) expect(register, `${c.id} names ${a}`).toContain(a);
  });

  it('should name only known clauses in every bc property, and check every modelled bc clause', () => {
    for (const p of properties) {
      expect(p.clauses.length, p.id).toBeGreaterThan(0);
      for (const id of p.clauses) expect(known.has(id), `${p.id} names ${id}`).toBe(true);
    }
    const checked = new Set(properties.flatMap((p) => p.clauses));
    for (const c of bcClauses) {
      if (c.notModelled === undefined)
        expect(checked.has(c.id), `${c.id} has no property`).toBe(true);
      else expect(checked.has(c.id), `${c.id} is said not modelled`).toBe(false);
    }
    expect(checked.has('BC-HA-2')).toBe(true);
  });
});
