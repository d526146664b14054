/**
 * Broken variants of what a verdict's bounds rest on. The fault budgets, one per model: each
 * miscounts the faults a run takes in a different way, so that "with at most N faults" would be
 * a bound it was not checked under (caught by the model's `fault-budget-kept`). And idle steps:
 * a guard that lets an event through where its handler does nothing (caught by the model's
 * `no-idle-steps`).
 */
import { createBackend } from '../model/backend/index.ts';
import { segmentOf } from '../model/backend/pipeline.ts';
import { guards as backendGuards } from '../model/backend/reducer.ts';
import { bc, createBc } from '../model/bc/index.ts';
import { budgetBy } from '../model/kernel/tables.ts';
import { createRecording } from '../model/recording/index.ts';
import { events as recordingEvents } from '../model/recording/reducer.ts';
import { createSipHa, sipHa } from '../model/sip-ha/index.ts';
import { handlers as sipHandlers } from '../model/sip-ha/reducer.ts';
import { backendFaultBudget, backendNoIdleSteps } from './backend/index.ts';
import { bcFaultBudget, bcNoIdleSteps } from './bc/index.ts';
import { recordingFaultBudget } from './recording/budget.ts';
import { recordingNoIdleSteps } from './recording/index.ts';
import { sipFaultBudget } from './sip-ha/budget.ts';
import { sipNoIdleSteps } from './sip-ha/index.ts';
import type { VariantSpec } from './variant.ts';

export const boundsVariants: readonly VariantSpec[] = [
  {
    id: 'crash-beyond-budget',
    model: 'sip-ha',
    config: 'small',
    title:
      'A SIP Server process crash is declared with no fault budget: it may happen after the budget is spent, so a run takes more faults than its verdicts state',
    breaks: sipFaultBudget,
    build: () =>
      createSipHa({
        budgetOf: (e) =>
          sipHa.kindOf(e) === 'fault' && e.type !== 'processCrashed' ? [] : undefined,
      }),
  },
  {
    id: 'switchover-stops-old-primary',
    model: 'sip-ha',
    config: 'small',
    title:
      'A manual switchover stops the old primary (as a crash would) instead of making it the backup: a server goes down with no fault taken',
    breaks: sipFaultBudget,
    build: () =>
      createSipHa({
        handlers: {
          switchoverRequested: (draft, event, ctx) => {
            const primary = draft.servers.sip1.role === 'primary' ? 'sip1' : 'sip2';
            sipHandlers.switchoverRequested(draft, event, ctx);
            sipHandlers.processCrashed(draft, { type: 'processCrashed', node: primary }, ctx);
          },
        },
      }),
  },
  {
    id: 'site-failure-uncounted',
    model: 'bc',
    config: 'small',
    title: 'A site failure is declared with no fault budget: it is not counted against it',
    breaks: bcFaultBudget,
    build: () =>
      createBc({
        budgetOf: (e) => (bc.kindOf(e) === 'fault' && e.type !== 'siteFailed' ? [] : undefined),
      }),
  },
  {
    id: 'mcp-crash-spends-sip-budget',
    model: 'recording',
    config: 'small',
    title:
      "An MCP crash is charged to the SIP Server pair's fault budget instead of the RM and MCP one",
    breaks: recordingFaultBudget,
    build: () =>
      createRecording({
        budgetOf: (e) =>
          e.type === 'processCrashed' && e.node.startsWith('mcp')
            ? ['sip']
            : budgetBy(recordingEvents, e),
      }),
  },
  {
    id: 'write-fails-twice',
    model: 'backend',
    config: 'default',
    title:
      'A storage write that has already failed may fail again before it is retried: a fault spent that changes nothing',
    breaks: backendFaultBudget,
    build: () =>
      createBackend({
        guards: {
          storageWriteFailed: (s, e, ctx) =>
            backendGuards.storageWriteFailed(s, e, ctx) ||
            (s.writeFailed[e.seg] === true && s.rec.mcps[segmentOf(s, e.seg)!.mcp] === 'up'),
        },
      }),
  },
  {
    id: 'link-repaired-when-sound',
    model: 'sip-ha',
    config: 'small',
    title: 'The HA link may be "repaired" while it is not broken',
    breaks: sipNoIdleSteps,
    build: () => createSipHa({ guards: { haLinkRepaired: () => true } }),
  },
  {
    id: 'wan-healed-when-whole',
    model: 'bc',
    config: 'small',
    title: 'The WAN partition may "heal" while the WAN is whole',
    breaks: bcNoIdleSteps,
    build: () => createBc({ guards: { partitionHealed: () => true } }),
  },
  {
    id: 'mcp-recovery-noticed-twice',
    model: 'recording',
    config: 'small',
    title: 'RM may detect the recovery of an MCP it already believes up',
    breaks: recordingNoIdleSteps,
    build: () =>
      createRecording({ guards: { mcpRecoveryDetected: (s, e) => s.mcps[e.mcp] === 'up' } }),
  },
  {
    id: 'ws-request-to-empty-pool',
    model: 'backend',
    config: 'default',
    title:
      'A Processor may send its Web Services request when no Web Services node is up; the request goes nowhere',
    breaks: backendNoIdleSteps,
    build: () =>
      createBackend({
        guards: {
          wsRequested: (s, e) =>
            s.processors[e.rp].process === 'up' && s.processors[e.rp].work[e.seg] === 'enriched',
        },
      }),
  },
];
