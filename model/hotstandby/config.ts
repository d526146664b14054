import { checkFields } from '../kernel/config.ts';

/**
 * The reference hot-standby pair of the benchmark (../shared/bench/hotstandby/HotStandby.tla),
 * bounded by the number of call ids and a fault budget.
 */
export interface HotStandbyConfig {
  /** Number of call ids (0..calls-1). */
  readonly calls: number;
  /** Crashes allowed in one run (the TLA+ text's MaxFaults). */
  readonly maxFaults: number;
}

const base: HotStandbyConfig = { calls: 3, maxFaults: 2 };

export const configs = {
  default: base,
  // 55,001 distinct states, depth 26 (the figure TLC, Rumur and SPIN agree on).
  c3: base,
  // 1,011,867 distinct states, depth 32 (HotStandby_ok_c4.cfg).
  c4: { ...base, calls: 4 },
} satisfies Record<string, HotStandbyConfig>;

const rules = { integers: { calls: [0, 8], maxFaults: [0, 10] } } as const;

/** Parses an untrusted value (a trace's or the CLI's config) into a HotStandbyConfig. */
export function validate(input: unknown): HotStandbyConfig {
  return checkFields('hotstandby', input, base, rules) as unknown as HotStandbyConfig;
}
