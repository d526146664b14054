/**
 * Output for CI (cli/reporters.ts): the JUnit XML of the main job's command read back by a JUnit
 * parser (junit2json), the JSON document, a counterexample's replay command carried by its
 * failure, and the exit codes by verdict class.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type TestCase, type TestSuites } from 'junit2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf, junitReport } from '../../cli/reporters.ts';
import { modelOf } from '../../cli/resolve.ts';
import { type CheckOutcome, checkOne } from '../../cli/run.ts';
import { checkedConfigs } from '../../properties/engine/property.ts';
import { findSuite, suites } from '../../properties/registry.ts';
import { cli, withoutProgress } from './built.ts';

async function junit(text: string): Promise<TestSuites> {
  const parsed = (await parse(text)) as TestSuites | undefined;
  expect(parsed).toBeDefined();
  return parsed!;
}

const cases = (s: TestSuites): TestCase[] => (s.testsuite ?? []).flatMap((t) => t.testcase ?? []);

/** One check of a config through the CLI's own path, explorer and random engine, small budgets. */
function outcomeOf(modelId: string, variant: string, configName: string): Promise<CheckOutcome> {
  const suite = findSuite(modelId)!;
  const model = modelOf(suite, variant);
  const config = model.validate(model.configs[configName]);
  return checkOne(suite, model, variant, configName, config, {
    maxStates: 20_000,
    runs: 0,
    seed: 1,
    engines: 'explorer',
    workers: 1,
  });
}

describe('cli: reporters', { timeout: 600_000 }, () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ha-verify-reporters-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("should write the main job's verdicts as JUnit XML that a JUnit parser reads back: a suite per model and config, a case per property", async () => {
    // The main job's command (check of every model), with small budgets: the document alone on
    // stdout (a stray line before the XML declaration would not parse).
    const run = cli(
      'check',
      '--max-states',
      '3000',
      '--runs',
      '20',
      '--workers',
      '1',
      '--reporter',
      'junit',
    );
    expect(withoutProgress(run.stderr)).toBe('');
    expect(run.stdout.startsWith('<?xml')).toBe(true);
    const doc = await junit(run.stdout);
    const expected = suites.flatMap((suite) =>
      checkedConfigs(suite).map((c) => ({
        name: `${suite.model.id}/${c}`,
        cases: suite.properties(suite.model.validate(suite.model.configs[c])).map((p) => p.id),
      })),
    );
    expect(doc.testsuite!.map((t) => t.name)).toEqual(expected.map((e) => e.name));
    for (const [i, t] of doc.testsuite!.entries()) {
      expect(t.testcase!.map((c) => c.name)).toEqual(expected[i]!.cases);
      expect(t.tests).toBe(t.testcase!.length);
      expect(t.failures).toBe(t.testcase!.filter((c) => c.failure !== undefined).length);
      expect(t.skipped).toBe(t.testcase!.filter((c) => c.skipped !== undefined).length);
    }
    const all = cases(doc);
    expect(doc.tests).toBe(all.length);
    // Nothing is violated in the real models; with budgets this small some witness may go unseen,
    // and the exit code then says "vacuous", never "pass".
    expect(all.some((c) => c.failure?.some((f) => f.type === 'violated'))).toBe(false);
    const vacuous = all.some((c) => c.failure !== undefined);
    expect(run.status).toBe(vacuous ? EXIT.vacuous : EXIT.pass);
    // Every verdict of the text report is in the XML: the bounded ones with their bound.
    const bounded = all.filter((c) => c['system-out']?.[0]?.includes('HOLDS TO DEPTH'));
    expect(bounded.length).toBeGreaterThan(0);
    // Guarded properties are skipped, not passed: they are not evidence.
    expect(all.filter((c) => c.skipped !== undefined).map((c) => c.name)).toEqual(
      suites.flatMap((suite) =>
        checkedConfigs(suite).flatMap((c) =>
          suite
            .properties(suite.model.validate(suite.model.configs[c]))
            .filter((p) => p.guarded !== undefined)
            .map((p) => p.id),
        ),
      ),
    );
  });

  it("should carry a counterexample's message and replay command in its failure, in JUnit and in JSON", async () => {
    const args = ['explore', 'recording', '--config', 'small', '--variant', 'no-rerecord'];
    const xmlRun = cli(...args, '--reporter', 'junit');
    // A broken variant is meant to be caught: reported, not failed.
    expect(xmlRun.status).toBe(EXIT.pass);
    const xmlDoc = await junit(xmlRun.stdout);
    // What a broken variant shows is no failure of the run; whether it was caught is one case.
    expect(xmlDoc.failures).toBe(0);
    const verdict = xmlDoc.testsuite!.at(-1)!;
    expect(verdict.name).toBe('variant');
    expect(verdict.testcase!.map((c) => [c.name, c.failure])).toEqual([
      ['no-rerecord is caught', undefined],
    ]);
    const shown = cases(xmlDoc).find((c) => c.name === 'recording.rerecorded-within-bound')!;
    const out = shown['system-out']![0]!;
    expect(out).toContain('VIOLATED');
    const replay = /replay: npm run ha-verify -- replay (\S+)/.exec(out);
    expect(replay).not.toBeNull();
    expect(cli('replay', replay![1]!).status).toBe(0);

    const jsonRun = cli(...args, '--reporter', 'json');
    const doc = JSON.parse(jsonRun.stdout);
    expect(doc.format).toBe('ha-verify-results/1');
    const v = doc.results[0].verdicts.find(
      (x: { property: string }) => x.property === 'recording.rerecorded-within-bound',
    );
    expect(v).toMatchObject({ verdict: 'violated', failing: true, kind: 'eventually' });
    expect(v.replay).toBe(replay![0]!.replace('replay: ', ''));
    expect(out).toContain(v.message);
    expect(doc.summary.caught).toBe(true);
  });

  it('should exit by the worst verdict class: safety, then liveness, then vacuity, then pins', async () => {
    const safety = await outcomeOf('sip-ha', 'promote-without-replica', 'small');
    const liveness = await outcomeOf('recording', 'no-rerecord', 'small');
    const baseline = await outcomeOf('recording', 'baseline', 'single-mcp');
    expect(safety.verdicts.find((v) => v.verdict === 'violated')?.property.kind).not.toBe(
      'eventually',
    );
    expect(exitCodeOf([safety], 0)).toBe(EXIT.safety);
    expect(exitCodeOf([liveness], 0)).toBe(EXIT.liveness);
    expect(exitCodeOf([liveness, safety], 0)).toBe(EXIT.safety);
    // The same outcome without its violation: the witnesses it never reached are left.
    const vacuous = {
      ...liveness,
      verdicts: liveness.verdicts.filter((v) => v.verdict !== 'violated'),
    };
    expect(vacuous.verdicts.some((v) => v.verdict === 'not reached')).toBe(true);
    expect(exitCodeOf([vacuous], 0)).toBe(EXIT.vacuous);
    expect(exitCodeOf([baseline], 0)).toBe(EXIT.pass);
    expect(exitCodeOf([baseline], 1)).toBe(EXIT.offPin);
    expect(exitCodeOf([vacuous], 1)).toBe(EXIT.vacuous);
  });

  it('should escape what XML cannot carry as text', async () => {
    const o = await outcomeOf('recording', 'no-rerecord', 'small');
    const tricky = 'a <b> & "c" \u0001 end';
    // The variant's outcome, as if the real model's, with a message XML must escape.
    const changed = {
      ...o,
      variant: 'baseline',
      saved: o.saved.map((s) => ({ ...s, found: { ...s.found, message: tricky } })),
    };
    const info = {
      command: 'explore',
      variant: 'baseline',
      caught: true,
      engines: 'explorer',
      seed: 1,
      runs: 0,
      maxStates: 20_000,
      offPins: ['recording/small: <pin> & "more"\n\ton two lines 😀'],
      exitCode: EXIT.liveness,
    } as const;
    const doc = await junit(junitReport([changed], info));
    const failure = cases(doc).find((c) => c.name === 'recording.rerecorded-within-bound')!
      .failure![0]!;
    expect(failure.message).toBe('VIOLATED: a <b> & "c"  end');
    expect(failure.inner!.split('\n')[0]).toBe('a <b> & "c"  end');
    expect(doc.testsuite!.at(-1)!.name).toBe('pins');
    expect(doc.testsuite!.at(-1)!.testcase![0]!.failure![0]!.message).toBe(info.offPins[0]);
  });

  it('should leave an earlier report as it was when the input is bad', () => {
    const file = join(dir, 'earlier.xml');
    writeFileSync(file, '<earlier/>');
    for (const bad of [
      ['check', 'recording', '--config', 'nosuch'],
      ['check', 'recording', '--max-states', 'abc'],
    ]) {
      expect(cli(...bad, '--reporter', 'junit', '--output-file', file).status).toBe(2);
      expect(readFileSync(file, 'utf8')).toBe('<earlier/>');
    }
  });

  it('should reject a bad --reporter, --output-file alone, a reporter on a shard and an unwritable file', () => {
    const line = (r: ReturnType<typeof cli>) => {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((x) => x !== '');
      expect(lines).toHaveLength(1);
      return lines[0]!;
    };
    expect(line(cli('check', 'sip-ha', '--reporter', 'xml'))).toBe(
      "ha-verify: --reporter must be text, json, junit, got 'xml'",
    );
    expect(line(cli('check', 'sip-ha', '--output-file', join(dir, 'x')))).toBe(
      'ha-verify: --output-file goes with --reporter json or junit',
    );
    expect(
      line(
        cli(
          ...['explore', 'hotstandby', '--config', 'c3', '--shard', '1/2', '--out', join(dir, 's')],
          ...['--reporter', 'json'],
        ),
      ),
    ).toContain('a shard writes its result with --out');
    // Refused before the search: a file cannot be a folder.
    const plain = join(dir, 'plain');
    writeFileSync(plain, '');
    expect(
      line(
        cli(
          ...['check', 'recording', '--config', 'single-mcp'],
          ...['--reporter', 'json', '--output-file', join(plain, 'r.json')],
        ),
      ),
    ).toBe(`ha-verify: cannot write the json report to '${join(plain, 'r.json')}'`);
  });
});
