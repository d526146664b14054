/**
 * The SIP Server pair's fault budget (properties/fault-budget.ts) and what the pair looks like
 * before any fault, in a file of its own so that the recording solution, which embeds the pair,
 * reuses it without depending on the pair's other properties.
 */
import type { SipHaConfig } from '../../model/sip-ha/config.ts';
import type { SipHaEvent } from '../../model/sip-ha/events.ts';
import type { SipHaState } from '../../model/sip-ha/state.ts';
import { faultBudgetKept, firstDown } from '../fault-budget.ts';

const SIP_FAULTS: ReadonlySet<string> = new Set([
  'processCrashed',
  'hostCrashed',
  'partitionStarted',
  'haLinkDropped',
]);

/** Before any fault: both hosts up and reachable, both processes running, the HA link sound. */
export function sipWhole(s: SipHaState): string | undefined {
  return (
    firstDown('host', s.hosts, (h) => (h as SipHaState['hosts']['sip1']).up) ??
    firstDown('host (cut off)', s.hosts, (h) => !(h as SipHaState['hosts']['sip1']).partitioned) ??
    firstDown('process', s.servers, (v) => (v as SipHaState['servers']['sip1']).process === 'up') ??
    firstDown("SCS's LCA connection to", s.scs.lca, (l) => l === 'connected') ??
    (s.link.fault ? 'the HA link is faulty' : undefined)
  );
}

/**
 * The pair's one fault budget: crashes, partitions, a dropped HA link, and a lost sync message
 * where the config loses messages (elsewhere no step may lose one).
 */
export function sipFaultBudget(config: SipHaConfig) {
  return faultBudgetKept<SipHaState, SipHaEvent>({
    id: 'sip-ha.fault-budget-kept',
    clauses: ['GIR-SIP-1', 'BC-HA-1'],
    budgets: [
      { name: 'the fault budget', size: config.faultBudget, path: ['faultsLeft'], whole: sipWhole },
    ],
    spends: (_s, e) =>
      SIP_FAULTS.has(e.type) || (e.type === 'syncLost' && config.messageLoss)
        ? 'the fault budget'
        : undefined,
  });
}
