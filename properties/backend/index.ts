import {
  type BackendConfig,
  type BackendEvent,
  type BackendState,
  backend,
} from '../../model/backend/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { backendLifelines } from './diagram.ts';
import { indexedWithinBound, standbyTakesOver } from './liveness.ts';
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
import {
  ackedWithNodeDown,
  indexedEndToEnd,
  playbackOnSecondCrypto,
  processorTakeover,
  retriedAfterProcessorCrash,
  schedulerTakeover,
  storageWriteRetried,
  wsRequestRetried,
} from './witnesses.ts';

export function backendProperties(config: BackendConfig): Property<BackendState, BackendEvent>[] {
  const activeBackup = config.processorMode === 'active-backup';
  // Takeovers and retries need a back-end fault; without one only the flow itself is judged.
  const faults = config.faultBudget > 0;
  return [
    postedOnlyAfterStored(config),
    noMetadataLost(config),
    effectOnce,
    poolsAnswer,
    poolsSized(config),
    ackedWriteSurvives(config),
    playbackDecrypts(config),
    ...(activeBackup ? [singleActiveProcessor] : []),
    singleActiveScheduler,
    indexedWithinBound(config),
    ...(faults
      ? [
          standbyTakesOver(config),
          activeBackup ? processorTakeover : retriedAfterProcessorCrash,
          schedulerTakeover,
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
  lifelines: backendLifelines,
};
