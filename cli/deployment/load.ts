/**
 * Reading a deployment file (YAML or JSON; JSON is read as YAML 1.2, of which it is a part) and
 * validating it against schema/deployment.schema.json with ajv. Every problem becomes one
 * DeploymentError that names the file, the line and column, the field and what is allowed.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { projectRoot } from '../root.ts';

/** A deployment file that cannot be checked: one line, with where and what is allowed. */
export class DeploymentError extends Error {
  override readonly name = 'DeploymentError';
}

/** A path to a field of the file: keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** The file's parsed value with what is needed to point at a field of it. */
export interface DeploymentSource {
  readonly file: string;
  readonly value: unknown;
  /** `file:line:col` of a field (of its key, for a key that should not be there). */
  readonly where: (path: FieldPath, key?: boolean) => string;
}

export const SCHEMA_FILE = join(projectRoot(import.meta.url), 'schema', 'deployment.schema.json');

/** Larger files are refused before they are parsed. */
const MAX_BYTES = 1 << 20;
/** Aliases a file may expand; more is refused (a file of nested aliases can grow exponentially). */
const MAX_ALIASES = 50;

/** The field path as people write it: `workspace.disaster-recovery.timeout`, `agents[2].name`. */
export function fieldName(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile())
      throw new DeploymentError(
        `${file}: not a regular file; give the path of a YAML or JSON file`,
      );
    if (stat.size > MAX_BYTES)
      throw new DeploymentError(
        `${file}: the file is larger than 1 MiB; a deployment file is a few kilobytes of YAML or JSON`,
      );
    // Read at most one byte past the limit, whatever size the file system reports (/proc).
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_BYTES + 1);
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      if (read > MAX_BYTES)
        throw new DeploymentError(
          `${file}: the file is larger than 1 MiB; a deployment file is a few kilobytes of YAML or JSON`,
        );
      bytes = buffer.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof DeploymentError) throw error;
    throw new DeploymentError(
      `${file}: cannot read the deployment file (${(error as NodeJS.ErrnoException).code ?? 'error'}); give the path of a YAML or JSON file`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DeploymentError(
      `${file}: the file is not UTF-8 text; a deployment file is YAML or JSON`,
    );
  }
  // C0 controls other than tab, line feed and carriage return (and DEL) mark binary data.
  const at = [...text].findIndex((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
  });
  if (at >= 0) {
    const chars = [...text];
    const line = chars.slice(0, at).join('').split('\n').length;
    const code = chars[at]!.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    throw new DeploymentError(
      `${file}:${line}: the file holds a control character (U+${code}); a deployment file is YAML or JSON text`,
    );
  }
  return text;
}

/** The yaml library's message without its excerpt of the source: one line. */
const firstLine = (message: string) =>
  message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/; please use YAML\.parseAllDocuments\(\)/, ': a deployment file is one document')
    .trim();

/** Parses the file's text, with duplicate keys, excess aliases and bad YAML refused. */
function parse(file: string, text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  let doc: Document;
  try {
    // YAML 1.2 and its core schema only (so no dates, sets or ordered maps of YAML 1.1), and
    // no warnings of the library's own on stderr: every problem is one of this file's lines.
    doc = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: true,
      version: '1.2',
      schema: 'core',
      logLevel: 'error',
    });
  } catch (error) {
    throw nestingOr(file, error);
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined && /call stack/i.test(problem.message))
    throw nestingOr(file, new RangeError(problem.message));
  if (problem !== undefined) {
    const at = problem.linePos?.[0];
    throw new DeploymentError(
      `${file}${at === undefined ? '' : `:${at.line}:${at.col}`}: not valid YAML or JSON: ${firstLine(problem.message)}`,
    );
  }
  const directive = /^\uFEFF?%(YAML|TAG)\b/m.exec(text);
  if (directive !== null || doc.directives?.yaml.explicit === true) {
    const line = directive === null ? 1 : text.slice(0, directive.index).split('\n').length;
    throw new DeploymentError(
      `${file}:${line}:1: a YAML directive (%YAML, %TAG) is not read: a deployment file is plain YAML 1.2 or JSON`,
    );
  }
  checkKeys(file, doc, lines);
  return { doc, lines };
}

/**
 * Every key is a plain scalar (not a list or a mapping), and a dialed number under `dnis` is
 * written in quotes: unquoted, YAML reads 08001234 as the number 8001234.
 */
function checkKeys(file: string, doc: Document, lines: LineCounter): void {
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    if (offset === undefined) return file;
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const visit = (node: unknown, path: readonly (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key))
          throw new DeploymentError(
            `${at(key)}: a key of '${fieldName(path) || 'the file'}' is a list or a mapping; keys are names`,
          );
        const inDnis = path.length === 3 && path[0] === 'tenants' && path[2] === 'dnis';
        if (inDnis && typeof key.value !== 'string')
          throw new DeploymentError(
            `${at(key)}: the dialed number ${String(key.value)} of '${fieldName(path)}' must be written in quotes ("${String(key.source ?? key.value)}"): unquoted, YAML reads it as a number`,
          );
        visit(pair.value, [...path, String(key.value)]);
      }
    } else if (isSeq(node))
      node.items.forEach((item, i) => {
        visit(item, [...path, i]);
      });
  };
  try {
    visit(doc.contents, []);
  } catch (error) {
    throw nestingOr(file, error);
  }
}

function nestingOr(file: string, error: unknown): unknown {
  if (error instanceof RangeError)
    return new DeploymentError(
      `${file}: the file nests too deeply to read; a deployment file is at most a few levels deep`,
    );
  return error;
}

/** Reads and parses a deployment file; the value is not yet validated. */
export function readDeployment(file: string): DeploymentSource {
  const text = readText(file);
  const { doc, lines } = parse(file, text);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof RangeError) throw nestingOr(file, error);
    const message = firstLine((error as Error).message);
    throw new DeploymentError(
      /alias count/i.test(message)
        ? `${file}: ${message}; a deployment file may use a few aliases (*name), not chains of them`
        : `${file}: not valid YAML or JSON: ${message}`,
    );
  }
  const where = (path: FieldPath, key = false): string => {
    const node = locate(doc, path, key);
    const offset = node?.range?.[0];
    if (offset === undefined) return file;
    const { line, col } = lines.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  return { file, value, where };
}

/** The node at a path (the key's node when `key`), or the nearest ancestor that exists. */
function locate(doc: Document, path: FieldPath, key: boolean): Node | undefined {
  let node: unknown = doc.contents;
  for (const [i, step] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (p.key as { value?: unknown } | null)?.value === step || String(p.key) === step,
      );
      if (pair === undefined) return node as Node;
      if (last && key) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return node as Node;
      node = item;
    } else return node as Node;
  }
  return (node ?? undefined) as Node | undefined;
}

type SchemaNode = {
  readonly type?: string | readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly description?: string;
  readonly properties?: Record<string, unknown>;
  readonly enum?: readonly unknown[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly pattern?: string;
  readonly maxLength?: number;
};

let validator: ReturnType<Ajv['compile']> | undefined;

function compiled(): ReturnType<Ajv['compile']> {
  if (validator === undefined) {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    validator = new Ajv({ allErrors: false, strict: true, verbose: true }).compile(schema);
  }
  return validator;
}

const pathOf = (pointer: string): FieldPath =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((p) => (/^(0|[1-9][0-9]*)$/.test(p) ? Number(p) : p));

const got = (v: unknown) => {
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
};

/** What a schema node allows, in words. */
function allowed(s: SchemaNode): string {
  if (s.enum !== undefined) return `one of ${s.enum.join(', ')}`;
  const types = typeof s.type === 'string' ? [s.type] : (s.type ?? []);
  if (types.includes('integer'))
    return s.minimum !== undefined && s.maximum !== undefined
      ? `an integer from ${s.minimum} to ${s.maximum}`
      : 'an integer';
  if (types.includes('boolean')) return 'true or false';
  if (types.includes('array')) {
    const size =
      s.minItems === s.maxItems
        ? ` of ${s.minItems}`
        : ` of ${s.minItems ?? 0} to ${s.maxItems ?? 'any number of'}`;
    return `a list${size} items`;
  }
  if (types.includes('object')) {
    const keys = Object.keys(s.properties ?? {});
    return keys.length > 0 ? `a mapping with fields ${keys.join(', ')}` : 'a mapping';
  }
  if (types.includes('string')) {
    const name = s.pattern === '^[A-Za-z][A-Za-z0-9_-]*$';
    const text = name
      ? "a name (a letter, then letters, digits, '-' or '_'"
      : s.description !== undefined
        ? `a string (${s.description.charAt(0).toLowerCase()}${s.description.slice(1).replace(/\.$/, '')}`
        : 'a string (';
    const len = s.maxLength === undefined ? '' : `, at most ${s.maxLength} characters`;
    const shown = `${text}${len})`.replace(' ()', '').replace('()', '');
    return `${shown}${types.includes('null') ? ' or null' : ''}`;
  }
  return 'what the schema allows';
}

/** One line for ajv's first error. */
function describe(source: DeploymentSource, error: ErrorObject): string {
  const path = pathOf(error.instancePath);
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const value = path.reduce<unknown>(
    (v, p) => (v as Record<string | number, unknown> | undefined)?.[p],
    source.value,
  );
  const field = path.length === 0 ? 'the file' : `field '${fieldName(path)}'`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {});
      return `${source.where([...path, extra], true)}: unknown field '${fieldName([...path, extra])}'; ${path.length === 0 ? 'the file' : `'${fieldName(path)}'`} has only ${known.join(', ')}`;
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `${source.where(path)}: ${field} lacks the field '${missing}'`;
    }
    case 'uniqueItems': {
      // ajv's i is the later of the two equal items.
      const { i } = error.params as { i: number; j: number };
      return `${source.where([...path, i])}: ${field} lists ${got((value as unknown[])[i])} twice`;
    }
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const limit = (error.params as { limit: number }).limit;
      const what = error.keyword.endsWith('Items') ? 'items' : 'entries';
      return `${source.where(path)}: ${field} must have ${error.keyword.startsWith('min') ? 'at least' : 'at most'} ${limit} ${what}`;
    }
    case 'propertyNames': {
      return `${source.where(path)}: ${field} has a key that is not allowed: ${(error.params as { propertyName: string }).propertyName}`;
    }
    default:
      return `${source.where(path)}: ${field} must be ${allowed(schema)}, got ${got(value)}`;
  }
}

/** Validates the parsed file against the published schema: the first problem, or nothing. */
export function validateShape(source: DeploymentSource): void {
  const validate = compiled();
  if (validate(source.value)) return;
  const errors = validate.errors ?? [];
  // A propertyNames error comes with the inner error that names the key; report the key.
  const first = errors.find((e) => e.keyword === 'propertyNames') ?? errors[0];
  if (first === undefined) throw new DeploymentError(`${source.file}: not a deployment file`);
  if (first.keyword === 'propertyNames') {
    const key = (first.params as { propertyName: string }).propertyName;
    const path = pathOf(first.instancePath);
    const inner = errors.find((e) => e !== first && e.propertyName === key);
    const rule = (inner?.parentSchema ?? {}) as SchemaNode;
    throw new DeploymentError(
      `${source.where([...path, key], true)}: key ${got(key)} of '${fieldName(path)}' must be ${rule.pattern === '^[0-9]{1,15}$' ? 'a dialed number (1 to 15 digits)' : allowed({ ...rule, type: 'string' })}`,
    );
  }
  throw new DeploymentError(describe(source, first));
}
