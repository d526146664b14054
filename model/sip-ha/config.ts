import { checkFields } from '../kernel/config.ts';

/** One deployment of a SIP Server hot-standby pair under test. */
export interface SipHaConfig {
  /** Number of call ids (c1..cN); a released id may be used by a later call. */
  readonly calls: number;
  /** Number of agents (a1..aN) whose state the pair synchronizes. */
  readonly agents: number;
  /** Faults (crashes, partitions, link drops, lost sync messages) allowed in one run. */
  readonly faultBudget: number;
  /** SCS↔LCA ADDP timeout; a break is noticed after twice this (silence, then the poll). */
  readonly addpTimeoutMs: number;
  /** SCS `disconnect-switchover-timeout`: wait and re-check before switching over; 0 is off. */
  readonly disconnectSwitchoverTimeoutMs: number;
  /** whether switchover fences a disconnected old primary (no split brain at all). */
  readonly fencing: boolean;
  /** Whether a sync message on a connected HA link can be lost (a fault). */
  readonly messageLoss: boolean;
}

const base: SipHaConfig = {
  calls: 2,
  agents: 1,
  faultBudget: 2,
  addpTimeoutMs: 9000,
  disconnectSwitchoverTimeoutMs: 0,
  fencing: false,
  messageLoss: true,
};

export const configs = {
  default: base,
  small: { ...base, calls: 1, faultBudget: 1 },
  recheck: { ...base, calls: 1, disconnectSwitchoverTimeoutMs: 5000 },
  fencing: { ...base, calls: 1, fencing: true },
  // The benchmark's state space: 1,147,210 states, explored completely.
  bench: { ...base, calls: 2, agents: 0, faultBudget: 2 },
} satisfies Record<string, SipHaConfig>;

const rules = {
  integers: {
    calls: [0, 6],
    agents: [0, 4],
    faultBudget: [0, 10],
    addpTimeoutMs: [1, 3_600_000],
    disconnectSwitchoverTimeoutMs: [0, 3_600_000],
  },
  booleans: ['fencing', 'messageLoss'],
} as const;

/** Parses an untrusted value (a trace's or the CLI's config) into a SipHaConfig. */
export function validate(input: unknown): SipHaConfig {
  const config = checkFields('sip-ha', input, base, rules);
  return config as unknown as SipHaConfig;
}
