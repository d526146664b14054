import { checkFields } from '../kernel/config.ts';
import { ConfigError } from '../kernel/model.ts';
import type { PoolSizing } from '../kernel/n-plus-one.ts';
import {
  type RecordingConfig,
  configs as recordingConfigs,
  validate as validateRecording,
} from '../recording/config.ts';

/** A SpeechMiner machine and the UNC path it maps for the shared storage. */
export interface SpeechMinerMachine {
  readonly name: string;
  readonly uncPath: string;
}

/** One deployment of the recording back end, fed by a recording path. */
export interface BackendConfig {
  /** The recording path whose stored segments flow into the back end (composed, not copied). */
  readonly recording: RecordingConfig;
  /** the Recording Processor pair's mode. */
  readonly processorMode: 'active-active' | 'active-backup';
  /** Interaction Recording Web Services nodes (ws1..wsN), an N+1 pool. */
  readonly webServices: number;
  /** Cassandra nodes (cass1..cassN). */
  readonly cassandraNodes: number;
  /** Copies of each row; the replicas of a row are the first `replicationFactor` nodes. */
  readonly replicationFactor: number;
  /** Replicas that must answer a write (for its acknowledgement) and a read. */
  readonly consistency: 'one' | 'quorum' | 'all';
  /** SpeechMiner Interaction Receivers (ir1..irN), an N+1 pool. */
  readonly receivers: number;
  /** SpeechMiner UI instances (ui1..uiN), an N+1 pool; playback goes through one. */
  readonly uiInstances: number;
  /** Load and per-member capacity of each N+1 pool, for the sizing check. */
  readonly sizing: Readonly<Record<'webServices' | 'receivers' | 'uiInstances', PoolSizing>>;
  /** how long a standby waits without seeing an active member before it takes over. */
  readonly takeoverMs: number;
  /** Back-end faults allowed in one run (crashes, partitions, failed storage writes). */
  readonly faultBudget: number;
  /** Whether the standby pairs (Processor in active-backup, Scheduler) can be partitioned. */
  readonly partitions: boolean;
  /** IVR Profile → the key its `recording-certificates` annex names (MCP encrypts with it). */
  readonly certificates: Readonly<Record<string, string>>;
  /** Recording Crypto Server key store: key → the tenant that owns it. */
  readonly keystore: Readonly<Record<string, string>>;
  /** The SpeechMiner machines and the UNC path each maps. */
  readonly speechMiner: readonly SpeechMinerMachine[];
}

/** One call recorded on one MCP, no fault on the recording path: exactly one segment. */
const oneSegment: RecordingConfig = {
  ...recordingConfigs['single-mcp'],
  sip: { ...recordingConfigs['single-mcp'].sip, faultBudget: 0 },
  faultBudget: 0,
};

const base: BackendConfig = {
  recording: oneSegment,
  processorMode: 'active-active',
  webServices: 2,
  cassandraNodes: 3,
  replicationFactor: 3,
  consistency: 'quorum',
  receivers: 2,
  uiInstances: 2,
  sizing: {
    webServices: { load: 100, capacity: 100 },
    receivers: { load: 50, capacity: 50 },
    uiInstances: { load: 20, capacity: 20 },
  },
  takeoverMs: 10_000,
  faultBudget: 2,
  partitions: false,
  certificates: { sales: 'k-sales', support: 'k-support', t1default: 'k-t1', t2default: 'k-t2' },
  keystore: { 'k-sales': 't1', 'k-support': 't1', 'k-t1': 't1', 'k-t2': 't2' },
  speechMiner: [
    { name: 'sm-ui', uncPath: '\\\\nas1\\speechminer' },
    { name: 'sm-receiver', uncPath: '\\\\nas1\\speechminer' },
    { name: 'sm-uplatform', uncPath: '\\\\nas1\\speechminer' },
  ],
};

export const configs = {
  // A recorded call through storage, the Processor pair (active-active), Web Services on
  // Cassandra and SpeechMiner, with two back-end faults.
  default: base,
  // The Processor pair in active-backup mode, with partitions of the standby pairs.
  'active-backup': { ...base, processorMode: 'active-backup', partitions: true, faultBudget: 2 },
  // The call's MCP fails mid-recording: two segments (the first kept, A-9) reach the back end,
  // which has no fault of its own here (with one, the search passes 3 million states).
  'mcp-failure': {
    ...base,
    recording: { ...oneSegment, mcps: 2, faultBudget: 1 },
    faultBudget: 0,
  },
} satisfies Record<string, BackendConfig>;

const rules = {
  integers: {
    webServices: [1, 5],
    cassandraNodes: [1, 7],
    replicationFactor: [1, 7],
    receivers: [1, 5],
    uiInstances: [1, 5],
    takeoverMs: [1, 3_600_000],
    faultBudget: [0, 6],
  },
  choices: {
    processorMode: ['active-active', 'active-backup'],
    consistency: ['one', 'quorum', 'all'],
  },
  booleans: ['partitions'],
} as const;

function fail(message: string): never {
  throw new ConfigError(`backend config ${message}`);
}

/** Parses an untrusted value (a trace's or the CLI's config) into a BackendConfig. */
export function validate(input: unknown): BackendConfig {
  const config = checkFields('backend', input, base, rules);
  const result = {
    ...config,
    recording: validateRecording(config.recording),
  } as unknown as BackendConfig;
  if (result.replicationFactor > result.cassandraNodes)
    fail(
      `field 'replicationFactor' (${result.replicationFactor}) must not exceed 'cassandraNodes' (${result.cassandraNodes})`,
    );
  validateSizing(result);
  validateKeys(result);
  validateSharedStorage(result.speechMiner);
  return result;
}

function validateSizing(config: BackendConfig): void {
  for (const pool of ['webServices', 'receivers', 'uiInstances'] as const) {
    const s = config.sizing?.[pool];
    if (
      typeof s?.load !== 'number' ||
      typeof s.capacity !== 'number' ||
      s.load < 0 ||
      s.capacity <= 0
    )
      fail(`field 'sizing.${pool}' must be { load >= 0, capacity > 0 }`);
  }
}

/** Every IVR Profile names a key the Crypto Servers hold, owned by the profile's tenant. */
function validateKeys(config: BackendConfig): void {
  for (const [profile, tenant] of Object.entries(config.recording.profiles)) {
    const key = config.certificates?.[profile];
    if (key === undefined) fail(`IVR Profile '${profile}' names no recording certificate`);
    const owner = config.keystore?.[key];
    if (owner === undefined)
      fail(`key '${key}' of IVR Profile '${profile}' is not in the Crypto Server key store`);
    if (owner !== tenant)
      fail(`key '${key}' of IVR Profile '${profile}' belongs to ${owner}, not to ${tenant}`);
  }
}

/** GIR "SpeechMiner": all machines must refer to the same UNC path of the shared storage. */
export function validateSharedStorage(machines: readonly SpeechMinerMachine[]): void {
  if (!Array.isArray(machines) || machines.length === 0)
    fail(`field 'speechMiner' must list the SpeechMiner machines and their UNC paths`);
  const first = machines[0]!;
  for (const m of machines) {
    if (typeof m?.uncPath !== 'string' || !m.uncPath.startsWith('\\\\'))
      fail(`SpeechMiner machine '${m?.name}' must map a UNC path (\\\\server\\share)`);
    if (m.uncPath.toLowerCase() !== first.uncPath.toLowerCase())
      fail(
        `SpeechMiner machines must refer to the same UNC path: ${first.name} maps ${first.uncPath}, ${m.name} maps ${m.uncPath}`,
      );
  }
}
