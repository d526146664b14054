/**
 * An embedded model's invariants, judged again on the sub-state that holds it: the recording
 * path re-judges the SIP Server pair's on `sip`, the back end on `rec.sip`. A step of the larger
 * model that breaks the pair (its own handler writing into the pair's state, say) is then caught
 * by the pair's own property, named after the model that embeds it.
 */
import type { Invariant } from './engine/property.ts';

export function onSubState<S, Sub>(
  owner: string,
  where: string,
  property: Invariant<Sub>,
  sub: (state: S) => Sub,
): Invariant<S> {
  return {
    ...property,
    id: `${owner}.${property.id}`,
    statement: `On ${where}: ${property.statement}`,
    check: (state) => {
      const broken = property.check(sub(state));
      return broken === undefined ? undefined : `on ${where}: ${broken}`;
    },
  };
}
