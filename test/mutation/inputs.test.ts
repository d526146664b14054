/** The judges' hash: a score is stale once a property of its model or the check changes. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCurrent, judgesHash, recordJudges } from '../../mutation/inputs.ts';

describe('mutation judges', () => {
  it("should mark a target's results stale when its properties change, and only its own", () => {
    const root = mkdtempSync(join(tmpdir(), 'judges-'));
    for (const path of [
      'properties',
      'test/mutation/checks.ts',
      'test/mutation/kill.ts',
      'mutation/targets.ts',
    ])
      cpSync(path, join(root, path), { recursive: true });
    mkdirSync(join(root, 'mutation/results'), { recursive: true });
    recordJudges('sip-ha', root);
    recordJudges('bc', root);
    expect(isCurrent('sip-ha', root)).toBe(true);
    const bcHash = judgesHash('bc', root);
    writeFileSync(join(root, 'properties/sip-ha/witnesses.ts'), '// changed\n', { flag: 'a' });
    expect(isCurrent('sip-ha', root)).toBe(false);
    expect(judgesHash('bc', root)).toBe(bcHash);
    expect(isCurrent('bc', root)).toBe(true);
  });
});
