import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Run {
  const env = { ...process.env };
  delete env.FC_RUNS;
  delete env.FC_SEED;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts the one-line, exit-2 error contract and returns that line. */
function oneLineError(run: Run): string {
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines.some((line) => line.includes('    at '))).toBe(false);
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  expect(line.startsWith('ha-verify: ')).toBe(true);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  return line;
}

const validTrace = {
  format: 'ha-verify-trace/1',
  model: 'sip-ha',
  variant: 'baseline',
  title: 't',
  story: [],
  config: {},
  events: [],
  expect: { violates: null },
};

describe('cli: error handling', { timeout: 600_000 }, () => {
  let dir = '';
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const trace = (name: string, patch: Record<string, unknown>): string =>
    file(name, JSON.stringify({ ...validTrace, ...patch }));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('should list the models and exit 0', () => {
    const run = cli('list');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('sip-ha');
    expect(run.stderr).toBe('');
  });

  it('should reject an unknown command', () => {
    expect(oneLineError(cli('frobnicate'))).toContain("unknown command 'frobnicate'");
  });

  it('should reject an unknown model', () => {
    const line = oneLineError(cli('check', 'nosuchmodel'));
    expect(line).toContain("unknown model 'nosuchmodel'");
    expect(line).toContain('sip-ha');
  });

  it('should reject an unknown config', () => {
    expect(oneLineError(cli('check', 'sip-ha', '--config', 'nosuch'))).toContain(
      "unknown config 'nosuch'",
    );
  });

  it('should reject an unknown variant', () => {
    expect(oneLineError(cli('check', 'sip-ha', '--variant', 'nosuch'))).toContain(
      "unknown variant 'nosuch'",
    );
  });

  it('should reject a non-integer --runs', () => {
    expect(oneLineError(cli('check', 'sip-ha', '--runs', 'abc'))).toContain('--runs');
  });

  it('should reject an unknown option', () => {
    expect(oneLineError(cli('check', 'sip-ha', '--bogus', '1'))).toContain(
      'unknown option --bogus',
    );
  });

  it('should reject explore without a model', () => {
    expect(oneLineError(cli('explore'))).toContain('explore needs a model');
  });

  it('should reject replay of a missing file', () => {
    const missing = join(dir, 'missing.json');
    const line = oneLineError(cli('replay', missing));
    expect(line).toContain('cannot read trace file');
    expect(line).toContain(missing);
  });

  it('should reject replay of malformed JSON', () => {
    expect(oneLineError(cli('replay', file('bad.json', '{"format": ')))).toContain(
      'not valid JSON',
    );
  });

  it('should reject replay of an unsupported trace format', () => {
    expect(
      oneLineError(cli('replay', trace('v9.json', { format: 'ha-verify-trace/9' }))),
    ).toContain('unsupported trace format');
  });

  it('should reject replay of a trace for an unknown model', () => {
    expect(oneLineError(cli('replay', trace('model.json', { model: 'nosuch' })))).toContain(
      "unknown model 'nosuch'",
    );
  });

  it('should report trace drift when an event is not enabled', () => {
    const path = trace('drift.json', {
      events: [{ type: 'switchoverPerformed', node: 'sip2' }],
    });
    expect(oneLineError(cli('replay', path))).toContain('trace drift at step 1');
  });

  it('should name an unknown config field of a trace', () => {
    const path = trace('config.json', { config: { bogusField: 1 } });
    expect(oneLineError(cli('replay', path))).toContain("'bogusField'");
  });
});
