/** The mutation score: what counts as a kill, what is counted apart, and which configs the check runs. */
import { describe, expect, it } from 'vitest';
import { collectMutation } from '../../cli/review/mutation.ts';
import { isCurrent } from '../../mutation/inputs.ts';
import { namedProperties, overallScore, scoreReport } from '../../mutation/results.ts';
import { checkedConfigs } from '../../properties/engine/property.ts';
import { suites } from '../../properties/registry.ts';
import { MUTATION_CHECKS } from './checks.ts';

const at = (line: number, column: number, end: number) => ({
  start: { line, column },
  end: { line, column: end },
});

const report = {
  files: {
    'model/sip-ha/x.ts': {
      source: 'const a = b && c;\nif (a) go();\n',
      mutants: [
        {
          id: '1',
          mutatorName: 'LogicalOperator',
          replacement: 'b || c',
          location: at(1, 11, 17),
          status: 'Killed',
          statusReason: 'Error: KILLED sip-ha/small: p.one (violated), p.two (not reached)',
        },
        {
          id: '2',
          mutatorName: 'ConditionalExpression',
          replacement: 'true',
          location: at(2, 5, 6),
          status: 'Survived',
        },
        {
          id: '3',
          mutatorName: 'BlockStatement',
          replacement: '{}',
          location: at(2, 0, 12),
          status: 'Killed',
          statusReason: 'Error: CRASH sip-ha/small: TypeError: x is undefined',
        },
        {
          id: '4',
          mutatorName: 'ConditionalExpression',
          replacement: 'false',
          location: at(2, 4, 5),
          status: 'Ignored',
          statusReason: 'a is read nowhere else',
        },
        {
          id: '8',
          mutatorName: 'StringLiteral',
          location: at(1, 0, 1),
          status: 'Ignored',
          statusReason: 'Ignored because of excluded mutation "StringLiteral"',
        },
        { id: '5', mutatorName: 'X', location: at(1, 0, 1), status: 'Timeout' },
        { id: '6', mutatorName: 'X', location: at(1, 0, 1), status: 'CompileError' },
        { id: '7', mutatorName: 'X', location: at(1, 0, 1), status: 'NoCoverage' },
      ],
    },
  },
};

describe('mutation results', () => {
  it('should credit a kill to the properties its check named, and to nothing else', () => {
    expect(
      namedProperties('Error: KILLED bc/small: bc.a (violated), bc.b (not exercised)'),
    ).toEqual(['bc.a', 'bc.b']);
    expect(namedProperties('Error: CRASH bc/small: boom')).toBeUndefined();
    expect(namedProperties(undefined)).toBeUndefined();
  });

  it('should score killed / (killed + survived), with crashes, time-outs, equivalents and type errors apart', () => {
    const s = scoreReport('sip-ha', report);
    expect(s.mutants).toBe(8);
    expect(s.excluded).toBe(1);
    expect(s.killed).toBe(1);
    expect(s.survived.map((m) => m.line)).toEqual([2, 1]);
    expect(s.survived[0]).toMatchObject({
      original: 'a',
      replacement: 'true',
      mutator: 'ConditionalExpression',
    });
    expect(s.crashed).toHaveLength(1);
    expect(s.equivalent[0]?.reason).toBe('a is read nowhere else');
    expect(s.timedOut).toBe(1);
    expect(s.compileErrors).toBe(1);
    expect(s.score).toBeCloseTo(1 / 3);
    expect(s.kills).toEqual({ 'p.one': 1, 'p.two': 1 });
    expect(overallScore([s, s])).toBeCloseTo(1 / 3);
    // A file the target no longer mutates (config.ts) is not counted, though Stryker keeps it.
    const kept = {
      files: { ...report.files, 'model/sip-ha/config.ts': report.files['model/sip-ha/x.ts'] },
    };
    expect(scoreReport('sip-ha', kept).mutants).toBe(8);
  });

  it('should show each kept result as current exactly when its judges are unchanged', () => {
    // What npm start and the review print (cli/review/mutation.ts) against the hash check itself.
    const shown = collectMutation().scores;
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s.current, s.target).toBe(isCurrent(s.target));
  });

  it('should check every checked config of every model', () => {
    for (const suite of suites)
      expect([...(MUTATION_CHECKS[suite.model.id]?.configs ?? [])].sort()).toEqual(
        checkedConfigs(suite).sort(),
      );
  });

  it("should expect every event type of the model's checked configs, and no other", () => {
    for (const suite of suites) {
      const check = MUTATION_CHECKS[suite.model.id]!;
      const types = new Set(
        check.configs.flatMap((c) =>
          suite.model.bind(suite.model.configs[c]).vocabulary.map((e: { type: string }) => e.type),
        ),
      );
      expect([...check.eventTypes].sort()).toEqual([...types].sort());
      for (const t of Object.keys(check.neverEnabled ?? {})) expect(types).toContain(t);
    }
  });
});
