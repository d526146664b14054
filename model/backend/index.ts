/**
 * The recording back end: the recording path (composed) hands each stored segment's metadata to
 * the Recording Processor pair, which feeds Interaction Recording Web Services (on Cassandra) and
 * SpeechMiner (Interaction Receivers, shared storage, the Scheduler); playback decrypts at the
 * Recording Crypto Server pair. See README.md beside this file.
 */
import * as singleton from '../kernel/active-standby.ts';
import { type Model, type Overrides, tableModel } from '../kernel/model.ts';
import { context as recordingContext, initialState as recordingInit } from '../recording/index.ts';
import { requiredReplicas } from './cassandra.ts';
import { type BackendConfig, configs, validate } from './config.ts';
import type { Context, Guards, Handlers } from './context.ts';
import { time } from './environment.ts';
import { type BackendEvent, segmentKeys, vocabulary } from './events.ts';
import { events } from './reducer.ts';
import {
  type BackendState,
  CRYPTO_SERVERS,
  nodeIds,
  PROCESSORS,
  type Processor,
  type RpId,
  SCHEDULERS,
} from './state.ts';

export type { BackendConfig, BackendEvent, BackendState };

export function context(config: BackendConfig): Context {
  const cassandra = nodeIds('cass', config.cassandraNodes);
  return {
    config,
    rec: recordingContext(config.recording),
    segments: segmentKeys(config),
    webServices: nodeIds('ws', config.webServices),
    cassandra,
    replicaNodes: cassandra.slice(0, config.replicationFactor),
    required: requiredReplicas(config.consistency, config.replicationFactor),
    receivers: nodeIds('ir', config.receivers),
    ui: nodeIds('ui', config.uiInstances),
  };
}

const allUp = <Id extends string>(ids: readonly Id[]) =>
  Object.fromEntries(ids.map((id) => [id, 'up'])) as Record<Id, 'up' | 'down'>;

/** Everything up, rp1 and sch1 active, nothing recorded yet. */
export function initialState(ctx: Context): BackendState {
  const members = singleton.initialMembers(PROCESSORS);
  const processors = Object.fromEntries(
    PROCESSORS.map((id) => [id, { ...members[id], work: {} }]),
  ) as Record<RpId, Processor>;
  return {
    rec: recordingInit(ctx.rec),
    writeFailed: {},
    outbox: {},
    processors,
    webServices: allUp(ctx.webServices),
    cassandra: allUp(ctx.cassandra),
    replicas: {},
    wsRecords: {},
    acked: {},
    receivers: allUp(ctx.receivers),
    smEntries: {},
    indexed: {},
    indexedBy: {},
    schedulers: singleton.initialMembers(SCHEDULERS),
    ui: allUp(ctx.ui),
    crypto: allUp(CRYPTO_SERVERS),
    timers: {},
    faultsLeft: ctx.config.faultBudget,
  };
}

/** Changes to the real model that a broken variant makes: replaced handlers or guards, or the budget a fault spends. */
export type BackendOverrides = Overrides<Handlers, Guards, BackendEvent>;

export function createBackend(
  overrides: BackendOverrides = {},
): Model<BackendConfig, BackendState, BackendEvent> {
  return tableModel(
    {
      id: 'backend',
      title:
        'GIR back end: Recording Processor, Web Services + Cassandra, SpeechMiner, Crypto Server',
      configs,
      validate,
      events,
      time,
      context,
      init: initialState,
      vocabulary,
    },
    overrides,
  );
}

export const backend = createBackend();
