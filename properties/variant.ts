/**
 * A broken variant: the real model with one handler or guard replaced by a plausible mistake,
 * and the property that must catch it. A variant names that property by reference (the property
 * object, or the function that makes it from a config), so a renamed or removed property breaks
 * the build instead of a test; `properties/variants.ts` resolves the reference against the
 * model's suite.
 */
import type { AnyModel } from '../model/kernel/model.ts';
import type { Property } from './engine/property.ts';

/** The variant name of the real model, in traces and on the command line. */
export const BASELINE = 'baseline';

// biome-ignore lint/suspicious/noExplicitAny: a reference may name a property of any model.
type AnyProperty = Property<any, any>;

/**
 * The property a variant breaks: a property object; or a function of the variant's config that
 * makes it, or makes one per agent, of which `instance` picks the one with that id suffix.
 */
export type PropertyRef =
  | AnyProperty
  // biome-ignore lint/suspicious/noExplicitAny: the config type is the model's, checked at resolution.
  | ((config: any) => AnyProperty | readonly AnyProperty[]);

/** A variant as written beside the properties it proves. */
export interface VariantSpec {
  readonly id: string;
  /** Id of the real model it breaks. */
  readonly model: string;
  readonly title: string;
  /** The property that must catch it. */
  readonly breaks: PropertyRef;
  /** Where `breaks` makes one property per agent: which one (the id's last part). */
  readonly instance?: string;
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

/** A variant with its reference resolved: `expect` is the id of the property it must break. */
export interface Variant extends VariantSpec {
  readonly expect: string;
}
