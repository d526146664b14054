/**
 * Every broken variant, for the tests, the CLI (`--variant`, replay of bad traces), the review
 * and the bench: each model's, resolved against its suite, so that a variant whose property is
 * not checked under its config fails at load time, naming both.
 */
import { findSuite, variantSpecs } from './registry.ts';
import type { Variant, VariantSpec } from './variant.ts';

function resolve(spec: VariantSpec): Variant {
  const suite = findSuite(spec.model);
  // A variant may add a config of its own (a deployment that shows its mistake), so the config
  // is read from the model it builds.
  const model = spec.build();
  const raw = model.configs[spec.config];
  if (suite === undefined || model.id !== spec.model || raw === undefined)
    throw new Error(`variant ${spec.id}: no model '${spec.model}' with config '${spec.config}'`);
  const config = model.validate(raw);
  const made = typeof spec.breaks === 'function' ? spec.breaks(config) : spec.breaks;
  const candidates = Array.isArray(made) ? made : [made];
  const property =
    spec.instance === undefined
      ? candidates.length === 1
        ? candidates[0]
        : undefined
      : candidates.find((p) => p.id.endsWith(`.${spec.instance}`));
  if (property === undefined)
    throw new Error(
      `variant ${spec.id}: its reference makes ${candidates.map((p) => p.id).join(', ')}; name one with 'instance'`,
    );
  if (!suite.properties(config).some((p) => p.id === property.id))
    throw new Error(
      `variant ${spec.id}: ${property.id} is not checked under ${spec.model} config '${spec.config}'`,
    );
  return { ...spec, expect: property.id };
}

export const variants: readonly Variant[] = variantSpecs.map(resolve);

export function findVariant(model: string, id: string): Variant | undefined {
  return variants.find((v) => v.model === model && v.id === id);
}

export function variantsOf(model: string): readonly Variant[] {
  return variants.filter((v) => v.model === model);
}
