/** What changed between two states, as dotted leaf paths: 'servers.sip2.role: backup → primary'. */
export function stateChanges(before: unknown, after: unknown): string[] {
  const changes: string[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, out: string[]): void {
  if (before === after) return;
  const bothObjects =
    isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) {
    out.push(`${path}: ${show(before)} → ${show(after)}`);
    return;
  }
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    walk(before[key], after[key], path === '' ? key : `${path}.${key}`, out);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function show(value: unknown): string {
  if (value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
