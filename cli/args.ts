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
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
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
  return raw === undefined ? fallback : parseInteger(raw, `--${name}`, min);
}

/** A plain decimal integer ≥ min (no '', '1e3' or '0x10'), or a one-line error naming its source. */
export function parseInteger(
  raw: string | true,
  source: string,
  min = Number.MIN_SAFE_INTEGER,
): number {
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    const bound = min === Number.MIN_SAFE_INTEGER ? 'an integer' : `an integer ≥ ${min}`;
    throw new CliError(`${source} must be ${bound}, got '${String(raw)}'`);
  }
  return value;
}

export function stringFlag(parsed: Parsed, name: string): string | undefined {
  const raw = parsed.flags.get(name);
  return typeof raw === 'string' ? raw : undefined;
}
