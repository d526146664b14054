import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewJson, reviewJunit } from '../../cli/reporters.ts';
import { collectReview, type Review } from '../../cli/review/collect.ts';
import { reviewHtml } from '../../cli/review/html.ts';
import { reviewMarkdown } from '../../cli/review/markdown.ts';
import { allClauses } from '../../properties/catalog/index.ts';

const seeds = process.env.SEEDS_DIR ?? new URL('../../../shared/seeds/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const budget = { maxStates: 20_000, runs: 300, seed: 7, workers: 1, log: () => {} };

describe('review: clause verdicts from both engines and the kill matrix', () => {
  let review: Review;
  // The review's work is bounded by its budget in states and runs; the hook's timeout of 0 turns
  // vitest's clock off, so a slow or shared machine takes longer instead of failing.
  beforeAll(async () => {
    review = await collectReview({ docs: seeds, ...budget });
  }, 0);

  it('should give every clause of the catalog a verdict, and pass on the real documents', () => {
    expect(review.clauses.map((c) => c.clause.id)).toEqual(allClauses.map((c) => c.id));
    expect(review.counts['no verdict']).toBe(0);
    expect(review.counts['document drift']).toBe(0);
    expect(review.failures).toEqual([]);
    // At 20,000 states most searches stop at the limit: their clauses hold only to a depth.
    expect(review.counts.holds + review.counts['holds to depth']).toBeGreaterThan(0);
    expect(review.counts['holds to depth']).toBeGreaterThan(0);
    for (const c of review.clauses.filter((x) => x.verdict === 'holds'))
      for (const e of c.evidence)
        expect(e.verdict, `${c.clause.id} ${e.property.id}`).not.toMatch(/depth/);
  });

  it('should write the review as JUnit a JUnit parser reads: a case per clause and per broken variant', async () => {
    const doc = (await parse(reviewJunit(review))) as TestSuites;
    const [clauseSuite, variantSuite] = doc.testsuite!;
    expect(clauseSuite!.testcase!.map((c) => c.name!.split(':')[0])).toEqual(
      allClauses.map((c) => c.id),
    );
    expect(clauseSuite!.failures).toBe(0);
    const skipped = review.clauses.filter((c) =>
      ['not modelled', 'guarded by construction'].includes(c.verdict),
    );
    expect(clauseSuite!.testcase!.filter((c) => c.skipped !== undefined)).toHaveLength(
      skipped.length,
    );
    expect(variantSuite!.testcase!.map((c) => c.name)).toEqual(review.kills.map((k) => k.variant));
    expect(variantSuite!.failures).toBe(0);
    const json = JSON.parse(reviewJson(review));
    expect(json.clauses.map((c: { verdict: string }) => c.verdict)).toEqual(
      review.clauses.map((c) => c.verdict),
    );
  });

  it('should catch every broken variant through its expected property in the kill matrix', () => {
    for (const k of review.kills) {
      expect([k.explorer.property, k.random.property], k.variant).toContain(k.expected);
    }
  });

  it('should report document drift, naming the clause, when an anchor phrase is edited', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'docs-'));
    cpSync(seeds, copy, { recursive: true });
    const gir = readdirSync(copy).find((n) => n.startsWith('000_'))!;
    const text = readFileSync(join(copy, gir), 'utf8');
    writeFileSync(join(copy, gir), text.replace('will have knowledge', 'shall have knowledge'));
    const drifted = await collectReview({ docs: copy, ...budget, maxStates: 2_000, runs: 20 });
    expect(drifted.clauses.find((c) => c.clause.id === 'GIR-SIP-1')?.verdict).toBe(
      'document drift',
    );
    expect(drifted.failures.some((f) => f.startsWith('document drift: GIR-SIP-1'))).toBe(true);
    // A failing case per failure of the review: the drifted clause, and any broken variant that
    // this small budget does not catch.
    const failing = ((await parse(reviewJunit(drifted))) as TestSuites)
      .testsuite!.flatMap((t) => t.testcase!)
      .filter((c) => c.failure !== undefined);
    expect(failing).toHaveLength(drifted.failures.length);
    expect(failing.map((c) => [c.name!.split(':')[0], c.failure![0]!.type])).toContainEqual([
      'GIR-SIP-1',
      'document drift',
    ]);
  }, 600_000);

  it('should render the review in a real browser, lead from a clause to its evidence in two clicks and filter the clauses', async (ctx) => {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI === 'true')
        throw new Error(`no Chromium at ${CHROMIUM}; .ci/run installs Debian's chromium`);
      ctx.skip();
    }
    const out = new URL('../../review/', import.meta.url).pathname;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'REVIEW.md'), reviewMarkdown(review));
    writeFileSync(join(out, 'index.html'), reviewHtml(review));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
      // Offline: any request leaving the file would fail the page.
      await page.route(/^https?:/, (route) => route.abort());
      await page.goto(`file://${join(out, 'index.html')}`);
      await expect(page.locator('tr.clause').count()).resolves.toBe(allClauses.length);
      await page.locator('pre.mermaid svg').first().waitFor({ timeout: 30_000 });
      // Every variant's counterexample and every good trace is drawn.
      const diagrams = review.kills.filter((k) => k.shown).length + review.index.traces.length;
      await page.waitForFunction(
        `document.querySelectorAll('pre.mermaid svg').length === ${diagrams}`,
        undefined,
        { timeout: 60_000 },
      );
      await expect(page.locator('#summary').textContent()).resolves.toContain('PASS');
      // Every link inside the page leads somewhere.
      const dangling = await page.evaluate(
        `[...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1)).filter((id) => document.getElementById(id) === null)`,
      );
      expect(dangling).toEqual([]);
      await page.screenshot({ path: join(out, 'screenshot.png'), fullPage: false });

      // From the clause to the property's code: click 1.
      const property = 'sip-ha.no-lost-established-call';
      const row = page.locator('[id="clause-GIR-SIP-1"]');
      await row.locator('a.property', { hasText: property }).first().click();
      expect(await page.evaluate('location.hash')).toBe(`#property-${property}`);
      const section = page.locator(`[id="property-${property}"]`);
      expect(await section.isVisible()).toBe(true);
      await expect(section.locator('pre.code').textContent()).resolves.toContain(
        `id: '${property}'`,
      );
      await expect(section.locator('p.where').textContent()).resolves.toMatch(
        /^properties\/sip-ha\/safety\.ts:\d+$/,
      );
      // From the property to a variant that breaks it and its counterexample diagram: click 2.
      const variant = section.locator('a.variant').first();
      const key = (await variant.textContent())!;
      await variant.click();
      const shown = page.locator(`[id="variant-${key.replace('/', '-')}"]`);
      expect(await shown.isVisible()).toBe(true);
      expect(await shown.locator('pre.mermaid svg').count()).toBe(1);
      await expect(shown.textContent()).resolves.toContain(`Must break ${property}`);
      await expect(shown.textContent()).resolves.toContain(
        `traces/sip-ha/bad/${key.split('/')[1]}.trace.json`,
      );
      await shown.screenshot({ path: join(out, 'diagram.png') });

      // The clause also lists the good traces that illustrate it, each one link away.
      const trace = row.locator('a.trace').first();
      const traceTarget = (await trace.getAttribute('href'))!.slice(1);
      await trace.click();
      expect(await page.locator(`[id="${traceTarget}"] pre.mermaid svg`).count()).toBe(1);

      // Filters: one verdict, then one model.
      const visible = () =>
        page.evaluate(
          `[...document.querySelectorAll('tr.clause')].filter((r) => !r.hidden).map((r) => [r.dataset.verdict, r.dataset.models])`,
        ) as Promise<[string, string][]>;
      await page.selectOption('#filter-verdict', 'holds');
      const holds = await visible();
      expect(holds.length).toBe(review.counts.holds);
      expect(holds.every(([v]) => v === 'holds')).toBe(true);
      await page.selectOption('#filter-verdict', '');
      await page.selectOption('#filter-model', 'bc');
      const bc = await visible();
      expect(bc.length).toBe(
        review.clauses.filter((c) => c.evidence.some((e) => e.model === 'bc')).length,
      );
      expect(bc.every(([, m]) => m.split(' ').includes('bc'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 600_000);
});
