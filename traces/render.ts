/** Renderers of a replay for people: the step table. */
import type { ModelEvent } from '../model/kernel/model.ts';
import type { ReplayResult } from './replay.ts';

/** One block per step: the event, what changed in the state, and any property broken. */
export function stepTable<E extends ModelEvent>(result: ReplayResult<E>): string {
  const lines: string[] = [];
  for (const v of result.brokenAtStart)
    lines.push(`  0  (initial state)  ✗ ${v.property}: ${v.message}`);
  for (const step of result.steps) {
    lines.push(`${String(step.step).padStart(3)}  ${step.label}`);
    for (const change of step.changes) lines.push(`       ${change}`);
    for (const v of step.broken) lines.push(`     ✗ ${v.property}: ${v.message}`);
  }
  return lines.join('\n');
}
