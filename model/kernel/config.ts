/**
 * The shared first half of every model's config check: an untrusted value (a trace's or the
 * CLI's) must be an object with only the fields of the model's base config, and each integer,
 * choice and boolean field must be in its range. What is left (cross-field rules) is the model's.
 * The first bad field gets one ConfigError that names the model, the field and what is allowed.
 */
import { ConfigError } from './model.ts';

export interface FieldRules {
  readonly integers?: Readonly<Record<string, readonly [number, number]>>;
  readonly choices?: Readonly<Record<string, readonly unknown[]>>;
  readonly booleans?: readonly string[];
}

/** Returns the base config overlaid with the input, once every field passed its rule. */
export function checkFields(
  model: string,
  input: unknown,
  base: object,
  rules: FieldRules,
): Record<string, unknown> {
  const fail = (message: string): never => {
    throw new ConfigError(`${model} config ${message}`);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    fail('must be an object');
  const raw = input as Record<string, unknown>;
  const known = Object.keys(base);
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) fail(`has unknown field '${key}'; known: ${known.join(', ')}`);
  }
  const config = { ...base, ...raw } as Record<string, unknown>;
  for (const [field, [min, max]] of Object.entries(rules.integers ?? {})) {
    const value = config[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      fail(
        `field '${field}' must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
  }
  for (const [field, allowed] of Object.entries(rules.choices ?? {})) {
    if (!allowed.includes(config[field]))
      fail(
        `field '${field}' must be one of ${allowed.join(', ')}, got ${JSON.stringify(config[field])}`,
      );
  }
  for (const field of rules.booleans ?? []) {
    if (typeof config[field] !== 'boolean')
      fail(`field '${field}' must be true or false, got ${JSON.stringify(config[field])}`);
  }
  return config;
}
