import type { AnyModel } from '../model/kernel/model.ts';

/** A deliberately broken model: the real one with one handler or guard replaced. */
export interface Variant {
  readonly id: string;
  /** Id of the real model it breaks. */
  readonly model: string;
  readonly title: string;
  /** The property that must catch it. */
  readonly expect: string;
  /** Config name it is checked under by the tests and the benchmark. */
  readonly config: string;
  /**
   * For a liveness variant, what it shows about the every-path check: 'other-order', the goal is
   * missed only on a fair path other than the vocabulary-order schedule (so the old one-schedule
   * check passes it); 'lasso', a goal-free fair cycle, reported as a lasso.
   */
  readonly liveness?: 'other-order' | 'lasso';
  build(): AnyModel;
}
