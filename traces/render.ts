/** Renderers of a replay for people: the step table. */
import type { ModelEvent } from '../model/kernel/model.ts';
import type { ReplayResult } from './replay.ts';

/** One block per step: the event, what changed in the state, and any property broken. */
export function stepTable<E extends ModelEvent>(result: ReplayResult<E>): string {
  const lines: string[] = [];
  for (const v of result.brokenAtStart)
    lines.push(`  0  (initial state)  ✗ ${v.property}: ${v.message}`);
  const marks = result.liveness;
  for (const step of result.steps) {
    if (marks?.loop !== undefined && step.step === marks.loop + 1)
      lines.push('     ┌─ the cycle starts: these steps repeat forever, never reaching the goal');
    lines.push(`${String(step.step).padStart(3)}  ${step.label}`);
    for (const change of step.changes) lines.push(`       ${change}`);
    for (const v of step.broken) lines.push(`     ✗ ${v.property}: ${v.message}`);
    if (marks !== undefined && step.step === marks.trigger)
      lines.push(
        '     ── the trigger holds; faults, repairs and traffic stop: a fair continuation follows',
      );
  }
  if (marks?.loop !== undefined)
    lines.push(`     └─ back to the state before step ${marks.loop + 1}`);
  return lines.join('\n');
}

/**
 * A Mermaid sequence diagram: one lifeline per component, one arrow per event, and a note where
 * a property breaks.
 */
export function mermaidSequence<E extends ModelEvent>(
  result: ReplayResult<E>,
  lifelines: (event: E) => { readonly from: string; readonly to: string },
): string {
  const ids = new Map<string, string>();
  const id = (name: string) => {
    let found = ids.get(name);
    if (found === undefined) {
      found = `p${ids.size}`;
      ids.set(name, found);
    }
    return found;
  };
  const body: string[] = [];
  for (const v of result.brokenAtStart)
    body.push(`  Note over ${id('System')}: ✗ ${plain(v.property)}`);
  for (const step of result.steps) {
    const { from, to } = lifelines(step.event);
    const label = `${step.step}. ${plain(step.label)}`;
    if (from === to) body.push(`  Note over ${id(from)}: ${label}`);
    else body.push(`  ${id(from)}->>${id(to)}: ${label}`);
    for (const v of step.broken) body.push(`  Note over ${id(to)}: ✗ ${plain(v.property)} broken`);
  }
  const marks = result.liveness;
  if (marks?.loop !== undefined) {
    // The cycle as a Mermaid loop block around its steps.
    const start = body.findIndex((line) => line.includes(`: ${marks.loop! + 1}. `));
    if (start >= 0) {
      body.splice(start, 0, '  loop the cycle repeats forever, never reaching the goal');
      body.push('  end');
    }
  }
  const participants = [...ids].map(([name, pid]) => `  participant ${pid} as ${plain(name)}`);
  return ['sequenceDiagram', ...participants, ...body].join('\n');
}

/** Mermaid treats ';' and '#' specially in messages; keep labels plain. */
function plain(text: string): string {
  return text.replace(/[;#]/g, ',').replace(/→/g, 'to');
}

/**
 * The trace in ITF, the Informal Trace Format of the TLA+ and Quint tools: one record per state,
 * integers as {"#bigint": "…"}, and the event that led to each state as `action_taken`.
 */
export function itf<E extends ModelEvent>(
  result: ReplayResult<E>,
  meta: Record<string, unknown>,
): string {
  const states = result.states.map((state, index) => ({
    '#meta': { index },
    ...(itfValue(state) as Record<string, unknown>),
    action_taken: index === 0 ? 'init' : result.steps[index - 1]!.event.type,
    nondet_picks: index === 0 ? {} : itfValue(result.steps[index - 1]!.event),
  }));
  const vars = states.length === 0 ? [] : Object.keys(states[0]!).filter((k) => k !== '#meta');
  return `${JSON.stringify({ '#meta': { format: 'ITF', ...meta }, vars, states }, null, 2)}\n`;
}

function itfValue(value: unknown): unknown {
  if (typeof value === 'number') return { '#bigint': String(value) };
  if (Array.isArray(value)) return value.map(itfValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = itfValue(v);
    return out;
  }
  return value;
}
