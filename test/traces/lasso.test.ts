import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSuite } from '../../properties/registry.ts';
import { findVariant } from '../../properties/variants.ts';
import { parseTrace, type Trace, TraceError } from '../../traces/format.ts';
import { replay } from '../../traces/replay.ts';

const root = new URL('../../traces/', import.meta.url).pathname;

function load(file: string): Trace {
  return parseTrace(readFileSync(`${root}${file}`, 'utf8'), file);
}

function replayOf(trace: Trace) {
  const suite = findSuite(trace.model)!;
  const model = findVariant(trace.model, trace.variant)!.build();
  return replay(model, suite.properties, trace, 'test.trace.json');
}

describe('traces: replay checks the marks of a liveness counterexample', () => {
  it('should refuse a continuation that holds a fault', () => {
    const trace = { ...load('sip-ha/bad/scs-ignores-addp.trace.json'), liveness: { trigger: 0 } };
    expect(() => replayOf(trace)).toThrow(TraceError);
    expect(() => replayOf(trace)).toThrow(/is a fault event, but the continuation/);
  });

  it('should refuse a lasso whose cycle does not return to where it started', () => {
    const trace = {
      ...load('sip-ha/bad/scs-ignores-addp.trace.json'),
      liveness: { trigger: 1, loop: 1 },
    };
    expect(() => replayOf(trace)).toThrow(/the lasso does not close/);
  });

  it('should replay the saved trace with its trigger marked', () => {
    const trace = load('sip-ha/bad/scs-ignores-addp.trace.json');
    const result = replayOf({ ...trace, liveness: { trigger: 1 } });
    expect(result.asExpected).toBe(true);
    expect(result.liveness).toEqual({ trigger: 1 });
  });
});
