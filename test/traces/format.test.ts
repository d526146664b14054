import { describe, expect, it } from 'vitest';
import { stateChanges } from '../../traces/diff.ts';
import { parseTrace, serializeTrace, type Trace, TraceError } from '../../traces/format.ts';

const valid = {
  format: 'ha-verify-trace/1',
  model: 'sip-ha',
  variant: 'baseline',
  title: 't',
  story: ['1. sip1 crashes'],
  config: {},
  events: [{ type: 'serverCrashed', node: 'sip1' }],
  expect: { violates: null },
};

function with_(patch: Record<string, unknown>): string {
  return JSON.stringify({ ...valid, ...patch });
}

function without(field: keyof typeof valid): string {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[field];
  return JSON.stringify(copy);
}

/** The TraceError parseTrace throws for a text, checked to be a single line naming the source. */
function rejection(text: string): TraceError {
  try {
    parseTrace(text, 'my.trace.json');
  } catch (error) {
    expect(error).toBeInstanceOf(TraceError);
    const message = (error as TraceError).message;
    expect(message).not.toContain('\n');
    expect(message.startsWith('my.trace.json: ')).toBe(true);
    return error as TraceError;
  }
  throw new Error(`parseTrace accepted ${text}`);
}

describe('traces: the liveness marks of a counterexample', () => {
  it('should accept a trigger and a loop inside the events', () => {
    const trace = parseTrace(with_({ liveness: { trigger: 0, loop: 0 } }), 'x');
    expect(trace.liveness).toEqual({ trigger: 0, loop: 0 });
  });

  it('should refuse a trigger past the last event', () => {
    expect(rejection(with_({ liveness: { trigger: 2 } })).message).toContain("field 'liveness'");
  });

  it('should refuse a loop before the trigger or past the last event', () => {
    const events = [valid.events[0], valid.events[0]];
    expect(rejection(with_({ events, liveness: { trigger: 1, loop: 0 } })).message).toContain(
      "'liveness.loop'",
    );
    expect(rejection(with_({ liveness: { trigger: 0, loop: 1 } })).message).toContain(
      "'liveness.loop'",
    );
  });
});

describe('traces: parseTrace', () => {
  it('should accept a valid trace', () => {
    const trace = parseTrace(JSON.stringify(valid), 'my.trace.json');
    expect(trace.model).toBe('sip-ha');
    expect(trace.events).toEqual(valid.events);
    expect(trace.expect.violates).toBeNull();
  });

  it('should accept a trace that expects a property to be violated', () => {
    const trace = parseTrace(with_({ expect: { violates: 'S1' } }), 'x');
    expect(trace.expect.violates).toBe('S1');
  });

  it('should reject invalid JSON', () => {
    expect(rejection('{"format": ').message).toMatch(/not valid JSON/);
    expect(rejection('').message).toMatch(/not valid JSON/);
  });

  it('should reject JSON that is not an object', () => {
    for (const text of ['[]', 'null', '42', '"trace"']) {
      expect(rejection(text).message).toMatch(/must be a JSON object/);
    }
  });

  it('should reject a wrong or missing format version', () => {
    expect(rejection(with_({ format: 'ha-verify-trace/9' })).message).toMatch(
      /unsupported trace format "ha-verify-trace\/9"/,
    );
    expect(rejection(without('format')).message).toMatch(/unsupported trace format/);
  });

  it('should reject a missing or empty model, variant or title', () => {
    for (const field of ['model', 'variant', 'title'] as const) {
      expect(rejection(without(field)).message).toContain(`'${field}'`);
      expect(rejection(with_({ [field]: '' })).message).toContain(`'${field}'`);
      expect(rejection(with_({ [field]: 3 })).message).toContain(`'${field}'`);
    }
  });

  it('should reject a story that is not a list of strings', () => {
    expect(rejection(without('story')).message).toContain("'story'");
    expect(rejection(with_({ story: 'once upon a time' })).message).toContain("'story'");
    expect(rejection(with_({ story: ['ok', 2] })).message).toContain("'story'");
  });

  it('should reject events that are not a list', () => {
    expect(rejection(without('events')).message).toContain("'events' must be a list");
    expect(rejection(with_({ events: { type: 'x' } })).message).toContain(
      "'events' must be a list",
    );
  });

  it('should reject an event without a string type, naming its 1-based number', () => {
    const ok = { type: 'serverCrashed', node: 'sip1' };
    expect(rejection(with_({ events: [ok, { node: 'sip1' }] })).message).toContain('event 2');
    expect(rejection(with_({ events: [{ type: 7 }] })).message).toContain('event 1');
    expect(rejection(with_({ events: [ok, ok, null] })).message).toContain('event 3');
    expect(rejection(with_({ events: ['serverCrashed'] })).message).toContain('event 1');
  });

  it('should reject a missing or malformed expect', () => {
    for (const bad of [undefined, null, {}, { violates: 3 }, 'S1', []]) {
      const text = bad === undefined ? without('expect') : with_({ expect: bad });
      expect(rejection(text).message).toContain("'expect'");
    }
  });

  it('should reject a trace without a config', () => {
    expect(rejection(without('config')).message).toContain("'config' is missing");
  });
});

describe('traces: serializeTrace', () => {
  const trace = parseTrace(
    with_({
      events: [
        { type: 'serverCrashed', node: 'sip1' },
        { type: 'timeAdvanced' },
        { type: 'switchoverPerformed', node: 'sip2' },
      ],
    }),
    'x',
  );

  it('should put one event per line', () => {
    const text = serializeTrace(trace);
    const lines = text.split('\n');
    for (const event of trace.events) {
      expect(
        lines.filter((line) => line.trim().replace(/,$/, '') === JSON.stringify(event)),
      ).toHaveLength(1);
    }
    expect(text.endsWith('\n')).toBe(true);
  });

  it('should round-trip through parseTrace', () => {
    expect(parseTrace(serializeTrace(trace), 'x')).toEqual(trace);
  });

  it('should round-trip a trace with no events', () => {
    const empty: Trace = { ...trace, events: [] };
    const text = serializeTrace(empty);
    expect(text).toContain('"events": []');
    expect(parseTrace(text, 'x')).toEqual(empty);
  });
});

describe('traces: stateChanges', () => {
  it('should list nothing for equal states', () => {
    expect(stateChanges({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
  });

  it('should list changed leaves as sorted dotted paths', () => {
    const before = { servers: { sip2: { role: 'backup' }, sip1: { role: 'primary', up: true } } };
    const after = { servers: { sip2: { role: 'primary' }, sip1: { role: 'primary', up: false } } };
    expect(stateChanges(before, after)).toEqual([
      'servers.sip1.up: true → false',
      'servers.sip2.role: backup → primary',
    ]);
  });

  it('should show absent values as ∅', () => {
    expect(stateChanges({ a: { x: 1 } }, { a: { y: 'z' } })).toEqual(['a.x: 1 → ∅', 'a.y: ∅ → z']);
  });

  it('should show a subtree replaced by a primitive as JSON', () => {
    expect(stateChanges({ t: { c1: 'idle' } }, { t: null })).toEqual(['t: {"c1":"idle"} → null']);
  });

  it('should index into arrays', () => {
    expect(stateChanges({ q: [1, 2] }, { q: [1, 3, 4] })).toEqual(['q.1: 2 → 3', 'q.2: ∅ → 4']);
  });
});
