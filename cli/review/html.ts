/**
 * review/index.html: the review as one self-contained page. The Mermaid library is inlined, so
 * the sequence diagrams render with no network at view time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CLAUSE_VERDICTS, type Review } from './collect.ts';
import {
  esc,
  filtersHtml,
  propertyLink,
  propertySections,
  shownHtml,
  traceLink,
  traceSections,
  variantLink,
  variantSections,
} from './html-index.ts';
import { anchors } from './links.ts';
import { DOCUMENT_TITLES, stepCount, summaryLine } from './markdown.ts';
import { mutationHtml } from './mutation.ts';

function mermaidLibrary(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8').replace(
    /<\/script/gi,
    '<\\/script',
  );
}

export function reviewHtml(review: Review): string {
  const sections = (['GIR', 'BC'] as const).map((doc) => {
    const rows = review.clauses
      .filter((c) => c.clause.document === doc)
      .map((c) => {
        const evidence =
          c.evidence.length === 0
            ? esc(c.why)
            : [...new Set(c.evidence.map((e) => e.property.id))]
                .map((id) => {
                  const es = c.evidence.filter((e) => e.property.id === id);
                  return `<div>${propertyLink(id)} ${es.map((e) => `<span class="cfg" title="${esc(e.bounds)}">${esc(e.config)}: ${esc(e.verdict)}</span>`).join(' ')}</div>`;
                })
                .join('');
        const models = [...new Set(c.evidence.map((e) => e.model))].join(' ');
        const traces = review.index.traces.filter((t) => t.clauses.includes(c.clause.id));
        const illustrated =
          traces.length === 0
            ? ''
            : `<div class="why">illustrated by ${traces.map((t) => traceLink(t.file)).join(', ')}</div>`;
        return `<tr class="clause" id="${esc(anchors.clause(c.clause.id))}" data-verdict="${esc(c.verdict)}" data-models="${esc(models)}"><td>${esc(c.clause.id)}</td><td>${esc(c.clause.section)}</td><td>“${esc(c.clause.anchor)}”${c.anchorFound ? '' : ' <b class="warn">not found</b>'}</td><td>${esc(c.clause.claim)}</td><td><span class="badge ${c.verdict.replace(/ /g, '-')}">${esc(c.verdict)}</span><div class="why">${esc(c.why)}</div></td><td>${evidence}${illustrated}</td><td>${c.assumptions.map((a) => `<abbr title="${esc(a.choice)}">${esc(a.id)}</abbr>`).join(' ')}</td></tr>${c.counterexample === undefined ? '' : `<tr class="clause-extra"><td colspan="7">${shownHtml(c.counterexample)}</td></tr>`}`;
      })
      .join('\n');
    return `<h2>${doc} — ${esc(DOCUMENT_TITLES[doc])}</h2>
<table class="clauses"><thead><tr><th>Clause</th><th>Section</th><th>Anchor</th><th>Claim</th><th>Verdict</th><th>Evidence</th><th>Assumptions</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  const kills = review.kills
    .map((k) => {
      const show = (e: Review['kills'][number]['explorer']) =>
        e.property === null
          ? '<span class="badge violated">not caught</span>'
          : `${e.property === k.expected ? '✓' : '≠'} <code>${esc(e.property)}</code> ${e.ms} ms, ${stepCount(e.steps)}`;
      return `<tr><td>${variantLink(`${k.model}/${k.variant}`)}</td><td>${esc(k.title)}</td><td>${propertyLink(k.expected)}</td><td>${show(k.explorer)}</td><td>${show(k.random)}</td></tr>`;
    })
    .join('\n');
  const assumptions = review.assumptions
    .map(
      (a) =>
        `<tr><td>${esc(a.id)}</td><td>${esc(a.topic)}</td><td>${esc(a.problem)}</td><td>${esc(a.choice)}</td><td>${esc(a.options.join(', ') || '—')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spec review — genesys-ha-verify</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2330}h1{margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d5d9e0;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#eef1f5}.badge{display:inline-block;padding:0 .4rem;border-radius:.6rem;font-weight:600;white-space:nowrap}
.holds{background:#d6f5dd}.holds-to-depth{background:#e9f5d6}.guarded-by-construction{background:#e4e7ec}.violated{background:#ffd7d7}.vacuous{background:#fff0c2}.not-modelled{background:#e4e7ec}.document-drift,.no-verdict{background:#ffb3b3}
.why{color:#5a6475;font-size:12px}.cfg{font-size:12px;color:#3b4556;margin-right:.4rem}.summary{font-size:16px;font-weight:600}
.warn{color:#b00}section.property,section.variant,section.trace{border:1px solid #d5d9e0;padding:.5rem 1rem;margin:1rem 0}section:target{outline:3px solid #5b8def}pre.code{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}.kind{font-size:12px;color:#5a6475}.filters select{margin-right:1rem}pre.steps{background:#f6f8fa;padding:.5rem;overflow:auto}pre.mermaid{background:#fff;overflow:auto}details.kill{margin:1rem 0;border:1px solid #d5d9e0;padding:.5rem}
</style></head><body>
<h1>Spec review</h1>
<p>Documents: <code>${esc(review.docs)}</code>. Budget per model and config: the explorer up to ${review.budget.maxStates.toLocaleString('en-US')} states, the random engine ${review.budget.runs.toLocaleString('en-US')} runs from seed ${review.budget.seed}.</p>
<p class="summary" id="summary">${esc(summaryLine(review))}</p>
${filtersHtml(review, CLAUSE_VERDICTS)}
${review.failures.length === 0 ? '' : `<ul>${review.failures.map((f) => `<li class="warn">${esc(f)}</li>`).join('')}</ul>`}
${sections.join('\n')}
<h2>Kill matrix</h2>
<p>Each broken variant replaces one handler or guard of a real model, or the budget a fault spends. Expected: the property it must break. Each engine's first counterexample, with the time it took.</p>
<table class="kills"><thead><tr><th>Variant</th><th>Mistake</th><th>Expected</th><th>Explorer</th><th>Random</th></tr></thead><tbody>${kills}</tbody></table>
<h2 id="properties">Properties</h2>
<p>Each property with the clauses it checks, its verdict per config, the broken variants that must break it and its code.</p>
${propertySections(review)}
<h2 id="variants">Broken variants</h2>
${variantSections(review)}
<h2 id="traces">Good traces</h2>
<p>Saved runs of the real models that satisfy every property, each naming the clauses it illustrates.</p>
${traceSections(review)}
${mutationHtml(review.mutation)}
<h2>Assumptions register</h2>
<table><thead><tr><th>Id</th><th>Topic</th><th>Where the documents are silent or ambiguous</th><th>Choice</th><th>Checked both ways by</th></tr></thead><tbody>${assumptions}</tbody></table>
<script>${mermaidLibrary()}</script>
<script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', sequence: { useMaxWidth: false } });</script>
</body></html>
`;
}
