/**
 * The one judge: applies an event and evaluates every property. The random engine, the explorer
 * and replay all go through it, so a property means the same thing in each.
 */
import type { ModelEvent, System } from '../../model/kernel/model.ts';
import type {
  Eventually,
  Invariant,
  Property,
  StepProperty,
  Violation,
  Witness,
} from './property.ts';

export interface Judged<S> {
  readonly after: S;
  readonly violation?: { readonly property: string; readonly message: string };
}

export class Judge<S, E extends ModelEvent> {
  readonly invariants: readonly Invariant<S>[];
  readonly steps: readonly StepProperty<S, E>[];
  readonly witnesses: readonly Witness<S, E>[];
  readonly liveness: readonly Eventually<S>[];
  /** Ids of the witnesses reached so far by this judge. */
  readonly witnessed = new Set<string>();
  private pending: Witness<S, E>[];

  constructor(
    readonly system: System<S, E>,
    readonly properties: readonly Property<S, E>[],
  ) {
    this.invariants = properties.filter((p): p is Invariant<S> => p.kind === 'invariant');
    this.steps = properties.filter((p): p is StepProperty<S, E> => p.kind === 'step');
    this.witnesses = properties.filter((p): p is Witness<S, E> => p.kind === 'witness');
    this.liveness = properties.filter((p): p is Eventually<S> => p.kind === 'eventually');
    this.pending = [...this.witnesses];
  }

  /** Invariants of one state (the initial state, or one reached for the first time). */
  checkState(state: S): Judged<S>['violation'] {
    for (const p of this.invariants) {
      const message = p.check(state);
      if (message !== undefined) return { property: p.id, message };
    }
    return undefined;
  }

  /** Whether `checkStep` reads the state after (some step property, or a witness not yet reached). */
  get judgesSteps(): boolean {
    return this.steps.length > 0 || this.pending.length > 0;
  }

  /** Step properties and witnesses of one transition. */
  checkStep(before: S, event: E, after: S): Judged<S>['violation'] {
    for (const p of this.steps) {
      const message = p.check(before, event, after);
      if (message !== undefined) return { property: p.id, message };
    }
    if (this.pending.length > 0) this.noteWitnesses(before, event, after);
    return undefined;
  }

  /** Applies an enabled event: the new state and the first property it breaks, if any. */
  apply(before: S, event: E): Judged<S> {
    const after = this.system.reduce(before, event);
    const violation = this.checkStep(before, event, after) ?? this.checkState(after);
    return violation === undefined ? { after } : { after, violation };
  }

  private noteWitnesses(before: S, event: E, after: S): void {
    const still: Witness<S, E>[] = [];
    for (const w of this.pending) {
      if (w.reached(before, event, after)) this.witnessed.add(w.id);
      else still.push(w);
    }
    this.pending = still;
  }
}

export type { Violation };
