/** REVIEW.md: the review as Markdown, readable on any code host. */
import { FAIRNESS_READING } from '../../properties/engine/liveness.ts';
import { stepTable } from '../../traces/render.ts';
import { type ClauseReview, caughtVariant, type Review } from './collect.ts';
import { mutationMarkdown } from './mutation.ts';

export const DOCUMENT_TITLES = {
  GIR: 'Genesys Interaction Recording Solution Guide — Scalability and High Availability',
  BC: 'SIP Business Continuity Architecture',
} as const;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** '1 step', '6 steps'. */
export function stepCount(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}

export function summaryLine(review: Review): string {
  const c = review.counts;
  const total = review.clauses.length;
  const verdict = review.failures.length === 0 ? 'PASS' : 'FAIL';
  return `${verdict}: ${total} clauses — ${c.holds} hold (complete searches), ${c['holds to depth']} hold to a depth (a search stopped at its limit), ${c['guarded by construction']} guarded by construction (not evidence), ${c.violated} violated, ${c.vacuous} vacuous, ${c['not modelled']} not modelled, ${c['document drift']} document drift, ${c['no verdict']} without verdict; ${review.kills.filter(caughtVariant).length} of ${review.kills.length} broken variants caught`;
}

function evidenceText(c: ClauseReview): string {
  if (c.evidence.length === 0) return c.why;
  const byProperty = new Map<string, string[]>();
  for (const e of c.evidence)
    byProperty.set(e.property.id, [
      ...(byProperty.get(e.property.id) ?? []),
      `${e.config}: ${e.verdict}`,
    ]);
  return [...byProperty].map(([id, vs]) => `\`${id}\` (${vs.join(', ')})`).join('; ');
}

export function reviewMarkdown(review: Review): string {
  const lines = [
    '# Spec review',
    '',
    `Documents: \`${review.docs}\`. Budget per model and config: the explorer up to ${review.budget.maxStates.toLocaleString('en-US')} states, the random engine ${review.budget.runs.toLocaleString('en-US')} runs from seed ${review.budget.seed}.`,
    '',
    `**${summaryLine(review)}**`,
    '',
    `Liveness properties are judged on ${FAIRNESS_READING}, within the steps and milliseconds each statement gives. A \`holds\` rests on complete searches; \`holds to depth N\` on a search that stopped at its state limit after exploring every level up to N.`,
    '',
  ];
  for (const f of review.failures) lines.push(`- ✗ ${f}`);
  for (const doc of ['GIR', 'BC'] as const) {
    lines.push('', `## ${doc} — ${DOCUMENT_TITLES[doc]}`, '');
    lines.push(
      '| clause | section | anchor | claim | verdict | evidence | assumptions |',
      '|---|---|---|---|---|---|---|',
    );
    for (const c of review.clauses.filter((x) => x.clause.document === doc)) {
      lines.push(
        `| ${c.clause.id} | ${cell(c.clause.section)} | “${cell(c.clause.anchor)}”${c.anchorFound ? '' : ' ⚠ not found'} | ${cell(c.clause.claim)} | **${c.verdict}** | ${cell(evidenceText(c))} | ${c.assumptions.map((a) => a.id).join(', ')} |`,
      );
    }
    for (const c of review.clauses.filter(
      (x) => x.clause.document === doc && x.counterexample !== undefined,
    )) {
      lines.push(
        '',
        `### Counterexample to ${c.clause.id}`,
        '',
        ...c.counterexample!.trace.story.map((s) => `    ${s}`),
        '',
        '```',
        stepTable(c.counterexample!.replay),
        '```',
      );
    }
  }
  lines.push(
    '',
    '## Kill matrix',
    '',
    'Each broken variant replaces one handler of a real model; the property it must break, and what each engine caught, with the time to the first counterexample.',
    '',
  );
  lines.push('| variant | model | expected | explorer | random |', '|---|---|---|---|---|');
  for (const k of review.kills) {
    const show = (e: Review['kills'][number]['explorer']) =>
      e.property === null
        ? 'not caught'
        : `${e.property === k.expected ? '✓' : '≠'} \`${e.property}\` in ${e.ms} ms (${stepCount(e.steps)})`;
    lines.push(
      `| ${k.variant} | ${k.model} | \`${k.expected}\` | ${show(k.explorer)} | ${show(k.random)} |`,
    );
  }
  lines.push('', ...mutationMarkdown(review.mutation));
  lines.push(
    '',
    '## Assumptions register',
    '',
    '| id | topic | where the documents are silent or ambiguous | choice | checked both ways by |',
    '|---|---|---|---|---|',
  );
  for (const a of review.assumptions)
    lines.push(
      `| ${a.id} | ${cell(a.topic)} | ${cell(a.problem)} | ${cell(a.choice)} | ${cell(a.options.join(', ') || '—')} |`,
    );
  return `${lines.join('\n')}\n`;
}
