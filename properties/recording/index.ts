import {
  type RecordingConfig,
  type RecordingEvent,
  type RecordingState,
  recording,
} from '../../model/recording/index.ts';
import { onSubState } from '../embedded.ts';
import type { Invariant, Property, Suite } from '../engine/property.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { singlePrimary } from '../sip-ha/safety.ts';
import { mcpBalancing } from './balancing.ts';
import { recordingFaultBudget } from './budget.ts';
import { clientOnPrimary, timeWaitsForSip } from './client.ts';
import { sipFailoverKeepsRecording, sipFailoverWhileRecording } from './composition.ts';
import { detectionAccurate } from './detection.ts';
import {
  byeClearsSession,
  failoverEndsLostCalls,
  openSegmentsLive,
  releaseEndsWithBye,
} from './ending.ts';
import {
  downRmFrozen,
  faultsHitWhatTheyName,
  retriesSpent,
  segmentLifecycle,
} from './lifecycle.ts';
import { notifiedWithinBound, reRecordedWithinBound, survivorAcceptsRequests } from './liveness.ts';
import {
  callSurvivesMcpFailure,
  gapWithinBound,
  inDialogAffinity,
  joinedBeforeReRecord,
  mcpServesAnyTenant,
  profileOfTenant,
  sameParameters,
  selectsBelievedUpMcp,
} from './safety.ts';
import { mcpCrashEndsSegments } from './segments.ts';
import {
  affinityLostUnderLag,
  bothRmsAccept,
  byeRoutedBySurvivor,
  memberCrashes,
  metadataPosted,
  noMcpAvailable,
  requestingTenants,
  reRecordedOnAnotherMcp,
  rmFailoverWithLiveSession,
  standbyTakesOver,
  tenantOnMcp,
} from './witnesses.ts';

export const recordingNoIdleSteps = noIdleSteps<RecordingState, RecordingEvent>({
  id: 'recording.no-idle-steps',
  clauses: ['GIR-MCP-1'],
});

/** The SIP Server pair's single-primary invariant, judged on the recording path's `sip` sub-state. */
export function recordingSinglePrimary(config: RecordingConfig): Invariant<RecordingState> {
  return onSubState('recording', 'the SIP Server pair', singlePrimary(config.sip), (s) => s.sip);
}

export function recordingProperties(
  config: RecordingConfig,
): Property<RecordingState, RecordingEvent>[] {
  const lagged = config.replication === 'lagged';
  return [
    recordingSinglePrimary(config),
    inDialogAffinity(config),
    profileOfTenant(config),
    selectsBelievedUpMcp,
    mcpBalancing(config),
    mcpCrashEndsSegments(config),
    segmentLifecycle,
    retriesSpent(config),
    faultsHitWhatTheyName,
    downRmFrozen,
    detectionAccurate,
    failoverEndsLostCalls,
    openSegmentsLive,
    byeClearsSession,
    releaseEndsWithBye,
    clientOnPrimary,
    timeWaitsForSip,
    mcpServesAnyTenant(config),
    recordingNoIdleSteps,
    recordingFaultBudget(config),
    callSurvivesMcpFailure,
    joinedBeforeReRecord,
    sameParameters,
    // the gap bound is claimed only where the audio before the crash is kept.
    ...(config.preCrashAudio === 'kept' ? [gapWithinBound(config)] : []),
    reRecordedWithinBound(config),
    notifiedWithinBound(config),
    survivorAcceptsRequests(config),
    rmFailoverWithLiveSession,
    // With one MCP there is no other to record on.
    ...(config.mcps > 1 ? [reRecordedOnAnotherMcp] : []),
    // Every MCP must be able to fail for RM to find none up.
    ...(config.faultBudget >= config.mcps ? [noMcpAvailable] : []),
    metadataPosted,
    // GIR-SCALE-4: with two tenants and two MCPs or more, each tenant is seen recorded on each MCP.
    ...(requestingTenants(config).length > 1 && config.mcps > 1 ? tenantOnMcp(config) : []),
    config.rmMode === 'active-standby' ? standbyTakesOver : bothRmsAccept,
    // Under lag the survivor may miss a session, so the survivor witness may not be reachable.
    lagged ? affinityLostUnderLag : byeRoutedBySurvivor,
    ...memberCrashes(config),
    // The composition is judged only where SIP Server may fail over.
    ...(config.sip.faultBudget > 0 ? [sipFailoverKeepsRecording, sipFailoverWhileRecording] : []),
  ];
}

export const recordingSuite: Suite<RecordingConfig, RecordingState, RecordingEvent> = {
  model: recording,
  properties: recordingProperties,
  // Searched by npm start; a changed figure is a changed model (see ConfigCheck).
  checks: [
    { config: 'small', states: 15_889, depth: 21, transitions: 35_473 },
    { config: 'default', bounded: true, depth: 10 },
    { config: 'active-standby', states: 23_372, depth: 24, transitions: 71_497 },
    { config: 'active-active', states: 29_209, depth: 26, transitions: 87_117 },
    { config: 'lagged', states: 40_021, depth: 22, transitions: 112_767 },
    { config: 'audio-lost', states: 13_107, depth: 20, transitions: 28_183 },
    { config: 'single-mcp', states: 1_074, depth: 16, transitions: 2_610 },
    { config: 'no-retry', states: 156_866, depth: 24, transitions: 601_798 },
  ],
};
