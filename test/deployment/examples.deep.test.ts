/**
 * The example deployments as the README runs them, on the built CLI: two-sites keeps every
 * promise; short-dr breaks BC-HA-2 with a counterexample in the deployment's own names, saved
 * as a trace that replays on the real model.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrace } from '../../traces/format.ts';
import { cli, ROOT } from '../cli/built.ts';

interface Results {
  readonly deployment: {
    readonly file: string;
    readonly names: Record<string, Record<string, string>>;
  };
  readonly summary: { readonly failing: number; readonly verdicts: number };
  readonly results: readonly { readonly model: string; readonly config: string }[];
}

describe('the example deployments', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-examples-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two-sites keeps every promise on all four models', () => {
    const out = join(dir, 'two-sites.json');
    const run = cli(
      'check',
      '--deployment',
      'examples/two-sites.yaml',
      '--reporter',
      'json',
      '--output-file',
      out,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('deployment two-sites (examples/two-sites.yaml)');
    expect(run.stdout).toContain('workspace.disaster-recovery.timeout: 60 s');
    expect(run.stdout).toMatch(/^ {2}BC-HA-2 +HOLDS/m);
    const results = JSON.parse(readFileSync(out, 'utf8')) as Results;
    expect(results.results.map((r) => r.model)).toEqual(['sip-ha', 'recording', 'bc', 'backend']);
    expect(results.results.every((r) => r.config === 'two-sites')).toBe(true);
    expect(results.deployment.file).toBe('examples/two-sites.yaml');
    expect(results.deployment.names.bc).toMatchObject({ a1: 'alice', A: 'east' });
    expect(results.deployment.names.recording).toMatchObject({
      mcp3: 'mcp-east-3',
      rm1: 'rm-east-1',
    });
    expect(results.summary.verdicts).toBeGreaterThan(100);
    expect(results.summary.failing).toBe(0);
    // The deployment's agents name the per-agent liveness properties in the report.
    expect(run.stdout).toContain('bc.dr-switchover-within-bound.alice');
  });

  it('short-dr breaks BC-HA-2, in its own names, with a trace that replays', () => {
    const run = cli('check', '--deployment', 'examples/short-dr.yaml');
    expect(run.status, run.stderr).toBe(10);
    expect(run.stdout).toMatch(/^ {2}BC-HA-2 +VIOLATED +bc\.ha-failover-transparent on bc/m);
    expect(run.stdout).toMatch(/desktop of (alice|bob) moved from site east to west/);
    const file = '.ha-verify/counterexamples/bc.baseline.two-sites-short-dr.explorer.trace.json';
    expect(run.stdout).toContain(`saved to ${file}`);
    const trace = parseTrace(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(trace.names).toMatchObject({ a1: 'alice', a2: 'bob', A: 'east', B: 'west' });
    expect(trace.story.join('\n')).toMatch(/east:(csp|sip|stat)/);
    expect(trace.story.join('\n')).not.toMatch(/\ba[12]\b|site [AB]\b/);
    const replayed = cli('replay', file);
    expect(replayed.status, replayed.stderr).toBe(0);
    expect(replayed.stdout).toContain('bc.ha-failover-transparent broken — as expected');
    expect(replayed.stdout).toMatch(/desktops\.(alice|bob)\.site: east → west/);
  });
});
