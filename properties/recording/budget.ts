/**
 * The recording solution's two fault budgets (properties/fault-budget.ts), in a file of its own
 * so that the back end, which embeds the solution, reuses them without depending on the
 * solution's other properties.
 */
import type { RecordingConfig } from '../../model/recording/config.ts';
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { RecordingState } from '../../model/recording/state.ts';
import { type FaultBudget, faultBudgetKept, firstDown } from '../fault-budget.ts';
import { sipWhole } from '../sip-ha/budget.ts';

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

export function recordingFaultBudget(config: RecordingConfig) {
  return faultBudgetKept<RecordingState, RecordingEvent>({
    id: 'recording.fault-budget-kept',
    clauses: ['GIR-RM-3', 'GIR-MCP-4'],
    budgets: recordingBudgets(config, (s: RecordingState) => s),
    spends: (s, e) => recordingFaultOf(s, e as { type: string; node?: string }),
  });
}
