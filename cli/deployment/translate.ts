/**
 * A deployment, in Genesys terms, turned into one config per model: each model takes the part it
 * needs, and what the file leaves out comes from the model's `default` config. The plan also
 * holds the effective values (printed before the search), how values the models cannot search
 * were reduced, and the deployment's names for the models' own ids (a1, site A, sip1, rm1, mcp1).
 */
import { type BackendConfig, configs as backendConfigs } from '../../model/backend/config.ts';
import { type BcConfig, configs as bcConfigs, type Site } from '../../model/bc/config.ts';
import {
  type RecordingConfig,
  type RecordingRequest,
  configs as recordingConfigs,
  type TenantConfig,
} from '../../model/recording/config.ts';
import { type SipHaConfig, configs as sipConfigs } from '../../model/sip-ha/config.ts';
import { DeploymentError, type DeploymentSource, type FieldPath, fieldName } from './load.ts';

/** The file's shape, as the schema allows it (validated before it gets here). */
export interface Deployment {
  readonly name?: string;
  readonly sites?: readonly [string, string];
  readonly 'solution-control-server'?: {
    readonly 'addp-timeout'?: number;
    readonly 'disconnect-switchover-timeout'?: number;
  };
  readonly 'sip-server'?: { readonly hosts?: readonly [string, string] };
  readonly 'resource-manager'?: {
    readonly hosts?: readonly [string, string];
    readonly 'cluster.ha-mode'?: RecordingConfig['rmMode'];
    readonly 'heartbeat-detect-time'?: number;
  };
  readonly 'media-control-platform'?: {
    readonly hosts?: readonly string[];
    readonly count?: number;
    readonly 'load-balancing'?: RecordingConfig['balancing'];
    readonly 'options-ping-detect-time'?: number;
    readonly storage?: RecordingConfig['storage'];
  };
  readonly tenants?: Readonly<
    Record<
      string,
      {
        readonly 'ivr-profiles': readonly string[];
        readonly 'default-ivr-profile': string;
        readonly dnis?: Readonly<Record<string, string>>;
      }
    >
  >;
  readonly 'recorded-calls'?: readonly {
    readonly tenant: string;
    readonly 'ivr-profile'?: string | null;
    readonly 'dialed-number'?: string;
  }[];
  readonly 'business-continuity'?: {
    readonly 'tenant-preferred-site'?: string;
    readonly 'agent-groups'?: readonly {
      readonly name: string;
      readonly 'preferred-site'?: string | null;
    }[];
    readonly agents?: readonly {
      readonly name: string;
      readonly groups?: readonly string[];
      readonly 'preferred-site'?: string | null;
      readonly 'desktop-site'?: string;
    }[];
    readonly 'local-failover-time'?: number;
    readonly 'stat-server'?: boolean;
  };
  readonly workspace?: {
    readonly 'disaster-recovery.timeout'?: number;
    readonly 'detection-time'?: number;
    readonly 'stat-server-triggers-dr'?: boolean;
  };
  readonly 'recording-processor'?: { readonly mode?: BackendConfig['processorMode'] };
  readonly 'interaction-recording-web-services'?: { readonly nodes?: number };
  readonly cassandra?: {
    readonly nodes?: number;
    readonly 'replication-factor'?: number;
    readonly 'consistency-level'?: 'ONE' | 'QUORUM' | 'ALL';
  };
  readonly speechminer?: {
    readonly 'interaction-receivers'?: number;
    readonly 'ui-instances'?: number;
    readonly machines?: readonly { readonly name: string; readonly 'unc-path': string }[];
    readonly 'scheduler-takeover-time'?: number;
  };
  readonly check?: { readonly calls?: number; readonly faults?: number };
}

/** The four models a deployment is checked on, in the order the report shows them. */
export const DEPLOYMENT_MODELS = ['sip-ha', 'recording', 'bc', 'backend'] as const;
export type DeploymentModel = (typeof DEPLOYMENT_MODELS)[number];

export interface DeploymentPlan {
  readonly name: string;
  readonly file: string;
  readonly configs: {
    readonly 'sip-ha': SipHaConfig;
    readonly recording: RecordingConfig;
    readonly bc: BcConfig;
    readonly backend: BackendConfig;
  };
  /** One line per setting: the field, its effective value, and whether the file set it. */
  readonly effective: readonly string[];
  /** How values the models cannot search as given were reduced. */
  readonly reductions: readonly string[];
  /** Per model, its ids → the deployment's names. */
  readonly names: Readonly<Record<DeploymentModel, Readonly<Record<string, string>>>>;
}

/** Pool sizes searched as given up to this; a larger pool is searched as faults + 1 members. */
export const SEARCHED_POOL = 3;
/** At most this many kinds of agent (the bc model's own limit). */
const MAX_AGENT_KINDS = 4;
/** The models' own limits (model/recording/config.ts, model/backend/config.ts). */
const MAX_MCPS = 6;
const MAX_BACKEND_POOL = 5;
/** Cassandra nodes the back end searches; more are searched as the replicas. */
const MAX_CASSANDRA = 7;

const ms = (seconds: number) => seconds * 1000;

export function planDeployment(source: DeploymentSource): DeploymentPlan {
  const d = source.value as Deployment;
  const fail = (path: FieldPath, message: string, key = false): never => {
    throw new DeploymentError(`${source.where(path, key)}: field '${fieldName(path)}' ${message}`);
  };
  const effective: string[] = [];
  const reductions: string[] = [];
  const names: Record<string, string> = {};
  /** Records an effective value; `given` says whether the file set it. */
  const set = <T>(field: string, given: T | undefined, fallback: T, unit = ''): T => {
    const value = given ?? fallback;
    const shown = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
    effective.push(`${field}: ${shown}${unit}${given === undefined ? '  (model default)' : ''}`);
    return value;
  };

  const sip0 = sipConfigs.default;
  const rec0 = recordingConfigs.default;
  const bc0 = bcConfigs.default;
  const back0 = backendConfigs.default;
  const faults = d.check?.faults;
  const calls = d.check?.calls;

  // Sites: the first is the model's site A, the second site B.
  const sites = d.sites ?? (['A', 'B'] as const);
  names.A = sites[0];
  names.B = sites[1];
  // Where the file gives each name, for an error that points at it.
  const namePaths: Record<string, FieldPath> = { A: ['sites', 0], B: ['sites', 1] };
  set('sites', d.sites, ['A', 'B']);
  const siteOf = (path: FieldPath, name: string): Site => {
    const i = sites.indexOf(name);
    if (i < 0) fail(path, `names site '${name}', which is not one of sites (${sites.join(', ')})`);
    return i === 0 ? 'A' : 'B';
  };

  // Solution Control Server and the SIP Server pair.
  const scs = d['solution-control-server'] ?? {};
  const addp = set(
    'solution-control-server.addp-timeout',
    scs['addp-timeout'],
    sip0.addpTimeoutMs / 1000,
    ' s',
  );
  const dst = set(
    'solution-control-server.disconnect-switchover-timeout',
    scs['disconnect-switchover-timeout'],
    sip0.disconnectSwitchoverTimeoutMs / 1000,
    ' s',
  );
  const sipHosts = set('sip-server.hosts', d['sip-server']?.hosts, ['sip1', 'sip2']);
  names.sip1 = sipHosts[0]!;
  names.sip2 = sipHosts[1]!;
  namePaths.sip1 = ['sip-server', 'hosts', 0];
  namePaths.sip2 = ['sip-server', 'hosts', 1];
  const sipTiming = { addpTimeoutMs: ms(addp), disconnectSwitchoverTimeoutMs: ms(dst) };
  const sipHa: SipHaConfig = {
    ...sip0,
    ...sipTiming,
    calls: set('check.calls (sip-ha)', calls, sip0.calls),
    faultBudget: set('check.faults (sip-ha)', faults, sip0.faultBudget),
  };

  // The recording path: RM pair, MCP pool, tenants.
  const rm = d['resource-manager'] ?? {};
  const rmHosts = set('resource-manager.hosts', rm.hosts, ['rm1', 'rm2']);
  names.rm1 = rmHosts[0]!;
  names.rm2 = rmHosts[1]!;
  namePaths.rm1 = ['resource-manager', 'hosts', 0];
  namePaths.rm2 = ['resource-manager', 'hosts', 1];
  const mcp = d['media-control-platform'] ?? {};
  if (mcp.hosts !== undefined && mcp.count !== undefined)
    fail(
      ['media-control-platform', 'count'],
      'goes with hosts left out: give either hosts or count',
      true,
    );
  const recFaults = set('check.faults (recording: RM and MCP faults)', faults, rec0.faultBudget);
  const pool = mcp.hosts?.length ?? mcp.count;
  const mcps = reducePool(
    'media-control-platform',
    'MCPs',
    pool,
    rec0.mcps,
    recFaults,
    MAX_MCPS,
    reductions,
  );
  for (let i = 1; i <= mcps; i++) {
    names[`mcp${i}`] = mcp.hosts?.[i - 1] ?? `mcp${i}`;
    namePaths[`mcp${i}`] = ['media-control-platform', 'hosts', i - 1];
  }
  const searched = Array.from({ length: mcps }, (_, i) => names[`mcp${i + 1}`]!);
  effective.push(
    `media-control-platform (MCPs searched): ${mcps} (${searched.join(', ')})${pool === undefined ? '  (model default)' : ''}`,
  );
  const tenancy = tenantsOf(d, fail, rec0);
  const recCalls = set(
    calls === undefined && d['recorded-calls'] !== undefined
      ? 'check.calls (recording, one per recorded-calls entry)'
      : 'check.calls (recording)',
    calls ?? d['recorded-calls']?.length,
    rec0.sip.calls,
  );
  const requests = requestsOf(d, fail, tenancy, recCalls, reductions);
  effective.push(
    `tenants: ${Object.keys(tenancy.tenants).join(', ')}${d.tenants === undefined ? '  (model default)' : ''}`,
    ...requests.map(
      (r, i) =>
        `recorded call c${i + 1}: tenant ${r.tenant}, ivr-profile ${r.profileParameter ?? 'none named'}, dialed number ${r.dialedNumber}${d['recorded-calls'] === undefined ? '  (derived)' : ''}`,
    ),
  );
  const rmMode = set('resource-manager.cluster.ha-mode', rm['cluster.ha-mode'], rec0.rmMode);
  const storage = set('media-control-platform.storage', mcp.storage, rec0.storage);
  const recording: RecordingConfig = {
    ...rec0,
    sip: {
      ...rec0.sip,
      ...sipTiming,
      calls: recCalls,
      // SIP Server's own failover is sip-ha's to check; the recording path keeps its default.
      faultBudget: set(
        'check.faults (recording: SIP Server faults, not set by check.faults)',
        undefined,
        rec0.sip.faultBudget,
      ),
    },
    rmMode,
    mcps,
    balancing: set('media-control-platform.load-balancing', mcp['load-balancing'], rec0.balancing),
    faultBudget: recFaults,
    mcpDetectMs: ms(
      set(
        'media-control-platform.options-ping-detect-time',
        mcp['options-ping-detect-time'],
        rec0.mcpDetectMs / 1000,
        ' s',
      ),
    ),
    rmDetectMs: ms(
      set(
        'resource-manager.heartbeat-detect-time',
        rm['heartbeat-detect-time'],
        rec0.rmDetectMs / 1000,
        ' s',
      ),
    ),
    storage,
    ...tenancy,
    requests,
  };

  // Business Continuity and the desktops.
  const bc = businessContinuity(d, fail, siteOf, set, names, namePaths, reductions, bc0);
  const bcConfig: BcConfig = {
    ...bc,
    calls: set('check.calls (bc)', calls, bc0.calls),
    faultBudget: set('check.faults (bc)', faults, bc0.faultBudget),
  };

  // The back end, fed by one recorded segment of the same tenants.
  const backFaults = set('check.faults (backend)', faults, back0.faultBudget);
  const irws = d['interaction-recording-web-services'] ?? {};
  const sm = d.speechminer ?? {};
  const cass = d.cassandra ?? {};
  const nodes = cass.nodes ?? back0.cassandraNodes;
  const rf = set(
    'cassandra.replication-factor',
    cass['replication-factor'],
    back0.replicationFactor,
  );
  if (rf > nodes)
    fail(
      ['cassandra', 'replication-factor'],
      `(${rf}) must not exceed the Cassandra nodes (${nodes}): a row has one copy per node at most`,
    );
  let cassandraNodes = nodes;
  if (nodes > MAX_CASSANDRA) {
    cassandraNodes = rf;
    reductions.push(
      `Cassandra nodes: ${nodes} in the file, checked as ${rf}: the model keeps every row on its replicas (the first ${rf} nodes, the replication factor), so the other nodes hold nothing it checks; their faults are not searched`,
    );
  }
  set(
    'cassandra.nodes (searched)',
    cass.nodes === undefined ? undefined : cassandraNodes,
    back0.cassandraNodes,
  );
  const pools = {
    webServices: reducePool(
      'interaction-recording-web-services',
      'Web Services nodes',
      irws.nodes,
      back0.webServices,
      backFaults,
      MAX_BACKEND_POOL,
      reductions,
    ),
    receivers: reducePool(
      'speechminer',
      'Interaction Receivers',
      sm['interaction-receivers'],
      back0.receivers,
      backFaults,
      MAX_BACKEND_POOL,
      reductions,
    ),
    uiInstances: reducePool(
      'speechminer',
      'SpeechMiner UI instances',
      sm['ui-instances'],
      back0.uiInstances,
      backFaults,
      MAX_BACKEND_POOL,
      reductions,
    ),
  };
  set(
    'interaction-recording-web-services.nodes (searched)',
    irws.nodes === undefined ? undefined : pools.webServices,
    back0.webServices,
  );
  set(
    'speechminer.interaction-receivers (searched)',
    sm['interaction-receivers'] === undefined ? undefined : pools.receivers,
    back0.receivers,
  );
  set(
    'speechminer.ui-instances (searched)',
    sm['ui-instances'] === undefined ? undefined : pools.uiInstances,
    back0.uiInstances,
  );
  const machines = sm.machines?.map((m) => ({ name: m.name, uncPath: m['unc-path'] }));
  if (machines !== undefined) {
    const first = machines[0]!;
    machines.forEach((m, i) => {
      if (m.uncPath.toLowerCase() !== first.uncPath.toLowerCase())
        fail(
          ['speechminer', 'machines', i, 'unc-path'],
          `is ${m.uncPath}, but ${first.name} maps ${first.uncPath}: every SpeechMiner machine must refer to the same UNC path of the shared storage`,
        );
    });
  }
  effective.push(
    `speechminer.machines: ${(machines ?? back0.speechMiner).map((m) => `${m.name} ${m.uncPath}`).join(', ')}${machines === undefined ? '  (model default)' : ''}`,
  );
  // The back end's recording path is its own (one recorded segment); the deployment's RM mode,
  // storage and tenants replace its defaults only where the file sets them.
  const ownTenants = d.tenants !== undefined || d['recorded-calls'] !== undefined;
  // Each IVR Profile's recording certificate is a key of its own tenant in the Crypto Server.
  const keys = ownTenants
    ? {
        certificates: Object.fromEntries(Object.keys(tenancy.profiles).map((p) => [p, `key-${p}`])),
        keystore: Object.fromEntries(
          Object.entries(tenancy.profiles).map(([p, t]) => [`key-${p}`, t]),
        ),
      }
    : {};
  const consistency = set(
    'cassandra.consistency-level',
    cass['consistency-level'],
    back0.consistency.toUpperCase() as 'QUORUM',
  );
  const backend: BackendConfig = {
    ...back0,
    recording: {
      ...back0.recording,
      sip: { ...back0.recording.sip, ...sipTiming },
      ...(rm['cluster.ha-mode'] === undefined ? {} : { rmMode }),
      ...(mcp.storage === undefined ? {} : { storage }),
      ...(ownTenants ? { ...tenancy, requests: requests.slice(0, back0.recording.sip.calls) } : {}),
    },
    processorMode: set(
      'recording-processor.mode',
      d['recording-processor']?.mode,
      back0.processorMode,
    ),
    ...pools,
    cassandraNodes,
    replicationFactor: rf,
    consistency: consistency.toLowerCase() as BackendConfig['consistency'],
    takeoverMs: ms(
      set(
        'speechminer.scheduler-takeover-time',
        sm['scheduler-takeover-time'],
        back0.takeoverMs / 1000,
        ' s',
      ),
    ),
    faultBudget: backFaults,
    ...keys,
    ...(machines === undefined ? {} : { speechMiner: machines }),
  };

  checkNames(source, names, namePaths, otherNames(d));
  const configs = { 'sip-ha': sipHa, recording, bc: bcConfig, backend };
  effective.push(
    ...fixedSettings(configs, {
      rmMode: rm['cluster.ha-mode'] !== undefined,
      storage: mcp.storage !== undefined,
    }),
  );
  const name = d.name ?? source.file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
  const pick = (ids: readonly string[]) =>
    Object.fromEntries(ids.filter((id) => Object.hasOwn(names, id)).map((id) => [id, names[id]!]));
  const hosts = ['sip1', 'sip2', 'rm1', 'rm2'];
  const mcpIds = Array.from({ length: recording.mcps }, (_, i) => `mcp${i + 1}`);
  return {
    name,
    file: source.file,
    configs,
    effective: inFileOrder(effective),
    reductions,
    names: {
      'sip-ha': pick(['sip1', 'sip2']),
      recording: pick([...hosts, ...mcpIds]),
      bc: pick(['A', 'B', ...Array.from({ length: bcConfig.agents }, (_, i) => `a${i + 1}`)]),
      // The back end's own recording path: one MCP, the first of the file's.
      backend: pick([...hosts, 'mcp1']),
    },
  };
}

/** Ids the models use in what they print (agents, calls, groups, hosts, nodes, tenants). */
const ID_SHAPE = /^([AB]|(a|c|g|t|sip|rm|mcp|ws|cass|ir|ui|rp|rcs|sch)[0-9]+)$/;

/** The file's names that are printed as they are: tenants, IVR Profiles, groups, machines. */
function otherNames(d: Deployment): [string, FieldPath][] {
  const tenants = Object.entries(d.tenants ?? {}).flatMap(([t, v]) => [
    [t, ['tenants', t]] as [string, FieldPath],
    ...v['ivr-profiles'].map(
      (p, i) => [p, ['tenants', t, 'ivr-profiles', i]] as [string, FieldPath],
    ),
  ]);
  const groups = (d['business-continuity']?.['agent-groups'] ?? []).map(
    (g, i) => [g.name, ['business-continuity', 'agent-groups', i, 'name']] as [string, FieldPath],
  );
  const machines = (d.speechminer?.machines ?? []).map(
    (m, i) => [m.name, ['speechminer', 'machines', i, 'name']] as [string, FieldPath],
  );
  return [...tenants, ...groups, ...machines];
}

/**
 * The deployment's names must read as themselves in the report: none may be another of the
 * models' ids (an agent named c1 would read as the call c1), no two things renamed share a name,
 * and a name printed as it is (a tenant, a profile) is none of the ids renamed.
 */
function checkNames(
  source: DeploymentSource,
  names: Readonly<Record<string, string>>,
  paths: Readonly<Record<string, FieldPath>>,
  others: readonly [string, FieldPath][],
): void {
  const where = (path: FieldPath | undefined) =>
    path === undefined
      ? source.file
      : // A tenant's name is its key; the other names are values.
        `${source.where(path, path.length === 2 && path[0] === 'tenants')}: field '${fieldName(path)}'`;
  const owner = new Map<string, string>();
  for (const [id, given] of Object.entries(names)) {
    if (given !== id && ID_SHAPE.test(given))
      throw new DeploymentError(
        `${where(paths[id])}: the name '${given}' (for the models' ${id}) has the form of the models' own ids (A, B, a1, c1, sip1, rm1, mcp1, ...), so the report could not tell them apart; choose another name`,
      );
    const other = owner.get(given);
    if (other !== undefined)
      throw new DeploymentError(
        `${where(paths[id])}: the name '${given}' is given to both the models' ${other} and ${id}; give each site, host and agent its own name`,
      );
    owner.set(given, id);
  }
  for (const [given, path] of others)
    if (Object.hasOwn(names, given) && names[given] !== given)
      throw new DeploymentError(
        `${where(path)}: the name '${given}' is one of the ids the report puts in the deployment's names (it would read as ${names[given]}); choose another name`,
      );
}

/** What every model searches that a deployment file does not set: printed with the rest. */
function fixedSettings(
  c: {
    readonly 'sip-ha': SipHaConfig;
    readonly recording: RecordingConfig;
    readonly backend: BackendConfig;
  },
  fromFile: { readonly rmMode: boolean; readonly storage: boolean },
): string[] {
  const mark = (given: boolean) => (given ? ' (from the file)' : '');
  const sip = c['sip-ha'];
  const r = c.recording;
  const b = c.backend;
  const br = b.recording;
  const sizing = (['webServices', 'receivers', 'uiInstances'] as const)
    .map((pool) => `${pool} load ${b.sizing[pool].load} / capacity ${b.sizing[pool].capacity}`)
    .join(', ');
  return [
    `check (sip-ha, not set by the file): agents ${sip.agents}, fencing ${sip.fencing}, lost sync messages ${sip.messageLoss}`,
    `check (recording, not set by the file): RM replication ${r.replication}, re-record retry every ${r.retryIntervalMs / 1000} s, ${r.maxRecordRetries} retr${r.maxRecordRetries === 1 ? 'y' : 'ies'}, audio of a crashed segment ${r.preCrashAudio}`,
    `check (backend, not set by the file): its own recording path of ${br.sip.calls} call, ${br.mcps} MCP, RM ${br.rmMode}${mark(fromFile.rmMode)}, storage ${br.storage}${mark(fromFile.storage)}, ${br.faultBudget + br.sip.faultBudget} recording faults; partitions ${b.partitions}; pool sizing ${sizing}`,
  ];
}

/** The sections in the order a deployment file lists them (the schema's order). */
const SECTIONS = [
  'sites',
  'solution-control-server',
  'sip-server',
  'resource-manager',
  'media-control-platform',
  'tenants',
  'recorded call',
  'business-continuity',
  'workspace',
  'recording-processor',
  'interaction-recording-web-services',
  'cassandra',
  'speechminer',
  'check',
];

/** Effective values grouped by section, in the file's order; within one, as they were set. */
function inFileOrder(lines: readonly string[]): string[] {
  const rank = (line: string) => {
    const i = SECTIONS.findIndex((s) => line.startsWith(s));
    return i < 0 ? SECTIONS.length : i;
  };
  return [...lines].sort((a, b) => rank(a) - rank(b));
}

type Fail = (path: FieldPath, message: string, key?: boolean) => never;

/**
 * A pool size searched as given up to SEARCHED_POOL; a larger pool is searched as faults + 1
 * members (at least 2, at most the model's own limit), and the reduction is said.
 */
function reducePool(
  section: string,
  what: string,
  given: number | undefined,
  fallback: number,
  faults: number,
  modelMax: number,
  reductions: string[],
): number {
  if (given === undefined) return fallback;
  if (given <= SEARCHED_POOL) return given;
  const checked = Math.min(given, Math.max(2, faults + 1), modelMax);
  if (checked === given) return given;
  reductions.push(
    `${what} (${section}): ${given} in the file, checked as ${checked}: this check searches pools of more than ${SEARCHED_POOL} as faults + 1 members (at most ${modelMax}, the model's limit); with at most ${faults} fault${faults === 1 ? '' : 's'} in a run, ${checked} members always keep one alive. The verdicts are for a pool of ${checked}: how round robin or least used spreads calls, and the N+1 sizing, were checked for ${checked} members, not for ${given}`,
  );
  return checked;
}

function tenantsOf(
  d: Deployment,
  fail: Fail,
  rec0: RecordingConfig,
): Pick<RecordingConfig, 'profiles' | 'tenants'> {
  if (d.tenants === undefined) return { profiles: rec0.profiles, tenants: rec0.tenants };
  const profiles: Record<string, string> = {};
  const tenants: Record<string, TenantConfig> = {};
  for (const [tenant, t] of Object.entries(d.tenants)) {
    t['ivr-profiles'].forEach((p, i) => {
      if (Object.hasOwn(profiles, p))
        fail(
          ['tenants', tenant, 'ivr-profiles', i],
          `names IVR Profile '${p}', which tenant '${profiles[p]}' already owns: a profile belongs to one tenant`,
        );
      profiles[p] = tenant;
    });
    if (!t['ivr-profiles'].includes(t['default-ivr-profile']))
      fail(
        ['tenants', tenant, 'default-ivr-profile'],
        `is '${t['default-ivr-profile']}', which is not one of the tenant's ivr-profiles (${t['ivr-profiles'].join(', ')})`,
      );
    for (const [number, profile] of Object.entries(t.dnis ?? {}))
      if (!t['ivr-profiles'].includes(profile))
        fail(
          ['tenants', tenant, 'dnis', number],
          `maps to '${profile}', which is not one of the tenant's ivr-profiles (${t['ivr-profiles'].join(', ')})`,
        );
    tenants[tenant] = {
      defaultProfile: t['default-ivr-profile'],
      dialedNumbers: { ...(t.dnis ?? {}) },
    };
  }
  return { profiles, tenants };
}

function requestsOf(
  d: Deployment,
  fail: Fail,
  tenancy: Pick<RecordingConfig, 'profiles' | 'tenants'>,
  calls: number,
  reductions: string[],
): RecordingRequest[] {
  const given = d['recorded-calls'];
  if (given === undefined) {
    if (d.tenants === undefined) {
      // The model's own requests, in turn, one per call.
      const own = recordingConfigs.default.requests;
      return Array.from({ length: Math.max(calls, 1) }, (_, i) => own[i % own.length]!);
    }
    // One call per checked call, each tenant in turn, by the lowest dialed number it maps (else none).
    const names = Object.keys(tenancy.tenants);
    return Array.from({ length: Math.max(calls, 1) }, (_, i) => {
      const tenant = names[i % names.length]!;
      const dialed = Object.keys(tenancy.tenants[tenant]!.dialedNumbers)[0] ?? '0';
      return { tenant, profileParameter: null, dialedNumber: dialed };
    });
  }
  given.forEach((r, i) => {
    if (!Object.hasOwn(tenancy.tenants, r.tenant))
      fail(
        ['recorded-calls', i, 'tenant'],
        `names tenant '${r.tenant}', which is not one of tenants (${Object.keys(tenancy.tenants).join(', ')})`,
      );
  });
  if (given.length < calls)
    fail(
      ['recorded-calls'],
      `lists ${given.length} call${given.length === 1 ? '' : 's'}, but the check has ${calls} (check.calls): give one per call`,
    );
  if (given.length > calls)
    reductions.push(
      calls === 0
        ? `recorded-calls: ${given.length} in the file, none checked (check.calls is 0)`
        : `recorded-calls: ${given.length} in the file, checked: the first ${calls} (check.calls)`,
    );
  return given.slice(0, Math.max(calls, 1)).map((r) => ({
    tenant: r.tenant,
    profileParameter: r['ivr-profile'] ?? null,
    dialedNumber: r['dialed-number'] ?? '0',
  }));
}

type Set = <T>(field: string, given: T | undefined, fallback: T, unit?: string) => T;

function businessContinuity(
  d: Deployment,
  fail: Fail,
  siteOf: (path: FieldPath, name: string) => Site,
  set: Set,
  names: Record<string, string>,
  namePaths: Record<string, FieldPath>,
  reductions: string[],
  bc0: BcConfig,
): Omit<BcConfig, 'calls' | 'faultBudget'> {
  const b = d['business-continuity'] ?? {};
  const w = d.workspace ?? {};
  const path = (...p: FieldPath) => ['business-continuity', ...p];
  const timing = {
    haFailoverMs: ms(
      set(
        'business-continuity.local-failover-time',
        b['local-failover-time'],
        bc0.haFailoverMs / 1000,
        ' s',
      ),
    ),
    detectMs: ms(set('workspace.detection-time', w['detection-time'], bc0.detectMs / 1000, ' s')),
    drTimeoutMs: ms(
      set(
        'workspace.disaster-recovery.timeout',
        w['disaster-recovery.timeout'],
        bc0.drTimeoutMs / 1000,
        ' s',
      ),
    ),
    statServer: set('business-continuity.stat-server', b['stat-server'], bc0.statServer),
    statTriggersDr: set(
      'workspace.stat-server-triggers-dr',
      w['stat-server-triggers-dr'],
      bc0.statTriggersDr,
    ),
  };
  const tenantSite =
    b['tenant-preferred-site'] === undefined
      ? bc0.tenantSite
      : siteOf(path('tenant-preferred-site'), b['tenant-preferred-site']);
  set(
    'business-continuity.tenant-preferred-site',
    b['tenant-preferred-site'],
    names[bc0.tenantSite]!,
  );
  if (b.agents === undefined) {
    if (b['agent-groups'] !== undefined)
      fail(path('agent-groups'), 'needs agents: list the agents that belong to the groups', true);
    for (let i = 1; i <= bc0.agents; i++) names[`a${i}`] = `a${i}`;
    const site = (s: Site | null) => (s === null ? 'none' : names[s]!);
    set(
      'business-continuity.agent-groups',
      undefined,
      bc0.groupSites.map((s, i) => `g${i + 1}: ${site(s)}`).join(', '),
    );
    set(
      'business-continuity.agents',
      undefined,
      bc0.personSites
        .map(
          (s, i) =>
            `a${i + 1} (groups ${bc0.agentGroups[i]!.map((g) => `g${g + 1}`).join(' ') || 'none'}, preferred-site ${site(s)}, desktop-site ${site(bc0.desktopSites[i]!)})`,
        )
        .join('; '),
    );
    return { ...bc0, ...timing, tenantSite };
  }
  const groups = b['agent-groups'] ?? [];
  const groupIndex = new Map<string, number>();
  groups.forEach((g, i) => {
    if (groupIndex.has(g.name))
      fail(path('agent-groups', i, 'name'), `repeats the group '${g.name}'`);
    groupIndex.set(g.name, i);
  });
  const groupSites = groups.map((g, i) =>
    g['preferred-site'] == null
      ? null
      : siteOf(path('agent-groups', i, 'preferred-site'), g['preferred-site']),
  );
  // An agent's kind: its own settings. Agents of one kind are checked as one, by the first's name.
  const kinds = new Map<
    string,
    {
      name: string;
      index: number;
      groups: number[];
      person: Site | null;
      desk: Site;
      count: number;
    }
  >();
  const seen = new Set<string>();
  b.agents.forEach((a, i) => {
    if (seen.has(a.name)) fail(path('agents', i, 'name'), `repeats the agent '${a.name}'`);
    seen.add(a.name);
    const member = (a.groups ?? []).map((g, j) => {
      const index = groupIndex.get(g);
      if (index === undefined)
        fail(
          path('agents', i, 'groups', j),
          `names group '${g}', which is not one of agent-groups (${[...groupIndex.keys()].join(', ') || 'none'})`,
        );
      return index!;
    });
    const person =
      a['preferred-site'] == null
        ? null
        : siteOf(path('agents', i, 'preferred-site'), a['preferred-site']);
    const desk =
      a['desktop-site'] === undefined
        ? 'A'
        : siteOf(path('agents', i, 'desktop-site'), a['desktop-site']);
    const key = JSON.stringify([[...member].sort((x, y) => x - y), person, desk]);
    const kind = kinds.get(key);
    if (kind === undefined)
      kinds.set(key, { name: a.name, index: i, groups: member, person, desk, count: 1 });
    else kind.count += 1;
  });
  const checked = [...kinds.values()];
  if (checked.length > MAX_AGENT_KINDS)
    fail(
      path('agents'),
      `has ${checked.length} kinds of agent (different groups, preferred-site or desktop-site); the model searches at most ${MAX_AGENT_KINDS} agents, and agents of one kind are checked as one: check the kinds in separate files`,
    );
  if (checked.length < b.agents.length)
    reductions.push(
      `agents: ${b.agents.length} in the file, checked as ${checked.length} (${checked.map((k) => `${k.name}${k.count > 1 ? ` for ${k.count}` : ''}`).join(', ')}): agents with the same groups, preferred-site and desktop-site are checked as one, so a promise that needs two agents of one kind at once is not covered`,
    );
  checked.forEach((k, i) => {
    names[`a${i + 1}`] = k.name;
    namePaths[`a${i + 1}`] = path('agents', k.index, 'name');
  });
  const site = (s: Site | null) => (s === null ? 'none' : names[s]!);
  set(
    'business-continuity.agent-groups',
    groups.map((g, i) => `${g.name}: ${site(groupSites[i]!)}`).join(', '),
    '',
  );
  set(
    'business-continuity.agents (searched)',
    checked
      .map(
        (k) =>
          `${k.name} (groups ${k.groups.map((g) => groups[g]!.name).join(' ') || 'none'}, preferred-site ${site(k.person)}, desktop-site ${site(k.desk)})`,
      )
      .join('; '),
    '',
  );
  return {
    ...timing,
    tenantSite,
    agents: checked.length,
    groupSites,
    agentGroups: checked.map((k) => k.groups),
    personSites: checked.map((k) => k.person),
    desktopSites: checked.map((k) => k.desk),
  };
}
