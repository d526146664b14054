/**
 * Where a property is written: the file and line of its id in properties/, and the text of the
 * declaration around it (from the `export const` or `function` that holds it to its closing
 * brace), so the review can show a property's code beside its verdicts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../root.ts';

export interface Source {
  /** Path from the project root, e.g. properties/sip-ha/safety.ts. */
  readonly file: string;
  /** 1-based line of the id. */
  readonly line: number;
  /** 1-based line where the declaration starts. */
  readonly start: number;
  readonly code: string;
}

const ROOT = projectRoot(import.meta.url);

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'variants' ? [] : tsFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

/**
 * The sources of the given property ids. A literal id is found first; an id made from a template
 * (`bc.dr-switchover-within-bound.${agent}`) matches the template with the longest fixed prefix;
 * an embedded model's property judged on a sub-state (`recording.sip-ha.single-primary`) is shown
 * with its own model's source.
 */
export function propertySources(ids: readonly string[]): ReadonlyMap<string, Source> {
  const files = tsFiles(join(ROOT, 'properties')).map((path) => ({
    file: relative(ROOT, path),
    lines: readFileSync(path, 'utf8').split('\n'),
  }));
  const found = new Map<string, Source>();
  for (const id of ids) {
    const source = literal(files, id) ?? template(files, id) ?? embedded(files, id);
    if (source !== undefined) found.set(id, source);
  }
  return found;
}

type Files = readonly { readonly file: string; readonly lines: readonly string[] }[];

/** `id: '<id>'`, else the id as a string literal elsewhere (an option, e.g. noIdleSteps' id). */
function literal(files: Files, id: string): Source | undefined {
  for (const needle of [`id: '${id}'`, `'${id}'`])
    for (const { file, lines } of files) {
      const at = lines.findIndex((l) => l.includes(needle));
      if (at >= 0) return declarationAt(file, lines, at);
    }
  return undefined;
}

function template(files: Files, id: string): Source | undefined {
  let best: { file: string; lines: readonly string[]; at: number; prefix: number } | undefined;
  for (const { file, lines } of files)
    lines.forEach((l, at) => {
      const m = /id: `([^`$]+)\$\{/.exec(l);
      if (m !== null && id.startsWith(m[1]!) && m[1]!.length > (best?.prefix ?? 0))
        best = { file, lines, at, prefix: m[1]!.length };
    });
  return best === undefined ? undefined : declarationAt(best.file, best.lines, best.at);
}

/** `<owner>.<model>.<name>`: the embedded model's `<model>.<name>`. */
function embedded(files: Files, id: string): Source | undefined {
  const inner = id.slice(id.indexOf('.') + 1);
  return inner.includes('.') ? (literal(files, inner) ?? template(files, inner)) : undefined;
}

const DECLARATION = /^(export )?(const|function) /;

/** The declaration around line `at` (0-based): from its doc comment to its closing brace. */
function declarationAt(file: string, lines: readonly string[], at: number): Source {
  let start = at;
  while (start > 0 && !DECLARATION.test(lines[start]!)) start--;
  let end = at;
  while (end < lines.length - 1 && !/^}/.test(lines[end]!)) end++;
  let top = start;
  while (top > 0 && /^( \*|\/\*\*| \*\/)/.test(lines[top - 1]!)) top--;
  return { file, line: at + 1, start: top + 1, code: lines.slice(top, end + 1).join('\n') };
}
