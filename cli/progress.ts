/**
 * Progress of a long search, on stderr: on a terminal a bar of the current level (cli-progress)
 * with states, depth, states per second, memory and the level's ETA; elsewhere (CI logs, pipes) a
 * plain line every few seconds, and nothing for a search shorter than that.
 *
 * The explorer reports its depth, distinct states and frontier about once a second. What a level
 * holds and how far into it the search is are estimated from those (levelEstimate): the states
 * expanded so far are the distinct states not on the frontier, and a level's size is the frontier
 * when its depth is first seen. The parallel explorer counts states at the end of each level, so
 * within a level its progress is estimated from the rate of the levels before.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { ExploreProgress } from '../properties/engine/explore.ts';

/** Seconds between plain progress lines when stderr is not a terminal. */
export const PLAIN_EVERY_MS = 5_000;

export interface LevelEstimate {
  readonly depth: number;
  /** States of the current level (an estimate for one thread: it may include a few of the next). */
  readonly levelSize: number;
  /** Of them, those expanded: counted (one thread) or estimated from the rate (workers). */
  readonly done: number;
  /** States expanded per second so far, or 0 before there is a measure. */
  readonly rate: number;
  /** Estimated milliseconds left in the level, or undefined before there is a rate. */
  readonly etaMs: number | undefined;
}

interface Level {
  readonly depth: number;
  readonly size: number;
  readonly startMs: number;
  readonly expandedAtStart: number;
  readonly rateAtStart: number;
}

/** Follows the explorer's reports and estimates the current level's size, progress and ETA. */
export class LevelTracker {
  private level: Level | undefined;

  /**
   * `counted`: whether the reports count the states expanded as they go (one thread). Workers'
   * reports count the states found, not those expanded, so a level's progress is then estimated
   * from the rate of the levels before it alone.
   */
  constructor(private readonly counted = true) {}

  update(p: ExploreProgress): LevelEstimate {
    const expanded = Math.max(0, p.distinct - p.frontier);
    const overall = p.elapsedMs > 0 ? (expanded * 1000) / p.elapsedMs : 0;
    if (this.level === undefined || this.level.depth !== p.depth)
      this.level = {
        depth: p.depth,
        size: p.frontier,
        startMs: p.elapsedMs,
        expandedAtStart: expanded,
        rateAtStart: overall,
      };
    const level = this.level;
    if (this.counted) {
      const rate = Math.max(overall, level.rateAtStart);
      const done = Math.min(level.size, expanded - level.expandedAtStart);
      return {
        depth: p.depth,
        levelSize: level.size,
        done,
        rate,
        etaMs: rate > 0 ? ((level.size - done) * 1000) / rate : undefined,
      };
    }
    const rate = level.rateAtStart;
    const byTime = (rate * (p.elapsedMs - level.startMs)) / 1000;
    // Past the estimate the level is still open: its share stays below 100 % and its ETA unknown.
    const over = byTime >= level.size;
    return {
      depth: p.depth,
      levelSize: level.size,
      done: Math.round(over ? level.size * 0.99 : byTime),
      rate,
      etaMs: rate > 0 && !over ? ((level.size - byTime) * 1000) / rate : undefined,
    };
  }
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const mb = (bytes: number) => `${n(bytes / 2 ** 20)} MB`;
const eta = (ms: number | undefined) =>
  ms === undefined
    ? '?'
    : ms < 60_000
      ? `${Math.ceil(ms / 1000)} s`
      : `${(ms / 60_000).toFixed(1)} min`;

export interface SearchProgress {
  readonly update: (p: ExploreProgress) => void;
  /** Ends the bar (or the lines); the report that follows starts on a clean line. */
  readonly stop: () => void;
}

/** The progress of one search, named by its model and config. */
export function searchProgress(
  name: string,
  workers: number,
  stream: NodeJS.WriteStream = process.stderr,
): SearchProgress {
  const tracker = new LevelTracker(workers === 1);
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: `${name} depth {depth} [{bar}] {percentage}% of the level | {states} states | {rate} states/s | {memory} | level ETA {levelEta}`,
        hideCursor: false,
        clearOnComplete: true,
        stopOnComplete: false,
        etaBuffer: 1,
      },
      Presets.shades_classic,
    );
    let started = false;
    let ended = false;
    return {
      update: (p) => {
        if (ended) return;
        const e = tracker.update(p);
        const payload = {
          depth: e.depth,
          states: n(p.distinct),
          rate: n(e.rate),
          memory: mb(process.memoryUsage.rss()),
          levelEta: eta(e.etaMs),
        };
        if (!started) {
          bar.start(Math.max(1, e.levelSize), e.done, payload);
          started = true;
        } else {
          bar.setTotal(Math.max(1, e.levelSize));
          bar.update(e.done, payload);
        }
      },
      stop: () => {
        if (started && !ended) bar.stop();
        ended = true;
      },
    };
  }
  let last = 0;
  let ended = false;
  return {
    update: (p) => {
      if (ended) return;
      const e = tracker.update(p);
      if (p.elapsedMs - last < PLAIN_EVERY_MS) return;
      last = p.elapsedMs;
      const share = e.levelSize > 0 ? Math.floor((100 * e.done) / e.levelSize) : 0;
      stream.write(
        `progress ${name}: depth ${e.depth}, ${n(p.distinct)} states, ${n(e.rate)} states/s, ${mb(process.memoryUsage.rss())}; level ${e.depth}: ${share} % of ${n(e.levelSize)}, ETA ${eta(e.etaMs)}\n`,
      );
    },
    stop: () => {
      ended = true;
    },
  };
}
