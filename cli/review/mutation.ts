/**
 * The review's mutation section: per target the score of the last `npm run mutate`, its survivors
 * and its justified equivalents, and per property how many generated mutants its check killed
 * (mutation/results.ts). A property that killed none is marked as a finding.
 */
import { overallScore, percent, readScores, type TargetScore } from '../../mutation/results.ts';
import { suites } from '../../properties/registry.ts';

export interface MutationReview {
  readonly scores: readonly TargetScore[];
  readonly overall: number | undefined;
  /** Every property of every model with results, with the mutants whose killing check named it. */
  readonly properties: readonly {
    readonly id: string;
    readonly model: string;
    readonly kills: number;
  }[];
}

export function collectMutation(): MutationReview {
  // From the working directory, the project's root: the judges' hash (mutation/inputs.ts) is
  // taken relative to '.', and an absolute root would read every result as stale.
  const scores = readScores();
  const kills = (id: string) => scores.reduce((n, s) => n + (s.kills[id] ?? 0), 0);
  // A model's properties are counted once its own target has results.
  const measured = suites.filter((suite) => scores.some((s) => s.target === suite.model.id));
  const properties = measured.flatMap((suite) =>
    suite
      .properties(suite.model.configs.default)
      .map((p) => ({ id: p.id, model: suite.model.id, kills: kills(p.id) })),
  );
  // The check's action coverage: mutants after which some event type took effect in no step.
  // It is reported only when every property passed, so these kills are coverage's alone.
  for (const s of scores)
    properties.push({
      id: 'coverage (every event type takes effect)',
      model: s.target,
      kills: s.coverageKills,
    });
  return { scores, overall: overallScore(scores), properties };
}

/** One line for the summary of `npm start`. */
export function mutationSummary(m: MutationReview): string {
  if (m.scores.length === 0) return 'Mutation score: no results yet (npm run mutate)';
  return `Mutation score of the last npm run mutate: ${percent(m.overall)} overall (${m.scores.map((s) => `${s.target} ${percent(s.score)}${s.current ? '' : ' (stale: measured with earlier properties)'}`).join(', ')})`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function mutationMarkdown(m: MutationReview): string[] {
  const lines = [
    '## Mutation score',
    '',
    `StrykerJS mutates model/ and runs each model's property check on every mutant (mutation/README.md). ${mutationSummary(m)}. Killed means a property failed (a violation, a witness not reached, a liveness property not exercised, or its bound in ms never put to the test because no step took model time) or, when every property passed, an event type of the vocabulary took effect on no step of either engine in any config (coverage); crashes and time-outs are counted apart.`,
    '',
    '| target | mutants | killed | survived | equivalent | crashed | timed out | rejected by the type checker | excluded by the run options | score |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of m.scores)
    lines.push(
      `| ${s.target} | ${s.mutants} | ${s.killed} | ${s.survived.length} | ${s.equivalent.length} | ${s.crashed.length} | ${s.timedOut} | ${s.compileErrors} | ${s.excluded} | ${percent(s.score)}${s.current ? '' : ' (stale)'} |`,
    );
  const survivors = m.scores.flatMap((s) => s.survived);
  lines.push('', `### Survivors (${survivors.length})`, '');
  if (survivors.length > 0) {
    lines.push('| file | line | mutator | original | mutant |', '|---|---|---|---|---|');
    for (const s of survivors)
      lines.push(
        `| ${s.file} | ${s.line} | ${s.mutator} | \`${cell(s.original)}\` | \`${cell(s.replacement)}\` |`,
      );
  }
  const equivalents = m.scores.flatMap((s) => s.equivalent);
  lines.push('', `### Equivalent mutants (${equivalents.length})`, '');
  if (equivalents.length > 0) {
    lines.push('| file | line | mutator | why it cannot change behaviour |', '|---|---|---|---|');
    for (const e of equivalents)
      lines.push(`| ${e.file} | ${e.line} | ${e.mutator} | ${cell(e.reason ?? '')} |`);
  }
  lines.push(
    '',
    '### Mutants killed per property',
    '',
    "How many generated mutants each property's check named when it failed. ⚠ marks a property that killed none.",
    '',
    '| property | model | mutants killed |',
    '|---|---|---|',
  );
  for (const p of m.properties)
    lines.push(`| \`${p.id}\` | ${p.model} | ${p.kills === 0 ? '⚠ 0' : p.kills} |`);
  return lines;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

export function mutationHtml(m: MutationReview): string {
  const survivors = m.scores.flatMap((s) => s.survived);
  const equivalents = m.scores.flatMap((s) => s.equivalent);
  return `<h2 id="mutation">Mutation score</h2>
<p>StrykerJS mutates model/ and runs each model's property check on every mutant. ${esc(mutationSummary(m))}. Killed means a property failed; crashes and time-outs are counted apart.</p>
${table(
  [
    'Target',
    'Mutants',
    'Killed',
    'Survived',
    'Equivalent',
    'Crashed',
    'Timed out',
    'Rejected by the type checker',
    'Excluded by the run options',
    'Score',
  ],
  m.scores.map((s) =>
    [
      s.target,
      s.mutants,
      s.killed,
      s.survived.length,
      s.equivalent.length,
      s.crashed.length,
      s.timedOut,
      s.compileErrors,
      s.excluded,
      `${percent(s.score)}${s.current ? '' : ' (stale)'}`,
    ].map((v) => esc(String(v))),
  ),
)}
<h3>Survivors (${survivors.length})</h3>
${table(
  ['File', 'Line', 'Mutator', 'Original', 'Mutant'],
  survivors.map((s) => [
    esc(s.file),
    String(s.line),
    esc(s.mutator),
    `<code>${esc(s.original)}</code>`,
    `<code>${esc(s.replacement)}</code>`,
  ]),
)}
<h3>Equivalent mutants (${equivalents.length})</h3>
${table(
  ['File', 'Line', 'Mutator', 'Why it cannot change behaviour'],
  equivalents.map((e) => [esc(e.file), String(e.line), esc(e.mutator), esc(e.reason ?? '')]),
)}
<h3>Mutants killed per property</h3>
${table(
  ['Property', 'Model', 'Mutants killed'],
  m.properties.map((p) => [
    `<code>${esc(p.id)}</code>`,
    esc(p.model),
    p.kills === 0 ? '<b class="warn">0</b>' : String(p.kills),
  ]),
)}`;
}
