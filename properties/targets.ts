/** The loader worker threads call to rebuild a model (or broken variant) with its properties. */

import type { Target, TargetSpec } from './engine/target.ts';
import { findSuite } from './registry.ts';
import { BASELINE } from './variant.ts';
import { findVariant } from './variants.ts';

/** The state limit of a `check` (and of `npm start`, and the bench's runs of the same). */
export const DEFAULT_MAX_STATES = 400_000;

export interface TargetArg {
  readonly model: string;
  readonly variant: string;
  readonly config: unknown;
}

export function buildTarget(arg: TargetArg): Target<object> {
  const suite = findSuite(arg.model);
  if (suite === undefined) throw new Error(`unknown model '${arg.model}'`);
  const variant = arg.variant === BASELINE ? undefined : findVariant(arg.model, arg.variant);
  if (arg.variant !== BASELINE && variant === undefined)
    throw new Error(`unknown variant '${arg.variant}'`);
  const model = variant === undefined ? suite.model : variant.build();
  const config = model.validate(arg.config);
  return { model, config, properties: suite.properties(config) };
}

export function targetSpec(arg: TargetArg): TargetSpec {
  return { module: import.meta.url, exportName: 'buildTarget', arg };
}
