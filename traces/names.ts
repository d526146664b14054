/**
 * A deployment's own names for the models' ids (agent a1, site A, sip1, rm1, mcp1), put into
 * text people read: a trace's title and story, a verdict's message, a replayed step. Events keep
 * the models' ids, so a trace replays on the model unchanged.
 */

/** The models' ids → the deployment's names. */
export type Names = Readonly<Record<string, string>>;

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every id of `names` in `text`, replaced at once (so a new name is not renamed again). An id is
 * matched as a whole token: not inside a longer word, a number or a hyphenated id. A site's
 * one-letter id (A, B) is not matched where it is the article: at the start of a sentence,
 * before a word.
 */
export function rename(text: string, names: Names): string {
  const ids = Object.keys(names).filter((id) => names[id] !== id);
  if (ids.length === 0) return text;
  ids.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_-])(${ids.map(literal).join('|')})(?![A-Za-z0-9_]|-[A-Za-z0-9])`,
    'g',
  );
  return text.replace(pattern, (id, _g, offset: number, whole: string) => {
    const article =
      id.length === 1 &&
      /(^|[.!?:]\s+|^\s*\d+\.\s+)$/.test(whole.slice(0, offset)) &&
      /^ [a-z]/.test(whole.slice(offset + 1));
    if (article) return id;
    return names[id] ?? id;
  });
}

/**
 * Checks a trace's `names` field: the models' ids (A, B, a1, sip1, mcp1, ...) to names as a
 * deployment file writes them (a letter, then letters, digits, '-' or '_').
 */
export function isNames(value: unknown): value is Names {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([id, name]) =>
        /^([AB]|[a-z]+[0-9]+)$/.test(id) &&
        typeof name === 'string' &&
        /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(name),
    )
  );
}
