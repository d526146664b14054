/**
 * The check StrykerJS runs against a mutant (its test is kill.ts) of model/ (mutation/README.md): both engines over each
 * checked config of one model, in this thread (a mutant is switched on in this thread only), at a
 * fixed seed and a small budget. The test of a config fails in one of two recognisable ways (or
 * by Stryker's time-out, which its results report as such):
 *
 * - `KILLED <model>/<config>: <property> (<how>), ...`: a property is violated, a witness is not
 *   reached by either engine, or a liveness property is triggered by neither, or (over all the
 *   model's configs) no step either engine measured took model time, so no liveness bound in ms
 *   was put to the test (each such property is named, `ms bound not exercised`); or, named
 *   `coverage:<event type> (never takes effect)`, an event type of the vocabulary changed no state
 *   on any step either engine took in any of the model's configs (the mutant removed a behaviour of the model: TLC's
 *   action coverage, checked as a witness of every event type). Only these count as kills in the
 *   mutation score; the real model passes the same check (Stryker's dry run), so every event type
 *   takes effect there.
 * - `CRASH <model>/<config>: <error>`: the model threw. Stryker counts it as killed; the score
 *   reports it apart (mutation/results.ts).
 */
import { explore } from '../../properties/engine/explore.ts';
import { randomCheck } from '../../properties/engine/random.ts';
import { findSuite } from '../../properties/registry.ts';

/** The random engine's seed in every mutation check. */
export const MUTATION_SEED = 20261201;

export interface MutationBudget {
  /** Explorer state limit per config. */
  readonly maxStates: number;
  /** Random runs per config. */
  readonly runs: number;
}

/** Deep equality of two states (plain data: objects, arrays, primitives). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** What a config's check found: the properties that failed and how, and the event types seen. */
export interface Findings {
  readonly found: string[];
  /** The event types that changed a state on some step. */
  readonly effective: ReadonlySet<string>;
  /** The event types enabled in some state either engine visited. */
  readonly enabled: ReadonlySet<string>;
  /** The liveness properties with a bound in model time. */
  readonly msBounded: readonly string[];
  /** Whether some step the engines measured took model time (elapsedMs > 0). */
  readonly timed: boolean;
}

export function findings(modelId: string, configName: string, budget: MutationBudget): Findings {
  const suite = findSuite(modelId);
  if (suite === undefined) throw new Error(`no model '${modelId}'`);
  const model = suite.model;
  const config = model.configs[configName];
  const properties = suite.properties(config);
  const system = model.bind(config);
  // Which event types changed a state on some step of either engine: by value, since a handler
  // that writes a fresh copy of what was there changes nothing.
  const effective = new Set<string>();
  const enabled = new Set<string>();
  // Whether model time passed on some step the engines measured: without it a liveness bound in
  // ms is never put to the test (a mutant that makes every step take no time passes them all).
  let timed = false;
  const watched = {
    ...system,
    elapsedMs(state: unknown, event: { readonly type: string }) {
      const ms = system.elapsedMs(state, event);
      if (ms > 0) timed = true;
      return ms;
    },
    isEnabled(state: unknown, event: { readonly type: string }) {
      const on = system.isEnabled(state, event);
      if (on) enabled.add(event.type);
      return on;
    },
    reduce(state: unknown, event: { readonly type: string }) {
      const after = system.reduce(state, event);
      if (!effective.has(event.type) && !sameValue(state, after)) effective.add(event.type);
      return after;
    },
  };
  const explored = explore(model, watched, properties, { maxStates: budget.maxStates });
  const random = randomCheck(model, watched, properties, {
    runs: budget.runs,
    seed: MUTATION_SEED,
  });
  const found: string[] = [];
  const violated = new Set(
    [explored.violation?.property, random.failure?.property].filter((p) => p !== undefined),
  );
  // An engine that stopped at a violation did not go on to reach the rest: an unreached witness
  // or an unexercised liveness property is credited only when neither engine stopped early.
  const stopped = violated.size > 0;
  for (const p of properties) {
    if (violated.has(p.id)) found.push(`${p.id} (violated)`);
    else if (stopped) continue;
    else if (
      p.kind === 'witness' &&
      !explored.witnessed.includes(p.id) &&
      !random.witnessed.includes(p.id)
    )
      found.push(`${p.id} (not reached)`);
    else if (
      p.kind === 'eventually' &&
      (explored.triggered[p.id] ?? 0) === 0 &&
      (random.triggered[p.id] ?? 0) === 0
    )
      found.push(`${p.id} (not exercised)`);
  }
  const msBounded = properties
    .filter((p) => p.kind === 'eventually' && Number.isFinite(p.boundMs))
    .map((p) => p.id);
  return { found, effective, enabled, msBounded, timed };
}

/**
 * Per model: the configs its check runs, cheapest first, and the budget of each. The configs are
 * the model's checked ones, named here rather than read from its `checked` list, which a mutant
 * could empty (a test in results.test.ts keeps the two lists equal).
 */
export const MUTATION_CHECKS: Readonly<
  Record<
    string,
    {
      readonly configs: readonly string[];
      readonly budget: MutationBudget;
      /**
       * The event types of the configs' vocabularies, named here rather than read from the
       * model, whose vocabulary a mutant could shrink (a test keeps the list equal to the model's).
       */
      readonly eventTypes: readonly string[];
      /** Event types of the vocabulary that no config of the check enables, with the reason. */
      readonly neverEnabled?: Readonly<Record<string, string>>;
    }
  >
> = {
  'sip-ha': {
    eventTypes: [
      'callArrived',
      'callAnswered',
      'recordingStarted',
      'callReleased',
      'agentStateChanged',
      'switchoverRequested',
      'serverInitialized',
      'lcaLossDetected',
      'lcaRechecked',
      'switchoverPerformed',
      'splitBrainResolved',
      'haLinkConnected',
      'resyncDelivered',
      'syncDelivered',
      'processCrashed',
      'hostCrashed',
      'partitionStarted',
      'syncLost',
      'haLinkDropped',
      'processRestarted',
      'hostRestarted',
      'partitionHealed',
      'haLinkRepaired',
      'timeAdvanced',
    ],
    configs: ['small', 'default', 'recheck', 'fencing'],
    budget: { maxStates: 8_000, runs: 300 },
  },
  bc: {
    eventTypes: [
      'loginRequested',
      'logoutRequested',
      'callArrived',
      'callDialed',
      'callReleased',
      'connectionLost',
      'drSwitchedOver',
      'haFailoverCompleted',
      'gatewaysNoticed',
      'processCrashed',
      'siteFailed',
      'partitionStarted',
      'processRestarted',
      'siteRecovered',
      'partitionHealed',
      'timeAdvanced',
    ],
    configs: ['small', 'default', 'stat-trigger'],
    // bc.witness.outage-switchover-during-failover needs about 30,000 states of small.
    budget: { maxStates: 30_000, runs: 300 },
  },
  recording: {
    eventTypes: [
      'callArrived',
      'callAnswered',
      'recordingRequested',
      'callReleased',
      'lcaLossDetected',
      'lcaRechecked',
      'switchoverPerformed',
      'rmFailureDetected',
      'mcpFailureDetected',
      'mcpRecoveryDetected',
      'endpointsJoined',
      'reRecordRequested',
      'byeRouted',
      'segmentStored',
      'metadataPosted',
      'syncDelivered',
      'processCrashed',
      'hostCrashed',
      'processRestarted',
      'timeAdvanced',
      'sessionSyncDelivered',
    ],
    configs: [
      'single-mcp',
      'small',
      'audio-lost',
      'lagged',
      'active-standby',
      'active-active',
      'no-retry',
      'default',
    ],
    budget: { maxStates: 8_000, runs: 300 },
    neverEnabled: {
      lcaRechecked:
        "no recording config turns the SIP pair's LCA recheck on (sip-ha's recheck does)",
    },
  },
  backend: {
    eventTypes: [
      'callArrived',
      'callAnswered',
      'recordingRequested',
      'callReleased',
      'lcaLossDetected',
      'lcaRechecked',
      'switchoverPerformed',
      'rmFailureDetected',
      'mcpFailureDetected',
      'mcpRecoveryDetected',
      'endpointsJoined',
      'reRecordRequested',
      'byeRouted',
      'segmentStored',
      'metadataPosted',
      'syncDelivered',
      'processCrashed',
      'hostCrashed',
      'processRestarted',
      'timeAdvanced',
      'storageWriteFailed',
      'metadataDelivered',
      'callDataAdded',
      'wsRequested',
      'wsAnswered',
      'wsRequestFailed',
      'smSubmitted',
      'postAcknowledged',
      'replicaWritten',
      'recordingIndexed',
      'playbackRequested',
      'takenOver',
      'partitionStarted',
      'partitionHealed',
    ],
    configs: ['default', 'active-backup', 'mcp-failure'],
    budget: { maxStates: 8_000, runs: 1_000 },
    neverEnabled: Object.fromEntries(
      ['lcaLossDetected', 'lcaRechecked', 'switchoverPerformed', 'hostCrashed'].map((t) => [
        t,
        "the back end's configs give the SIP Server pair no faults (its failover is recording's)",
      ]),
    ),
  },
};
