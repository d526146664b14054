/**
 * The review as an index: for each property, where it is written, its verdict per config, the
 * clauses it checks and the broken variants that must break it; for each variant its saved
 * counterexample; and the saved good traces with the clauses they illustrate. The HTML page
 * links them by anchor, so a clause reaches its evidence in a few clicks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Property } from '../../properties/engine/property.ts';
import { findSuite } from '../../properties/registry.ts';
import { parseTrace, type Trace } from '../../traces/format.ts';
import { type ReplayResult, replay } from '../../traces/replay.ts';
import { projectRoot } from '../root.ts';
import type { CheckOutcome } from '../run.ts';
import { verdictLabel } from '../run.ts';
import { propertySources, type Source } from './sources.ts';

/** A trace with its replay and the lifelines its diagram draws. */
export interface Shown {
  readonly trace: Trace;
  readonly replay: ReplayResult<{ type: string }>;
  readonly lifelines: (event: { type: string }) => { from: string; to: string };
}

/** What the index needs of a row of the kill matrix. */
interface KillRef {
  readonly model: string;
  readonly variant: string;
  readonly expected: string;
}

export interface PropertyEntry {
  readonly id: string;
  readonly model: string;
  readonly property: Property<unknown, never>;
  readonly source?: Source;
  readonly verdicts: readonly { readonly config: string; readonly verdict: string }[];
  /** Broken variants that must break it, as `model/variant`. */
  readonly variants: readonly string[];
}

export interface TraceEntry {
  /** Path from the project root. */
  readonly file: string;
  readonly model: string;
  readonly clauses: readonly string[];
  readonly shown: Shown;
}

export interface ReviewIndex {
  readonly properties: readonly PropertyEntry[];
  /** The good traces: real models satisfying every property. */
  readonly traces: readonly TraceEntry[];
  /** Saved counterexample of a variant (traces/<model>/bad/<variant>.trace.json), by `model/variant`. */
  readonly savedBad: ReadonlyMap<string, string>;
}

const ROOT = projectRoot(import.meta.url);

export const anchors = {
  clause: (id: string) => `clause-${id}`,
  property: (id: string) => `property-${id}`,
  variant: (key: string) => `variant-${key.replace('/', '-')}`,
  trace: (file: string) => `trace-${file.replace(/^traces\//, '').replace(/[/.]/g, '-')}`,
};

export function collectIndex(
  outcomes: readonly CheckOutcome[],
  kills: readonly KillRef[],
): ReviewIndex {
  const byId = new Map<string, { model: string; property: Property<unknown, never> }>();
  for (const o of outcomes)
    for (const v of o.verdicts)
      if (!byId.has(v.property.id))
        byId.set(v.property.id, { model: o.model.id, property: v.property });
  const sources = propertySources([...byId.keys()]);
  const properties = [...byId].map(([id, { model, property }]) => {
    const source = sources.get(id);
    return {
      id,
      model,
      property,
      ...(source === undefined ? {} : { source }),
      verdicts: outcomes.flatMap((o) =>
        o.verdicts
          .filter((v) => v.property.id === id)
          .map((v) => ({ config: o.configName, verdict: verdictLabel(v) })),
      ),
      variants: kills.filter((k) => k.expected === id).map((k) => `${k.model}/${k.variant}`),
    };
  });
  const savedBad = new Map<string, string>();
  for (const k of kills) {
    const file = join('traces', k.model, 'bad', `${k.variant}.trace.json`);
    if (existsSync(join(ROOT, file))) savedBad.set(`${k.model}/${k.variant}`, file);
  }
  return { properties, traces: goodTraces(), savedBad };
}

function goodTraces(): TraceEntry[] {
  const root = join(ROOT, 'traces');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'good')))
    .flatMap((d) =>
      readdirSync(join(root, d.name, 'good'))
        .filter((n) => n.endsWith('.trace.json'))
        .sort()
        .map((n) => {
          const path = join(root, d.name, 'good', n);
          const file = relative(ROOT, path);
          const trace: Trace = parseTrace(readFileSync(path, 'utf8'), file);
          const suite = findSuite(trace.model)!;
          return {
            file,
            model: trace.model,
            clauses: trace.clauses ?? [],
            shown: {
              trace,
              replay: replay(suite.model, suite.properties, trace, file),
              lifelines: suite.model.lifelines,
            },
          };
        }),
    );
}
