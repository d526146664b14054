/**
 * Bounded liveness. The fair schedule: faults, repairs and traffic have stopped; the system's
 * own steps run, then pending deliveries, and only when neither is possible does the clock
 * advance to the next deadline. It is deterministic (first enabled event in vocabulary order),
 * so "within N steps of the fair schedule" is a fact about a state, computed once per state.
 */
import type { EventKind, Model, ModelEvent, System } from '../../model/kernel/model.ts';
import type { Eventually } from './property.ts';

const FAIR_ORDER: readonly EventKind[] = ['protocol', 'delivery', 'time'];

export class FairSchedule<S, E extends ModelEvent> {
  private readonly byKind: readonly (readonly E[])[];

  constructor(
    readonly system: System<S, E>,
    model: Model<unknown, S, E>,
  ) {
    this.byKind = FAIR_ORDER.map((kind) =>
      system.vocabulary.filter((e) => model.kindOf(e) === kind),
    );
  }

  /** The next event of the fair schedule, or undefined when the system can do nothing more. */
  next(state: S): E | undefined {
    for (const events of this.byKind) {
      for (const event of events) if (this.system.isEnabled(state, event)) return event;
    }
    return undefined;
  }

  /**
   * Runs the schedule from a triggering state. Returns undefined when the goal holds within the
   * bounds, or the events run and a sentence saying how the bound was missed.
   */
  check(p: Eventually<S>, start: S): { schedule: E[]; message: string } | undefined {
    let state = start;
    let elapsedMs = 0;
    const schedule: E[] = [];
    for (let steps = 0; ; steps++) {
      if (p.goal(state)) {
        if (elapsedMs <= p.boundMs) return undefined;
        return {
          schedule,
          message: `goal reached only after ${elapsedMs} ms (bound ${p.boundMs} ms)`,
        };
      }
      if (steps >= p.boundSteps) {
        return {
          schedule,
          message: `goal not reached within ${p.boundSteps} fair steps (${elapsedMs} ms)`,
        };
      }
      const event = this.next(state);
      if (event === undefined) {
        return {
          schedule,
          message: `the fair schedule is stuck after ${steps} steps without reaching the goal`,
        };
      }
      elapsedMs += this.system.elapsedMs(state, event);
      state = this.system.reduce(state, event);
      schedule.push(event);
    }
  }
}
