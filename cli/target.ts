/** The loader worker threads call to rebuild a model (or broken variant) with its properties. */
import type { Target, TargetSpec } from '../properties/engine/target.ts';
import { findSuite } from '../properties/registry.ts';
import { findVariant } from '../test/variants.ts';
import { BASELINE } from '../traces/format.ts';

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
