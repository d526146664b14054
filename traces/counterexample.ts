/** Turns an engine's counterexample into a saved trace a person can replay and read. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Model, ModelEvent } from '../model/kernel/model.ts';
import { serializeTrace, TRACE_FORMAT, type Trace } from './format.ts';
import { type Names, rename } from './names.ts';

export interface Found<E> {
  readonly property: string;
  readonly message: string;
  readonly events: readonly E[];
  /** For liveness: the fair path from the triggering state on which the goal is missed. */
  readonly schedule?: readonly E[];
  /** For a lasso: the index in `schedule` where the goal-free fair cycle starts. */
  readonly loop?: number;
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
  if (found.schedule !== undefined) {
    story.push(
      'From here faults, repairs and traffic stop; on this fair path of the continuation:',
    );
    for (const [i, e] of schedule.entries()) {
      if (i === found.loop) story.push('The cycle starts here:');
      story.push(`${found.events.length + i + 1}. ${model.describe(e)}`);
    }
    if (found.loop !== undefined)
      story.push(
        `and back to the state before step ${found.events.length + found.loop + 1}, forever.`,
      );
  }
  story.push(`${found.property} breaks: ${found.message}`);
  const trigger = found.events.length;
  return {
    format: TRACE_FORMAT,
    model: model.id,
    variant,
    title: `Counterexample to ${found.property} found by the ${engine}`,
    story,
    config,
    events: [...found.events, ...schedule],
    expect: { violates: found.property },
    ...(found.schedule === undefined
      ? {}
      : {
          liveness: {
            trigger,
            ...(found.loop === undefined ? {} : { loop: trigger + found.loop }),
          },
        }),
  };
}

/** A trace found on a deployment: its title and story in the deployment's names, kept with it. */
export function named<E extends ModelEvent>(trace: Trace<E>, names: Names): Trace<E> {
  return {
    ...trace,
    title: rename(trace.title, names),
    story: trace.story.map((line) => rename(line, names)),
    names,
  };
}

export function saveTrace(trace: Trace, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeTrace(trace));
}
