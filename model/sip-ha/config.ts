import { ConfigError } from '../kernel/model.ts';

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

const limits = {
  calls: [0, 6],
  agents: [0, 4],
  faultBudget: [0, 10],
  addpTimeoutMs: [1, 3_600_000],
  disconnectSwitchoverTimeoutMs: [0, 3_600_000],
} as const;

/** Parses an untrusted value (a trace's or the CLI's config) into a SipHaConfig. */
export function validate(input: unknown): SipHaConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('sip-ha config must be an object');
  }
  const raw = input as Record<string, unknown>;
  const known = new Set(Object.keys(base));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      throw new ConfigError(
        `sip-ha config has unknown field '${key}'; known: ${[...known].join(', ')}`,
      );
    }
  }
  const config = { ...base, ...raw } as Record<string, unknown>;
  for (const [field, [min, max]] of Object.entries(limits)) {
    const value = config[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(
        `sip-ha config field '${field}' must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
      );
    }
  }
  for (const field of ['fencing', 'messageLoss']) {
    if (typeof config[field] !== 'boolean') {
      throw new ConfigError(
        `sip-ha config field '${field}' must be true or false, got ${JSON.stringify(config[field])}`,
      );
    }
  }
  return config as unknown as SipHaConfig;
}
