/** The progress of a long search: the level estimate, and plain lines where stderr is no terminal. */
import { describe, expect, it } from 'vitest';
import { LevelTracker, PLAIN_EVERY_MS, searchProgress } from '../../cli/progress.ts';

describe('progress: the level estimate', () => {
  it('counts a level as one thread expands it', () => {
    const t = new LevelTracker();
    // Depth 5 first seen: 300 states found, 100 of them on the frontier (the level).
    const first = t.update({ depth: 5, distinct: 300, frontier: 100, elapsedMs: 1000 });
    expect(first).toMatchObject({ depth: 5, levelSize: 100, done: 0, rate: 200 });
    expect(first.etaMs).toBe(500);
    // 60 of the level expanded (40 left), 40 of the next level found: the frontier holds both.
    const later = t.update({ depth: 5, distinct: 340, frontier: 80, elapsedMs: 1300 });
    expect(later).toMatchObject({ levelSize: 100, done: 60, rate: 200 });
    expect(later.etaMs).toBe(200);
    // A new depth starts a new level.
    expect(t.update({ depth: 6, distinct: 400, frontier: 100, elapsedMs: 1600 })).toMatchObject({
      depth: 6,
      levelSize: 100,
      done: 0,
    });
  });

  it('estimates by the rate of earlier levels when the workers count only at level ends', () => {
    const t = new LevelTracker(false);
    t.update({ depth: 3, distinct: 1000, frontier: 400, elapsedMs: 2000 });
    // A second later (the states found meanwhile are of the next level, not expanded ones):
    // 300 states/s of earlier levels, so about 300 done.
    const e = t.update({ depth: 3, distinct: 1200, frontier: 400, elapsedMs: 3000 });
    expect(e).toMatchObject({ levelSize: 400, done: 300, rate: 300 });
    expect(e.etaMs).toBeCloseTo((100 * 1000) / 300);
    // Past the estimate the level is still open: below 100 %, and no ETA.
    const late = t.update({ depth: 3, distinct: 1500, frontier: 400, elapsedMs: 9000 });
    expect(late.done).toBeLessThan(400);
    expect(late.etaMs).toBeUndefined();
  });

  it('has no ETA before it has a rate', () => {
    const e = new LevelTracker().update({ depth: 0, distinct: 1, frontier: 1, elapsedMs: 0 });
    expect(e.etaMs).toBeUndefined();
  });
});

describe('progress: plain lines when stderr is not a terminal', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = {
      isTTY: false,
      write: (s: string) => lines.push(s),
    } as unknown as NodeJS.WriteStream;
    return { lines, stream };
  };

  it('writes nothing for a short search, then one line every few seconds', () => {
    const { lines, stream } = capture();
    const view = searchProgress('sip-ha/default', 1, stream);
    for (let ms = 1000; ms < PLAIN_EVERY_MS; ms += 1000)
      view.update({ depth: 2, distinct: ms, frontier: 10, elapsedMs: ms });
    expect(lines).toEqual([]);
    for (let ms = PLAIN_EVERY_MS; ms <= 3 * PLAIN_EVERY_MS; ms += 1000)
      view.update({ depth: 4, distinct: ms * 10, frontier: 5000, elapsedMs: ms });
    view.stop();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^progress sip-ha\/default: depth 4, 50,000 states, [\d,]+ states\/s, [\d,]+ MB; level 4: \d+ % of 5,000, ETA (\d+ s|[\d.]+ min|\?)\n$/,
    );
  });
});
