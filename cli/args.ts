/** The CLI's arguments: unknown flags and bad numbers are one-line errors. */

import { parseArgs as nodeParseArgs } from 'node:util';

export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/**
 * Node's own parser (util.parseArgs, strict): options as `--name value` or `--name=value`,
 * positionals anywhere; its errors become one line that names the option and what it needs.
 */
export function parseArgs(
  argv: readonly string[],
  allowed: Readonly<Record<string, 'value' | 'switch'>>,
): Parsed {
  const options = Object.fromEntries(
    Object.entries(allowed).map(([name, kind]) => [
      name,
      { type: kind === 'value' ? ('string' as const) : ('boolean' as const) },
    ]),
  );
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(parseError(error, allowed));
  }
  const flags = new Map<string, string | true>();
  for (const [name, value] of Object.entries(parsed.values)) {
    // A repeated option keeps its last value, as most command lines do.
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined && last !== false) flags.set(name, last);
  }
  return { positional: parsed.positionals, flags };
}

/** util.parseArgs's error, said in this CLI's words. */
function parseError(error: unknown, allowed: Readonly<Record<string, 'value' | 'switch'>>): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '';
  const name = option.replace(/^-+/, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(allowed).map((k) => `--${k}`);
    return `unknown option ${option}; this command takes ${known.length === 0 ? 'no options' : known.join(', ')}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (allowed[name] === 'switch') return `option --${name} takes no value`;
    // A value that starts with '-' is taken for an option unless it is joined with '='.
    return message.includes('ambiguous')
      ? `option --${name} needs a value (one that starts with '-' goes as --${name}=-…)`
      : `option --${name} needs a value`;
  }
  return message.split('\n')[0]!;
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
