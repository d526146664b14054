/**
 * The linked parts of review/index.html: one section per property (its code, verdicts, clauses
 * and the variants that break it), per broken variant (the property it must break, its saved
 * trace and counterexample diagram) and per good trace (the clauses it illustrates), and the
 * filters of the clause tables.
 */
import { mermaidSequence, stepTable } from '../../traces/render.ts';
import type { Review } from './collect.ts';
import { anchors, type Shown } from './links.ts';
import { stepCount } from './markdown.ts';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const link = (href: string, text: string, cls: string) =>
  `<a class="${cls}" href="#${esc(href)}">${text}</a>`;

export const clauseLink = (id: string) => link(anchors.clause(id), esc(id), 'clause');
export const propertyLink = (id: string) =>
  link(anchors.property(id), `<code>${esc(id)}</code>`, 'property');
export const variantLink = (key: string) => link(anchors.variant(key), esc(key), 'variant');
export const traceLink = (file: string) =>
  link(anchors.trace(file), esc(file.replace(/^traces\//, '')), 'trace');

export function shownHtml(s: Shown): string {
  return `<ol class="story">${s.trace.story.map((line) => `<li>${esc(line.replace(/^\d+\.\s*/, ''))}</li>`).join('')}</ol>
<pre class="mermaid">${esc(mermaidSequence(s.replay, s.lifelines))}</pre>
<details><summary>Step table</summary><pre class="steps">${esc(stepTable(s.replay))}</pre></details>`;
}

export function propertySections(review: Review): string {
  return review.index.properties
    .map((p) => {
      const where =
        p.source === undefined
          ? ''
          : `<p class="where"><code>${esc(p.source.file)}:${p.source.line}</code></p><pre class="code">${esc(p.source.code)}</pre>`;
      const broken =
        p.variants.length === 0
          ? p.property.kind === 'witness'
            ? 'a witness: it must be reached, not broken'
            : '<b class="warn">no broken variant</b>'
          : p.variants.map(variantLink).join(', ');
      return `<section class="property" id="${esc(anchors.property(p.id))}" data-model="${esc(p.model)}">
<h3><code>${esc(p.id)}</code> <span class="kind">${esc(p.property.kind)}</span></h3>
<p>${esc(p.property.statement)}</p>
<p>Clauses: ${p.property.clauses.map(clauseLink).join(', ')}. Verdicts: ${p.verdicts.map((v) => `<span class="cfg">${esc(v.config)}: ${esc(v.verdict)}</span>`).join(' ')}</p>
<p>Broken by: ${broken}</p>
${where}
</section>`;
    })
    .join('\n');
}

export function variantSections(review: Review): string {
  return review.kills
    .map((k) => {
      const key = `${k.model}/${k.variant}`;
      const saved = review.index.savedBad.get(key);
      const replay =
        saved === undefined
          ? ''
          : `<p>Saved counterexample: <code>${esc(saved)}</code>; replay: <code>npm run ha-verify -- replay ${esc(saved)}</code></p>`;
      const diagram =
        k.shown === undefined
          ? '<p class="warn">the explorer did not catch it</p>'
          : `<p>The explorer's shortest counterexample (${stepCount(k.explorer.steps)}):</p>${shownHtml(k.shown)}`;
      return `<section class="variant kill" id="${esc(anchors.variant(key))}">
<h3>${esc(key)}</h3>
<p>${esc(k.title)}. Must break ${propertyLink(k.expected)}.</p>
${replay}
${diagram}
</section>`;
    })
    .join('\n');
}

export function traceSections(review: Review): string {
  return review.index.traces
    .map(
      (t) => `<section class="trace" id="${esc(anchors.trace(t.file))}">
<h3>${esc(t.shown.trace.title)}</h3>
<p><code>${esc(t.file)}</code> (${esc(t.model)}): illustrates ${t.clauses.map(clauseLink).join(', ')}; ${esc(t.shown.replay.verdict)}</p>
${shownHtml(t.shown)}
</section>`,
    )
    .join('\n');
}

/** Drop-downs that show only the clauses of one verdict or model. */
export function filtersHtml(review: Review, verdicts: readonly string[]): string {
  const models = [...new Set(review.outcomes.map((o) => o.model.id))];
  const select = (id: string, label: string, values: readonly string[]) =>
    `<label>${label} <select id="${id}"><option value="">all</option>${values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join('')}</select></label>`;
  return `<p class="filters">${select('filter-verdict', 'Verdict', verdicts)} ${select('filter-model', 'Model', models)}</p>
<script>
function applyFilters() {
  const verdict = document.getElementById('filter-verdict').value;
  const model = document.getElementById('filter-model').value;
  for (const row of document.querySelectorAll('tr.clause')) {
    const shown = (verdict === '' || row.dataset.verdict === verdict) &&
      (model === '' || row.dataset.models.split(' ').includes(model));
    row.hidden = !shown;
    const next = row.nextElementSibling;
    if (next !== null && next.classList.contains('clause-extra')) next.hidden = !shown;
  }
}
document.getElementById('filter-verdict').addEventListener('change', applyFilters);
document.getElementById('filter-model').addEventListener('change', applyFilters);
</script>`;
}
