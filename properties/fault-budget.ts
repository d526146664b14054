/**
 * The bound every verdict states: "with at most N faults". A model counts its faults in budgets
 * kept in its state (the back end holds three: its own, the recording solution's and the SIP
 * Server pair's); this step property checks that the count is honest, judged by the event alone
 * and the property's own list of which event is a fault and which budget it spends:
 *
 * - a budget stays between 0 and the config's size;
 * - a fault step spends exactly one unit of its budget, and was taken only with one left;
 * - no other step (traffic, protocol, repairs, time) changes a budget;
 * - a fault step changes the system beyond its budget: a fault that does nothing would count
 *   towards N without being one;
 * - while a budget is untouched, what its faults break is whole (every member up, no partition):
 *   failures come only from faults, not from a start already broken or a step that is not one.
 *
 * A budget mis-counted makes a HOLDS claim a bound it was not checked under (more faults than
 * stated, or fewer).
 */
import type { StepProperty } from './engine/property.ts';

export interface FaultBudget<S> {
  /** As the verdicts name it, e.g. 'the SIP Server pair's fault budget'. */
  readonly name: string;
  /** The config's size of the budget. */
  readonly size: number;
  /** Where the state keeps what is left, e.g. ['rec', 'faultsLeft']. */
  readonly path: readonly string[];
  /**
   * What none of this budget's faults has happened to must look like: undefined when whole, or
   * what is broken (e.g. 'host sip2 is down'). Judged while the budget is untouched.
   */
  whole(state: S): string | undefined;
}

/** The first member of a group that is not up, as 'kind id is down', or undefined. */
export function firstDown(
  kind: string,
  members: Readonly<Record<string, unknown>>,
  isUp: (member: unknown) => boolean = (m) => m === 'up',
): string | undefined {
  const down = Object.keys(members).find((id) => !isUp(members[id]));
  return down === undefined ? undefined : `${kind} ${down} is down`;
}

function at(state: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], state);
}

/** Deep equality of two plain-data states (objects, arrays, primitives; undefined fields left out). */
export function sameValue(a: unknown, b: unknown): boolean {
  return sameBeyond(a, b, []);
}

const NOTHING: readonly (readonly string[])[] = [];

/** How many own enumerable keys of `o` hold a value other than undefined. */
function defined(o: Record<string, unknown>, keys: readonly string[]): number {
  let n = 0;
  for (const k of keys) if (o[k] !== undefined) n++;
  return n;
}

/**
 * Deep equality of two plain-data states, leaving out the fields at `skip` (paths). Judged on
 * every step, so with nothing to skip it allocates nothing beyond the key lists.
 */
function sameBeyond(a: unknown, b: unknown, skip: readonly (readonly string[])[]): boolean {
  for (const p of skip) if (p.length === 0) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  if (defined(ra, ka) !== defined(rb, Object.keys(rb))) return false;
  for (const k of ka) {
    if (ra[k] === undefined) continue;
    let below = NOTHING;
    if (skip.length > 0) {
      const under: (readonly string[])[] = [];
      for (const p of skip) if (p[0] === k) under.push(p.slice(1));
      below = under;
    }
    if (!sameBeyond(ra[k], rb[k], below)) return false;
  }
  return true;
}

export function faultBudgetKept<S, E extends { readonly type: string }>(spec: {
  readonly id: string;
  readonly clauses: readonly string[];
  readonly budgets: readonly FaultBudget<S>[];
  /** The budget a step spends (by its `name`), from the event and the state before it; undefined for every step that is not a fault. */
  spends(before: S, event: E): string | undefined;
}): StepProperty<S, E> {
  return {
    kind: 'step',
    id: spec.id,
    clauses: spec.clauses,
    statement:
      "Every fault spends one unit of its fault budget and needs one left; no other step changes a budget; a fault changes more than its budget; and while a budget is untouched, what its faults break is whole: verdicts hold with the config's number of faults, no more and no fewer.",
    check(before, event, after) {
      const spent = spec.spends(before, event);
      for (const b of spec.budgets) {
        const was = at(before, b.path) as number;
        const now = at(after, b.path) as number;
        if (!(was >= 0 && was <= b.size))
          return `${b.name} stands at ${was}, outside 0..${b.size} (its size in the config)`;
        if (spent === b.name && was <= 0)
          return `${event.type} is a fault, taken with nothing left of ${b.name}`;
        const expected = spent === b.name ? was - 1 : was;
        if (now !== expected)
          return spent === b.name
            ? `${event.type} is a fault of ${b.name}, which went from ${was} to ${now} rather than ${expected}`
            : `${event.type} is not a fault of ${b.name}, yet changed it from ${was} to ${now}`;
      }
      for (const b of spec.budgets)
        for (const [state, when] of [
          [before, 'before'],
          [after, 'after'],
        ] as const) {
          const broken = at(state, b.path) === b.size ? b.whole(state) : undefined;
          if (broken !== undefined)
            return `${broken} ${when} ${event.type}, though nothing of ${b.name} is spent`;
        }
      if (
        spent !== undefined &&
        sameBeyond(
          before,
          after,
          spec.budgets.map((b) => b.path),
        )
      )
        return `${event.type} spent ${spent} and changed nothing else: a fault that does nothing`;
      return undefined;
    },
  };
}
