/**
 * Trace format v1: a versioned JSON file holding the model, the variant (baseline or a broken
 * variant), a title, a numbered story, the full config, the events (one per line), and what is
 * expected. Events are the source of truth; states are recomputed on replay.
 */
import type { ModelEvent } from '../model/kernel/model.ts';
import { isNames, type Names } from './names.ts';

export const TRACE_FORMAT = 'ha-verify-trace/1';

export interface Trace<E extends ModelEvent = ModelEvent> {
  readonly format: typeof TRACE_FORMAT;
  readonly model: string;
  /** 'baseline' for the real model, or the id of a broken variant. */
  readonly variant: string;
  readonly title: string;
  readonly story: readonly string[];
  readonly config: unknown;
  readonly events: readonly E[];
  /** The property the trace must violate, or null when it must satisfy every property. */
  readonly expect: { readonly violates: string | null };
  /**
   * For a liveness counterexample: `trigger` events lead to the triggering state, the rest are
   * its fault-free continuation; with `loop`, events from index `loop` on form a goal-free fair
   * cycle that returns to the state before `events[loop]` and repeats forever (a lasso).
   */
  readonly liveness?: { readonly trigger: number; readonly loop?: number };
  /** The clauses of the documents the trace illustrates (catalog ids), listed by the review. */
  readonly clauses?: readonly string[];
  /**
   * For a trace found on a deployment file: the deployment's names for the model's ids (agent a1,
   * site A, sip1, ...). The title and story already use them; replay prints its steps with them.
   */
  readonly names?: Names;
}

/** A trace file that cannot be used, with one line saying why and what to do. */
export class TraceError extends Error {
  override readonly name = 'TraceError';
}

export function parseTrace(text: string, source: string): Trace {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TraceError(
      `${source}: not valid JSON (${(error as Error).message}); a trace is a JSON object`,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TraceError(`${source}: a trace must be a JSON object`);
  }
  const t = raw as Record<string, unknown>;
  if (t.format !== TRACE_FORMAT) {
    throw new TraceError(
      `${source}: unsupported trace format ${JSON.stringify(t.format)}; this version reads '${TRACE_FORMAT}'`,
    );
  }
  for (const field of ['model', 'variant', 'title'] as const) {
    if (typeof t[field] !== 'string' || t[field] === '') {
      throw new TraceError(`${source}: field '${field}' must be a non-empty string`);
    }
  }
  if (!Array.isArray(t.story) || !t.story.every((line) => typeof line === 'string')) {
    throw new TraceError(`${source}: field 'story' must be a list of strings`);
  }
  if (!Array.isArray(t.events)) throw new TraceError(`${source}: field 'events' must be a list`);
  t.events.forEach((event, i) => {
    if (
      typeof event !== 'object' ||
      event === null ||
      typeof (event as { type?: unknown }).type !== 'string'
    ) {
      throw new TraceError(`${source}: event ${i + 1} must be an object with a string 'type'`);
    }
  });
  const expect = t.expect as { violates?: unknown } | undefined;
  if (
    typeof expect !== 'object' ||
    expect === null ||
    !(expect.violates === null || typeof expect.violates === 'string')
  ) {
    throw new TraceError(
      `${source}: field 'expect' must be {"violates": "<property id>"} or {"violates": null}`,
    );
  }
  if (!('config' in t)) throw new TraceError(`${source}: field 'config' is missing`);
  if (t.liveness !== undefined) checkLiveness(t.liveness, t.events.length, source);
  if (
    t.clauses !== undefined &&
    !(Array.isArray(t.clauses) && t.clauses.every((c) => typeof c === 'string' && c !== ''))
  ) {
    throw new TraceError(
      `${source}: field 'clauses' must be a list of clause ids, e.g. ["GIR-SIP-1"]`,
    );
  }
  if (t.names !== undefined && !isNames(t.names)) {
    throw new TraceError(
      `${source}: field 'names' must map the model's ids to names, e.g. {"a1": "alice", "A": "east"}`,
    );
  }
  return t as unknown as Trace;
}

function checkLiveness(raw: unknown, events: number, source: string): void {
  const l = raw as { trigger?: unknown; loop?: unknown };
  const within = (v: unknown, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
  if (typeof raw !== 'object' || raw === null || !within(l.trigger, events)) {
    throw new TraceError(
      `${source}: field 'liveness' must be {"trigger": <events before the trigger>, "loop"?: <index>} with trigger at most ${events}`,
    );
  }
  if (
    l.loop !== undefined &&
    !(within(l.loop, events - 1) && (l.loop as number) >= (l.trigger as number))
  ) {
    throw new TraceError(
      `${source}: field 'liveness.loop' must be an event index from 'liveness.trigger' to ${events - 1}`,
    );
  }
}

/** Pretty JSON with one event per line, so diffs of traces stay readable. */
export function serializeTrace(trace: Trace): string {
  const head = JSON.stringify({ ...trace, events: [] }, null, 2);
  const events = trace.events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  // A newline inside a JSON string is escaped, so this line can only be the top-level key.
  const line = '\n  "events": []';
  const body = trace.events.length === 0 ? line : `\n  "events": [\n${events}\n  ]`;
  return `${head.replace(line, () => body)}\n`;
}
