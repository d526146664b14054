/** A small, strict argument parser: unknown flags and bad numbers are one-line errors. */

export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

export function parseArgs(
  argv: readonly string[],
  allowed: Readonly<Record<string, 'value' | 'switch'>>,
): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = allowed[name];
    if (kind === undefined) {
      const known = Object.keys(allowed).map((k) => `--${k}`);
      throw new CliError(
        `unknown option --${name}; this command takes ${known.length === 0 ? 'no options' : known.join(', ')}`,
      );
    }
    if (kind === 'switch') {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--'))
      throw new CliError(`option --${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function intFlag(parsed: Parsed, name: string, fallback: number, min = 0): number {
  const raw = parsed.flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isSafeInteger(value) || value < min) {
    throw new CliError(`--${name} must be an integer ≥ ${min}, got '${String(raw)}'`);
  }
  return value;
}

export function stringFlag(parsed: Parsed, name: string): string | undefined {
  const raw = parsed.flags.get(name);
  return typeof raw === 'string' ? raw : undefined;
}
