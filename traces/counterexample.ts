/** Turns an engine's counterexample into a saved trace a person can replay and read. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Model, ModelEvent } from '../model/kernel/model.ts';
import { serializeTrace, TRACE_FORMAT, type Trace } from './format.ts';

export interface Found<E> {
  readonly property: string;
  readonly message: string;
  readonly events: readonly E[];
  /** For liveness: the fair schedule run from the triggering state. */
  readonly schedule?: readonly E[];
}

export function counterexampleTrace<C, S, E extends ModelEvent>(
  model: Model<C, S, E>,
  variant: string,
  config: C,
  found: Found<E>,
  engine: 'explorer' | 'random',
): Trace<E> {
  const schedule = found.schedule ?? [];
  const story = found.events.map((e, i) => `${i + 1}. ${model.describe(e)}`);
  if (schedule.length > 0 || found.schedule !== undefined) {
    story.push(`From here faults and traffic stop; the fair schedule runs:`);
    for (const [i, e] of schedule.entries())
      story.push(`${found.events.length + i + 1}. ${model.describe(e)}`);
  }
  story.push(`${found.property} breaks: ${found.message}`);
  return {
    format: TRACE_FORMAT,
    model: model.id,
    variant,
    title: `Counterexample to ${found.property} found by the ${engine}`,
    story,
    config,
    events: [...found.events, ...schedule],
    expect: { violates: found.property },
  };
}

export function saveTrace(trace: Trace, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeTrace(trace));
}
