import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, type Run, withoutProgress } from './built.ts';

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

  it("should run the built CLI from the package's bin, as installed", () => {
    const bin = spawnSync(process.execPath, ['cli/bin.js', 'list'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bin.status).toBe(0);
    expect(bin.stdout).toBe(cli('list').stdout);
  });

  describe('help', () => {
    const commands = ['list', 'check', 'explore', 'merge', 'replay', 'review', 'bench'];

    it.each(commands)('should print the usage of %s with --help, and exit 0', (command) => {
      const run = cli(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.startsWith(`usage: ha-verify ${command}`)).toBe(true);
      expect(cli('help', command).stdout).toBe(run.stdout);
    });

    it.each(['check', 'explore', 'replay', 'review'])(
      'should name in the help of %s every option it takes',
      (command) => {
        // The parser's own list of the options, from its error for an unknown one.
        const taken = oneLineError(cli(command, '--no-such-option')).split('takes ')[1]!;
        const help = cli(command, '--help').stdout;
        // Each on a line of its own: '--depth' is not found in '--split-depth'.
        for (const option of taken.split(', '))
          expect(help).toMatch(new RegExp(`^\\s+${option}(?![\\w-])`, 'm'));
      },
    );

    it("should take --help as help only before '--', and as a topic after help", () => {
      expect(oneLineError(cli('replay', '--', '--help'))).toBe(
        "ha-verify: cannot read trace file '--help'",
      );
      expect(cli('--help', 'check').stdout).toBe(cli('check', '--help').stdout);
      expect(cli('help', '--help').stdout).toBe(cli('--help').stdout);
    });

    it('should list every command in the general usage', () => {
      const usage = cli('--help').stdout;
      for (const command of commands) expect(usage).toContain(`  ${command}`);
      expect(cli().stdout).toBe(usage);
    });
  });

  it('should reject a missing value, a value given to a switch and an argument to list', () => {
    expect(oneLineError(cli('check', '--config'))).toBe('ha-verify: option --config needs a value');
    expect(oneLineError(cli('check', '--stats=yes'))).toBe(
      'ha-verify: option --stats takes no value',
    );
    expect(oneLineError(cli('list', 'extra'))).toBe(
      'ha-verify: list takes no arguments, got: extra',
    );
    expect(oneLineError(cli('help', 'frobnicate'))).toContain("unknown command 'frobnicate'");
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

  it("should cap --workers at the machine's cores, with one line that says so", () => {
    const cores = availableParallelism();
    const run = cli('explore', 'hotstandby', '--depth', '3', '--workers', String(cores + 62));
    expect(run.status).toBe(0);
    expect(run.stderr.trim()).toBe(
      `ha-verify: --workers ${cores + 62} is more than this machine's ${cores} cores: using ${cores}`,
    );
    expect(run.stdout).toContain(cores === 1 ? '1 thread' : `${cores} workers`);
  });

  describe('a memory budget (--max-memory)', () => {
    it.each(['lots', '4T', '0', '10M', '-4G', '1.5G'])('should reject --max-memory %s', (text) => {
      expect(oneLineError(cli('explore', 'hotstandby', `--max-memory=${text}`))).toContain(
        '--max-memory must be a size of at least 64M',
      );
    });

    it("should say how to give a value that starts with '-'", () => {
      expect(oneLineError(cli('explore', 'hotstandby', '--max-memory', '-4G'))).toBe(
        "ha-verify: option --max-memory needs a value (one that starts with '-' goes as --max-memory=-…)",
      );
    });

    it('should refuse a budget that the fingerprint set alone would fill', () => {
      expect(
        oneLineError(
          cli('explore', 'hotstandby', '--max-memory', '256M', '--max-states', '50000000'),
        ),
      ).toContain('lower --max-states or raise --max-memory');
    });

    it('should stop at the budget and bound its verdicts', () => {
      // 64M (the least allowed) is below what the process itself takes: it stops at its first look.
      const run = cli(
        'explore',
        'hotstandby',
        '--workers',
        '1',
        '--max-states',
        '100000',
        '--max-memory',
        '64M',
      );
      expect(withoutProgress(run.stderr)).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('stopped by the memory limit (--max-memory)');
      expect(run.stdout).toMatch(/HOLDS TO DEPTH \d+/);
      expect(run.stdout).not.toMatch(/ HOLDS\n/);
    });
  });

  describe('a split search (explore --shard, merge)', () => {
    const shard = (i: number, n: number, ...more: string[]): [Run, string] => {
      const out = join(dir, `shard-${i}-of-${n}${more.length > 0 ? '-x' : ''}.json`);
      const run = cli(
        'explore',
        'recording',
        '--config',
        'single-mcp',
        '--workers',
        '1',
        '--shard',
        `${i}/${n}`,
        '--out',
        out,
        ...more,
      );
      return [run, out];
    };

    it.each([
      ['0/2', '--shard must be i/n'],
      ['3/2', '--shard must be i/n'],
      ['two', '--shard must be i/n'],
    ])('should reject --shard %s', (text, message) => {
      expect(
        oneLineError(cli('explore', 'recording', '--config', 'single-mcp', '--shard', text)),
      ).toContain(message);
    });

    it('should need --out and --config with --shard', () => {
      expect(
        oneLineError(cli('explore', 'recording', '--config', 'single-mcp', '--shard', '1/2')),
      ).toContain('--shard needs --out F');
      expect(
        oneLineError(cli('explore', 'recording', '--shard', '1/2', '--out', join(dir, 'x.json'))),
      ).toContain('--shard needs --config C');
    });

    it('should reject --split-depth and --out without --shard', () => {
      expect(oneLineError(cli('explore', 'recording', '--split-depth', '3'))).toContain(
        '--split-depth goes with --shard',
      );
      expect(oneLineError(cli('explore', 'recording', '--out', 'x.json'))).toContain(
        '--out goes with --shard',
      );
    });

    it('should merge its shards, and name a missing, doubled or foreign shard', () => {
      const [one, first] = shard(1, 2);
      expect(one.status).toBe(0);
      expect(one.stdout).toContain('shard 1/2');
      const [two, second] = shard(2, 2);
      expect(two.status).toBe(0);
      const merged = cli('merge', first, second);
      expect(merged.stderr).toBe('');
      expect(merged.status).toBe(0);
      expect(merged.stdout).toContain('2 shards merged');
      expect(oneLineError(cli('merge', first))).toContain('missing shard 2/2');
      expect(oneLineError(cli('merge', first, first))).toContain('shard 1/2 is given twice');
      const [, deeper] = shard(2, 2, '--split-depth', '3');
      expect(oneLineError(cli('merge', first, deeper))).toContain('split at different levels');
      const [, three] = shard(2, 3);
      expect(oneLineError(cli('merge', first, three))).toContain('of another search');
    });

    it("should print a shard's findings as its share's, and bound a merge by a shard cut short", () => {
      const [one, first] = shard(1, 2, '--split-depth', '5');
      expect(one.stdout).toContain(
        'findings in its share, not verdicts until every shard is merged',
      );
      expect(one.stdout).toContain('its share searched to the end');
      expect(one.stdout).not.toContain('HOLDS');
      // The second shard stops at depth 2, above the split level: the merge holds to depth 2.
      const [two, second] = shard(2, 2, '--split-depth', '5', '--depth', '2');
      expect(two.status).toBe(0);
      const merged = cli('merge', first, second);
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toContain('shard 2/2: did not split');
      expect(merged.stdout).toContain('HOLDS TO DEPTH 2');
      expect(merged.stdout).not.toMatch(/ HOLDS\n/);
    });

    it('should reject a merge of nothing, of a missing file and of a file that is not a result', () => {
      expect(oneLineError(cli('merge'))).toContain('merge needs the result file of every shard');
      expect(oneLineError(cli('merge', join(dir, 'nosuch.json')))).toContain(
        'cannot read shard result',
      );
      expect(oneLineError(cli('merge', file('text.json', 'not json')))).toContain('not JSON');
      expect(oneLineError(cli('merge', file('trace.json', JSON.stringify(validTrace))))).toContain(
        'not a shard result',
      );
      expect(
        oneLineError(
          cli(
            'merge',
            file(
              'bad-shard.json',
              JSON.stringify({
                format: 'ha-verify-shard/1',
                model: 'recording',
                variant: 'baseline',
                config: 'single-mcp',
                shard: { index: 3, count: 2 },
              }),
            ),
          ),
        ),
      ).toContain('field shard must be');
    });
  });
});
