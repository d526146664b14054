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
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
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
  }, 600_000);

  it('should render the clause table and a counterexample diagram in a real browser', async (ctx) => {
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
      expect(await page.locator('pre.mermaid svg').count()).toBe(
        review.kills.filter((k) => k.shown).length,
      );
      await expect(page.locator('#summary').textContent()).resolves.toContain('PASS');
      await page.screenshot({ path: join(out, 'screenshot.png'), fullPage: false });
      await page
        .locator('details.kill')
        .nth(2)
        .screenshot({ path: join(out, 'diagram.png') });
    } finally {
      await browser.close();
    }
  }, 600_000);
});
