/**
 * No idle steps: an event that is enabled changes the state. A guard that lets an event through
 * where its handler then does nothing puts a self-loop into the state graph that the model does
 * not mean (a retry that cannot happen, a delivery to a member that is gone), and a fair path can
 * spend its steps on it. The few events of the environment that may change nothing are named
 * per model with the reason (a call offered where nobody can take it is simply lost).
 */
import type { StepProperty } from './engine/property.ts';
import { sameValue } from './fault-budget.ts';

export function noIdleSteps<S, E extends { readonly type: string }>(spec: {
  readonly id: string;
  readonly clauses: readonly string[];
  /** Event types that may leave the state as it was, with the reason. */
  readonly mayIdle?: Readonly<Record<string, string>>;
}): StepProperty<S, E> {
  const mayIdle = spec.mayIdle ?? {};
  const exempt = Object.keys(mayIdle);
  return {
    kind: 'step',
    id: spec.id,
    clauses: spec.clauses,
    statement: `Every step that is enabled changes the state${
      exempt.length === 0 ? '' : ` (except ${exempt.map((t) => `${t}: ${mayIdle[t]}`).join('; ')})`
    }.`,
    check(before, event, after) {
      if (event.type in mayIdle || !sameValue(before, after)) return undefined;
      return `${event.type} was enabled and changed nothing`;
    },
  };
}
