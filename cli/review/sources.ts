/**
 * Where a property is written: the file and line of its id in properties/, and the text of the
 * declaration around it (from the `export const` or `function` that holds it to its closing
 * brace), so the review can show a property's code beside its verdicts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Source {
  /** Path from the project root, e.g. properties/sip-ha/safety.ts. */
  readonly file: string;
  /** 1-based line of the id. */
  readonly line: number;
  /** 1-based line where the declaration starts. */
  readonly start: number;
  readonly code: string;
}

const ROOT = new URL('../../', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'variants' ? [] : tsFiles(path);
      return name.endsWith('.ts') ? [path] : [];
    });
}

const DECLARATION = /^(export )?(const|function) /;

/** The sources of the given property ids; an id made from a template matches its fixed prefix. */
export function propertySources(ids: readonly string[]): ReadonlyMap<string, Source> {
  const files = tsFiles(join(ROOT, 'properties')).map((path) => ({
    file: relative(ROOT, path),
    lines: readFileSync(path, 'utf8').split('\n'),
  }));
  const found = new Map<string, Source>();
  for (const id of ids) {
    for (const { file, lines } of files) {
      const at = lines.findIndex(
        (l) => l.includes(`id: '${id}'`) || templateMatches(l, id) || l.includes(`'${id}',`),
      );
      if (at < 0) continue;
      let start = at;
      while (start > 0 && !DECLARATION.test(lines[start]!)) start--;
      let end = at;
      while (end < lines.length - 1 && !/^}/.test(lines[end]!)) end++;
      // The doc comment above the declaration belongs to it.
      let top = start;
      while (top > 0 && /^( \*|\/\*\*| \*\/)/.test(lines[top - 1]!)) top--;
      found.set(id, {
        file,
        line: at + 1,
        start: top + 1,
        code: lines.slice(top, end + 1).join('\n'),
      });
      break;
    }
  }
  return found;
}

/** A template id such as `bc.dr-switchover-within-bound.${agent}` against a concrete id. */
function templateMatches(line: string, id: string): boolean {
  const m = /id: `([^`$]+)\$\{/.exec(line);
  return m !== null && id.startsWith(m[1]!);
}
