/** The judges' hash: a score is stale once a property of its model or the check changes. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCurrent, judgesHash, recordJudges } from '../../mutation/inputs.ts';

/** A copy of the judges in a fresh directory. */
function judgesCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'judges-'));
  for (const path of [
    'properties',
    'test/mutation/checks.ts',
    'test/mutation/kill.ts',
    'mutation/targets.ts',
  ])
    cpSync(path, join(root, path), { recursive: true });
  mkdirSync(join(root, 'mutation/results'), { recursive: true });
  return root;
}

describe('mutation judges', () => {
  it("should mark a target's results stale when its properties change, and only its own", () => {
    const root = judgesCopy();
    recordJudges('sip-ha', root);
    recordJudges('bc', root);
    expect(isCurrent('sip-ha', root)).toBe(true);
    const bcHash = judgesHash('bc', root);
    writeFileSync(join(root, 'properties/sip-ha/witnesses.ts'), '// changed\n', { flag: 'a' });
    expect(isCurrent('sip-ha', root)).toBe(false);
    expect(judgesHash('bc', root)).toBe(bcHash);
    expect(isCurrent('bc', root)).toBe(true);
  });

  it('should follow the imports of a suite: a shared property file judges every model that uses it', () => {
    const root = judgesCopy();
    for (const t of ['sip-ha', 'bc', 'recording', 'backend'] as const) recordJudges(t, root);
    writeFileSync(join(root, 'properties/recording/budget.ts'), '// changed\n', { flag: 'a' });
    // The back end's properties reuse the recording solution's budgets.
    expect([isCurrent('recording', root), isCurrent('backend', root)]).toEqual([false, false]);
    expect([isCurrent('sip-ha', root), isCurrent('bc', root)]).toEqual([true, true]);
    writeFileSync(join(root, 'properties/fault-budget.ts'), '// changed\n', { flag: 'a' });
    expect([isCurrent('sip-ha', root), isCurrent('bc', root)]).toEqual([false, false]);
  });

  it("should give the same hash however the root is spelled: '.', absolute, or with a slash", () => {
    const here = judgesHash('bc');
    expect(judgesHash('bc', process.cwd())).toBe(here);
    expect(judgesHash('bc', `${process.cwd()}/`)).toBe(here);
    expect(judgesHash('bc', './')).toBe(here);
    const root = judgesCopy();
    expect(judgesHash('bc', `${root}/`)).toBe(judgesHash('bc', root));
  });
});
