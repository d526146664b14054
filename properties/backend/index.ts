import {
  type BackendConfig,
  type BackendEvent,
  type BackendState,
  backend,
} from '../../model/backend/index.ts';
import { onSubState } from '../embedded.ts';
import type { Invariant, Property, Suite } from '../engine/property.ts';
import { faultBudgetKept, firstDown } from '../fault-budget.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { recordingBudgets, recordingFaultOf } from '../recording/budget.ts';
import { singlePrimary } from '../sip-ha/safety.ts';
import { indexedWithinBound, standbyTakesOver } from './liveness.ts';
import { faultsHitWhatTheyName, onlyLiveMembersAct } from './members.ts';
import { healKeepsNewestActive, processorCrashResends, takeoverTakesNewestEpoch } from './pairs.ts';
import {
  ackedWriteSurvives,
  effectOnce,
  noMetadataLost,
  playbackDecrypts,
  poolsAnswer,
  poolsSized,
  postedOnlyAfterStored,
  singleActiveProcessor,
  singleActiveScheduler,
} from './safety.ts';
import { writtenCopiesKept } from './storage.ts';
import {
  ackedWithNodeDown,
  indexedEndToEnd,
  memberRestarted,
  playbackOnSecondCrypto,
  processorSplit,
  processorTakeover,
  retriedAfterProcessorCrash,
  schedulerTakeover,
  storageWriteRetried,
  wsRequestRetried,
} from './witnesses.ts';

const BACKEND_BUDGET = "the back end's fault budget";

type Member = BackendState['schedulers']['sch1'];
const running = (m: unknown) => (m as Member).process === 'up';
const joined = (m: unknown) => !(m as Member).cut;

/** Before any back-end fault: every member of every pool running, no partition, no failed write. */
function backendWhole(s: BackendState): string | undefined {
  return (
    firstDown('Recording Processor', s.processors, running) ??
    firstDown('Recording Processor (cut off)', s.processors, joined) ??
    firstDown('SpeechMiner Scheduler', s.schedulers, running) ??
    firstDown('SpeechMiner Scheduler (cut off)', s.schedulers, joined) ??
    firstDown('Web Services node', s.webServices) ??
    firstDown('Cassandra node', s.cassandra) ??
    firstDown('Interaction Receiver', s.receivers) ??
    firstDown('SpeechMiner UI', s.ui) ??
    firstDown('Crypto Server', s.crypto) ??
    (Object.keys(s.writeFailed).length > 0 ? 'a storage write has failed' : undefined)
  );
}

/**
 * Three budgets: the back end's own (its crashes, partitions, failed storage writes) and the
 * recording solution's two, which its crashes of RMs, MCPs and SIP Servers spend.
 */
export function backendFaultBudget(config: BackendConfig) {
  return faultBudgetKept<BackendState, BackendEvent>({
    id: 'backend.fault-budget-kept',
    clauses: ['GIR-RP-1'],
    budgets: [
      {
        name: BACKEND_BUDGET,
        size: config.faultBudget,
        path: ['faultsLeft'],
        whole: backendWhole,
      },
      ...recordingBudgets(config.recording, (s: BackendState) => s.rec, ['rec']),
    ],
    spends(s, e) {
      if (e.type === 'storageWriteFailed') return BACKEND_BUDGET;
      if (e.type !== 'processCrashed' && e.type !== 'partitionStarted' && e.type !== 'hostCrashed')
        return undefined;
      return recordingFaultOf(s.rec, e) ?? BACKEND_BUDGET;
    },
  });
}

export const backendNoIdleSteps = noIdleSteps<BackendState, BackendEvent>({
  id: 'backend.no-idle-steps',
  clauses: ['GIR-RP-1'],
  mayIdle: { playbackRequested: 'a request played again gets the same answer' },
});

/** The SIP Server pair's single-primary invariant, judged on the back end's `rec.sip` sub-state. */
export function backendSinglePrimary(config: BackendConfig): Invariant<BackendState> {
  return onSubState(
    'backend',
    "the recording path's SIP Server pair",
    singlePrimary(config.recording.sip),
    (s) => s.rec.sip,
  );
}

export function backendProperties(config: BackendConfig): Property<BackendState, BackendEvent>[] {
  const activeBackup = config.processorMode === 'active-backup';
  // Takeovers and retries need a back-end fault; without one only the flow itself is judged.
  const faults = config.faultBudget > 0;
  return [
    backendSinglePrimary(config),
    postedOnlyAfterStored(config),
    noMetadataLost(config),
    effectOnce,
    poolsAnswer,
    poolsSized(config),
    ackedWriteSurvives(config),
    writtenCopiesKept,
    playbackDecrypts(config),
    // Before single-active-*: a heal that leaves both actives is this pair property's finding.
    takeoverTakesNewestEpoch,
    healKeepsNewestActive,
    ...(activeBackup ? [singleActiveProcessor] : []),
    singleActiveScheduler,
    processorCrashResends,
    indexedWithinBound(config),
    backendFaultBudget(config),
    onlyLiveMembersAct(config),
    faultsHitWhatTheyName(config),
    backendNoIdleSteps,
    ...(faults
      ? [
          standbyTakesOver(config),
          activeBackup ? processorTakeover : retriedAfterProcessorCrash,
          // A partition of the Processor pair exists only in active-backup with partitions on.
          ...(activeBackup && config.partitions ? [processorSplit] : []),
          schedulerTakeover,
          memberRestarted,
          wsRequestRetried,
          storageWriteRetried,
          ackedWithNodeDown,
          playbackOnSecondCrypto,
        ]
      : []),
    indexedEndToEnd,
  ];
}

export const backendSuite: Suite<BackendConfig, BackendState, BackendEvent> = {
  model: backend,
  properties: backendProperties,
  // Searched by npm start; a changed figure is a changed model (see ConfigCheck).
  checks: [
    { config: 'default', states: 255_889, depth: 28, transitions: 1_473_668 },
    { config: 'active-backup', states: 300_109, depth: 30, transitions: 1_694_016 },
    { config: 'mcp-failure', states: 84_107, depth: 37, transitions: 494_586 },
  ],
};
