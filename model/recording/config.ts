import { checkFields } from '../kernel/config.ts';
import { ConfigError } from '../kernel/model.ts';
import {
  type SipHaConfig,
  configs as sipConfigs,
  validate as validateSip,
} from '../sip-ha/config.ts';

/** What SIP Server's recording request for one call carries (the Request-URI parameters). */
export interface RecordingRequest {
  /** The tenant SIP Server's request comes from. */
  readonly tenant: string;
  /** An IVR Profile named by parameter (gvp-tenant-id or profile header), or null. */
  readonly profileParameter: string | null;
  /** The dialed number (DNIS) of the call. */
  readonly dialedNumber: string;
}

export interface TenantConfig {
  /** The IVR Profile used when neither the parameter nor the dialed number selects one. */
  readonly defaultProfile: string;
  /** DNIS-based mapping: dialed number → IVR Profile. */
  readonly dialedNumbers: Readonly<Record<string, string>>;
}

/** One deployment of the recording path: a SIP Server pair, an RM pair and an MCP pool. */
export interface RecordingConfig {
  /** The SIP Server pair; its `calls` is the number of calls, its fault budget its own. */
  readonly sip: SipHaConfig;
  /** the Resource Manager pair's HA mode. */
  readonly rmMode: 'active-standby' | 'active-active';
  /** whether a session reaches the peer RM in the step that creates it, or later. */
  readonly replication: 'synchronous' | 'lagged';
  /** Number of MCPs (mcp1..mcpN) in the logical resource group. */
  readonly mcps: number;
  /** The group's load-balancing method. */
  readonly balancing: 'round-robin' | 'least-used';
  /** RM and MCP crashes allowed in one run (SIP Server faults spend `sip.faultBudget`). */
  readonly faultBudget: number;
  /** Time for RM to notice a dead MCP (its OPTIONS pings go unanswered). */
  readonly mcpDetectMs: number;
  /** Time for the surviving RM (and SIP Server) to notice a dead RM (heartbeat). */
  readonly rmDetectMs: number;
  /** how long SIP Server waits before retrying a failed re-record request. */
  readonly retryIntervalMs: number;
  /** retries after the first failed re-record request. */
  readonly maxRecordRetries: number;
  /** what happens to the audio of a segment open when its MCP crashes. */
  readonly preCrashAudio: 'kept' | 'lost';
  /** Where MCP writes finished recordings, by deployment type. */
  readonly storage: 's3' | 'disk';
  /** IVR Profile → the tenant that owns it. */
  readonly profiles: Readonly<Record<string, string>>;
  readonly tenants: Readonly<Record<string, TenantConfig>>;
  /** The recording request of call c(i+1) is `requests[i]`. */
  readonly requests: readonly RecordingRequest[];
}

/** SIP Server pair inside the recording path: no agents, no lost sync messages. */
const sip: SipHaConfig = { ...sipConfigs.small, agents: 0, messageLoss: false };

const base: RecordingConfig = {
  sip: { ...sip, calls: 2, faultBudget: 1 },
  rmMode: 'active-active',
  replication: 'synchronous',
  mcps: 3,
  balancing: 'round-robin',
  faultBudget: 2,
  mcpDetectMs: 4000,
  rmDetectMs: 3000,
  retryIntervalMs: 2000,
  maxRecordRetries: 1,
  preCrashAudio: 'kept',
  storage: 's3',
  profiles: { sales: 't1', support: 't1', t1default: 't1', t2default: 't2' },
  tenants: {
    t1: { defaultProfile: 't1default', dialedNumbers: { '5550100': 'support' } },
    t2: { defaultProfile: 't2default', dialedNumbers: {} },
  },
  requests: [
    // Call 1 names its profile; its dialed number would select another profile of t1.
    { tenant: 't1', profileParameter: 'sales', dialedNumber: '5550100' },
    // Call 2 names a profile of another tenant, which RM must not use.
    { tenant: 't2', profileParameter: 'sales', dialedNumber: '5550199' },
  ],
};

/** One call, two MCPs, one RM or MCP fault and one SIP Server fault: searched completely. */
const small: RecordingConfig = {
  ...base,
  sip: { ...sip, calls: 1, faultBudget: 1 },
  rmMode: 'active-standby',
  mcps: 2,
  faultBudget: 1,
};

/** Two RM or MCP faults and no SIP Server fault, in one RM mode: searched completely. */
const pairOnly = (rmMode: RecordingConfig['rmMode']): RecordingConfig => ({
  ...small,
  sip: { ...small.sip, faultBudget: 0 },
  rmMode,
  faultBudget: 2,
});

/**
 * Issue 3's deployment exactly (2 RMs, 3 MCPs, 2 calls, 2 RM or MCP faults), searched completely:
 * `default` with SIP Server's own fault budget at 0. Issue 3's fault budget is the RM and MCP
 * faults; SIP Server failover is checked by sip-ha and, composed with recording, by `small`,
 * `lagged` and `audio-lost`. With one SIP Server fault as well the space is too big to finish.
 */
const exhaustive: RecordingConfig = { ...base, sip: { ...base.sip, faultBudget: 0 } };

export const configs = {
  // The deployment: 2 RMs, 3 MCPs, 2 calls, 2 RM or MCP faults (too big to search completely).
  default: base,
  exhaustive,
  small,
  'active-standby': pairOnly('active-standby'),
  'active-active': pairOnly('active-active'),
  lagged: { ...small, replication: 'lagged' },
  // Also the middle level of profile selection: no profile named, the dialed number decides.
  'audio-lost': {
    ...small,
    preCrashAudio: 'lost',
    storage: 'disk',
    balancing: 'least-used',
    requests: [{ tenant: 't1', profileParameter: null, dialedNumber: '5550100' }],
  },
  // no other MCP to go to; the call is recorded again only once the MCP is back.
  'single-mcp': { ...small, sip: { ...small.sip, faultBudget: 0 }, mcps: 1 },
  // Two calls, least used, no retries, no SIP Server fault: the tightest gap bound (one detection).
  'no-retry': {
    ...small,
    sip: { ...small.sip, calls: 2, faultBudget: 0 },
    balancing: 'least-used',
    maxRecordRetries: 0,
  },
} satisfies Record<string, RecordingConfig>;

const rules = {
  integers: {
    mcps: [1, 6],
    faultBudget: [0, 6],
    mcpDetectMs: [1, 3_600_000],
    rmDetectMs: [1, 3_600_000],
    retryIntervalMs: [1, 3_600_000],
    maxRecordRetries: [0, 5],
  },
  choices: {
    rmMode: ['active-standby', 'active-active'],
    replication: ['synchronous', 'lagged'],
    balancing: ['round-robin', 'least-used'],
    preCrashAudio: ['kept', 'lost'],
    storage: ['s3', 'disk'],
  },
} as const;

function fail(message: string): never {
  throw new ConfigError(`recording config ${message}`);
}

/** Parses an untrusted value (a trace's or the CLI's config) into a RecordingConfig. */
export function validate(input: unknown): RecordingConfig {
  const config = checkFields('recording', input, base, rules);
  const sipConfig = validateSip(config.sip);
  if (sipConfig.agents !== 0 || sipConfig.messageLoss)
    fail("field 'sip' must have agents 0 and messageLoss false (left out of the recording path)");
  const result = { ...config, sip: sipConfig } as unknown as RecordingConfig;
  validateTenancy(result);
  return result;
}

/** Every profile, tenant and request refers to things that exist; one request per call. */
function validateTenancy(config: RecordingConfig): void {
  if (!Array.isArray(config.requests) || config.requests.length < config.sip.calls)
    fail(`field 'requests' must list one request per call (${config.sip.calls})`);
  for (const [name, tenant] of Object.entries(config.tenants ?? {})) {
    if (config.profiles?.[tenant.defaultProfile] !== name)
      fail(`tenant '${name}' has default profile '${tenant.defaultProfile}' it does not own`);
    for (const profile of Object.values(tenant.dialedNumbers ?? {})) {
      if (config.profiles[profile] !== name)
        fail(`tenant '${name}' maps a dialed number to profile '${profile}' it does not own`);
    }
  }
  config.requests.forEach((r, i) => {
    if (config.tenants[r.tenant] === undefined)
      fail(`request ${i + 1} names unknown tenant '${r.tenant}'`);
  });
}
