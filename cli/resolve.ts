/** Finding models, configs and variants by name, with one-line errors that say what exists. */
import type { AnyModel } from '../model/kernel/model.ts';
import { ConfigError } from '../model/kernel/model.ts';
import type { AnySuite } from '../properties/engine/property.ts';
import { benchmarks, findSuite, suites } from '../properties/registry.ts';
import { BASELINE } from '../properties/variant.ts';
import { findVariant, variants } from '../properties/variants.ts';
import { CliError } from './args.ts';

export function suiteOf(id: string): AnySuite {
  const suite = findSuite(id);
  if (suite === undefined) {
    throw new CliError(
      `unknown model '${id}'; known models: ${[...suites, ...benchmarks].map((s) => s.model.id).join(', ')}`,
    );
  }
  return suite;
}

/** The model to run: the real one, or a broken variant of it. */
export function modelOf(suite: AnySuite, variant: string | undefined): AnyModel {
  if (variant === undefined || variant === BASELINE) return suite.model;
  const found = findVariant(suite.model.id, variant);
  if (found === undefined) {
    const known = variants.filter((v) => v.model === suite.model.id).map((v) => v.id);
    throw new CliError(
      `unknown variant '${variant}' of ${suite.model.id}; known: ${BASELINE}, ${known.join(', ')}`,
    );
  }
  return found.build();
}

export function configOf(model: AnyModel, name: string): unknown {
  const config = model.configs[name];
  if (config === undefined) {
    throw new CliError(
      `unknown config '${name}' of ${model.id}; known: ${Object.keys(model.configs).join(', ')}`,
    );
  }
  try {
    return model.validate(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message);
    throw error;
  }
}
