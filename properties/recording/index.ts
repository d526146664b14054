import {
  type RecordingConfig,
  type RecordingEvent,
  type RecordingState,
  recording,
} from '../../model/recording/index.ts';
import type { Property, Suite } from '../engine/property.ts';
import { type FaultBudget, faultBudgetKept, firstDown } from '../fault-budget.ts';
import { noIdleSteps } from '../idle-steps.ts';
import { sipWhole } from '../sip-ha/index.ts';
import { mcpBalancing } from './balancing.ts';
import { sipFailoverKeepsRecording, sipFailoverWhileRecording } from './composition.ts';
import { recordingLifelines } from './diagram.ts';
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
  metadataPosted,
  noMcpAvailable,
  requestingTenants,
  reRecordedOnAnotherMcp,
  rmFailoverWithLiveSession,
  standbyTakesOver,
  tenantOnMcp,
} from './witnesses.ts';

const SIP_BUDGET = "the SIP Server pair's fault budget";
const REC_BUDGET = 'the RM and MCP fault budget';

/**
 * The recording solution's two budgets, kept at `at` in the state (the back end embeds the
 * solution), whose recording state `rec` reads.
 */
export function recordingBudgets<S>(
  config: RecordingConfig,
  rec: (state: S) => RecordingState,
  at: readonly string[] = [],
): FaultBudget<S>[] {
  return [
    {
      name: SIP_BUDGET,
      size: config.sip.faultBudget,
      path: [...at, 'sip', 'faultsLeft'],
      whole: (s) => sipWhole(rec(s).sip),
    },
    {
      name: REC_BUDGET,
      size: config.faultBudget,
      path: [...at, 'faultsLeft'],
      // Before any RM or MCP fault: both RMs and every MCP running, and RM believes every MCP up.
      whole: (s) =>
        firstDown(
          'RM',
          rec(s).rms,
          (rm) => (rm as RecordingState['rms']['rm1']).process === 'up',
        ) ??
        firstDown('MCP', rec(s).mcps) ??
        firstDown("in RM's view MCP", rec(s).mcpView),
    },
  ];
}

/** The budget a crash spends: SIP Server's for its own nodes, the solution's for RMs and MCPs. */
export function recordingFaultOf(
  rec: RecordingState,
  event: { readonly type: string; readonly node?: string },
): string | undefined {
  if (event.type !== 'processCrashed' && event.type !== 'hostCrashed') return undefined;
  if (event.node! in rec.sip.servers) return SIP_BUDGET;
  return event.node! in rec.rms || event.node! in rec.mcps ? REC_BUDGET : undefined;
}

export function recordingProperties(
  config: RecordingConfig,
): Property<RecordingState, RecordingEvent>[] {
  const lagged = config.replication === 'lagged';
  return [
    inDialogAffinity(config),
    profileOfTenant(config),
    selectsBelievedUpMcp,
    mcpBalancing(config),
    mcpCrashEndsSegments(config),
    mcpServesAnyTenant(config),
    noIdleSteps<RecordingState, RecordingEvent>({
      id: 'recording.no-idle-steps',
      clauses: ['GIR-MCP-5'],
    }),
    faultBudgetKept<RecordingState, RecordingEvent>({
      id: 'recording.fault-budget-kept',
      clauses: ['GIR-RM-3', 'GIR-MCP-4'],
      budgets: recordingBudgets(config, (s: RecordingState) => s),
      spends: (s, e) => recordingFaultOf(s, e as { type: string; node?: string }),
    }),
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
    // The composition is judged only where SIP Server may fail over.
    ...(config.sip.faultBudget > 0 ? [sipFailoverKeepsRecording, sipFailoverWhileRecording] : []),
  ];
}

export const recordingSuite: Suite<RecordingConfig, RecordingState, RecordingEvent> = {
  model: recording,
  properties: recordingProperties,
  lifelines: recordingLifelines,
};
