import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allAssumptions as assumptions,
  allClauses as clauses,
  DOCUMENT_FILES,
} from '../../properties/catalog/index.ts';

import { suites } from '../../properties/registry.ts';

const seeds = process.env.SEEDS_DIR ?? new URL('../../../shared/seeds/', import.meta.url).pathname;
const allProperties = suites.flatMap((s) =>
  Object.values(s.model.configs).flatMap((config) =>
    s.properties(config).map((p) => ({ model: s.model.id, p })),
  ),
);

/** Whitespace-insensitive text of a document. */
function documentText(prefix: string): string {
  const file = readdirSync(seeds).find((n) => n.startsWith(prefix));
  if (file === undefined) throw new Error(`no document starting with ${prefix} in ${seeds}`);
  return readFileSync(join(seeds, file), 'utf8').replace(/\s+/g, ' ');
}

describe('catalog: clauses, properties and assumptions agree', () => {
  it('should give every clause a unique id, an anchor of at most 12 words, and known assumptions', () => {
    const ids = clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(assumptions.map((a) => a.id));
    for (const c of clauses) {
      expect(c.anchor.split(/\s+/).length, c.id).toBeLessThanOrEqual(12);
      for (const a of c.assumptions)
        expect(known.has(a), `${c.id} names unknown assumption ${a}`).toBe(true);
    }
  });

  it('should find every anchor phrase verbatim in its document', () => {
    for (const c of clauses) {
      expect(documentText(DOCUMENT_FILES[c.document]), `${c.id}: "${c.anchor}"`).toContain(
        c.anchor,
      );
    }
  });

  it('should name only clauses that exist in every property', () => {
    const ids = new Set(clauses.map((c) => c.id));
    for (const { model, p } of allProperties) {
      expect(p.clauses.length, `${model}: ${p.id} names no clause`).toBeGreaterThan(0);
      for (const c of p.clauses) expect(ids.has(c), `${p.id} names unknown clause ${c}`).toBe(true);
    }
  });

  it('should check every modelled clause with some property, and give a reason for each one that is not', () => {
    const checked = new Set(allProperties.flatMap(({ p }) => p.clauses));
    for (const c of clauses) {
      if (c.notModelled === undefined)
        expect(checked.has(c.id), `${c.id} has no property`).toBe(true);
      else expect(c.notModelled.length, c.id).toBeGreaterThan(10);
    }
  });
});
