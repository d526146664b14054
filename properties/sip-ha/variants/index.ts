/**
 * Broken variants of the SIP Server hot-standby model. Each replaces exactly one handler (or
 * guard) of the real model with a plausible mistake, and names the property that must catch it.
 */
import type { Draft } from 'immer';
import { createSipHa } from '../../../model/sip-ha/index.ts';
import { guards, handlers } from '../../../model/sip-ha/reducer.ts';
import {
  isCallKey,
  otherServer,
  SERVERS,
  type SipHaState,
  type SyncKey,
} from '../../../model/sip-ha/state.ts';
import { boundsVariants } from '../../bounds-variants.ts';
import type { VariantSpec } from '../../variant.ts';
import { acksMatchBackup } from '../link.ts';
import { failoverWithinBound, onePrimaryAfterHeal } from '../liveness.ts';
import { callModel, switchoverOnSyncedPair } from '../procedure.ts';
import {
  agentStateSurvivesFailover,
  noLostEstablishedCall,
  recordingSurvivesFailover,
  singlePrimary,
} from '../safety.ts';
import { linkVariants } from './link.ts';

/** The backup end of a connected link, if any. */
function backupOf(draft: Draft<SipHaState>) {
  const id = SERVERS.find((s) => draft.servers[s].role === 'backup');
  return id === undefined ? undefined : draft.servers[id];
}

function backupReady(state: SipHaState): boolean {
  return SERVERS.some(
    (s) => state.servers[s].role === 'backup' && state.servers[s].readiness === 'ready',
  );
}

const pairVariants: readonly VariantSpec[] = [
  {
    id: 'ack-before-sync',
    model: 'sip-ha',
    config: 'small',
    title:
      'The primary counts a call as synced as soon as it is answered, before the backup has it',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          callAnswered: (draft, event, ctx) => {
            handlers.callAnswered(draft, event, ctx);
            draft.servers[event.server].acked[event.call] = 'established';
          },
        },
      }),
  },
  {
    id: 'promote-without-replica',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS promotes a backup that serves calls from an empty call table instead of its replica',
    breaks: noLostEstablishedCall,
    build: () =>
      createSipHa({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            const table = draft.servers[event.node].table;
            for (const key of Object.keys(table) as SyncKey[])
              if (isCallKey(key)) table[key] = 'idle';
          },
        },
      }),
  },
  {
    id: 'resync-drops-recording',
    model: 'sip-ha',
    config: 'small',
    title: 'The batch resync pushes missing calls but not their recording sessions',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          resyncDelivered: (draft, event, ctx) => {
            handlers.resyncDelivered(draft, event, ctx);
            const backup = backupOf(draft);
            if (backup === undefined) return;
            for (const [key, value] of Object.entries(backup.table)) {
              if (value === 'recording') backup.table[key as `c${number}`] = 'established';
            }
          },
        },
      }),
  },
  {
    id: 'agent-sync-ignored',
    model: 'sip-ha',
    config: 'small',
    title: 'The backup acknowledges agent-state sync messages without applying them',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          syncDelivered: (draft, event, ctx) => {
            const backup = backupOf(draft);
            const before = backup?.table[event.key];
            handlers.syncDelivered(draft, event, ctx);
            if (backup !== undefined && before !== undefined && event.key.startsWith('a'))
              backup.table[event.key] = before;
          },
        },
      }),
  },
  {
    id: 'unsynced-call-counted-synced',
    model: 'sip-ha',
    config: 'default',
    title:
      'A call answered while the HA link is down is counted as synced, though no sync message could leave',
    breaks: noLostEstablishedCall,
    build: () =>
      createSipHa({
        handlers: {
          callAnswered: (draft, event, ctx) => {
            handlers.callAnswered(draft, event, ctx);
            if (!draft.link.connected)
              draft.servers[event.server].acked[event.call] = 'established';
          },
        },
      }),
  },
  {
    id: 'unsynced-recording-counted-synced',
    model: 'sip-ha',
    config: 'recheck',
    title:
      'A recording started while the HA link is down, on a call the backup holds, is counted as synced, though no sync message could leave',
    breaks: recordingSurvivesFailover,
    build: () =>
      createSipHa({
        handlers: {
          recordingStarted: (draft, event, ctx) => {
            handlers.recordingStarted(draft, event, ctx);
            const peer = draft.servers[event.server === 'sip1' ? 'sip2' : 'sip1'];
            if (!draft.link.connected && peer.table[event.call] === 'established')
              draft.servers[event.server].acked[event.call] = 'recording';
          },
        },
      }),
  },
  {
    id: 'unsynced-agent-state-counted-synced',
    model: 'sip-ha',
    config: 'default',
    title:
      'An agent state changed while the HA link is down is counted as synced, though no sync message could leave',
    breaks: agentStateSurvivesFailover,
    build: () =>
      createSipHa({
        handlers: {
          agentStateChanged: (draft, event, ctx) => {
            handlers.agentStateChanged(draft, event, ctx);
            if (!draft.link.connected) draft.servers[event.server].acked[event.agent] = event.to;
          },
        },
      }),
  },
  {
    id: 'promote-drops-recording',
    model: 'sip-ha',
    config: 'small',
    title:
      'The promoted backup takes over its calls but not their recording sessions: a recorded call goes on unrecorded',
    breaks: recordingSurvivesFailover,
    build: () =>
      createSipHa({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            const table = draft.servers[event.node].table;
            for (const key of Object.keys(table) as (keyof typeof table)[])
              if (table[key] === 'recording') table[key] = 'established';
          },
        },
      }),
  },
  {
    id: 'promote-logs-agents-out',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS promotes the backup, which starts with every agent logged out instead of the states it holds',
    breaks: agentStateSurvivesFailover,
    build: () =>
      createSipHa({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            handlers.switchoverPerformed(draft, event, ctx);
            const table = draft.servers[event.node].table;
            for (const key of Object.keys(table) as (keyof typeof table)[])
              if (key.startsWith('a')) table[key] = 'loggedOut';
          },
        },
      }),
  },
  {
    id: 'old-primary-keeps-serving',
    model: 'sip-ha',
    config: 'small',
    title:
      'After a partition heals, SCS reconnects to the old primary without noticing it still serves',
    breaks: singlePrimary,
    build: () =>
      createSipHa({
        handlers: {
          partitionHealed: (draft, event, ctx) => {
            handlers.partitionHealed(draft, event, ctx);
            draft.scs.reconcile = false;
          },
        },
      }),
  },
  {
    id: 'scs-ignores-addp',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS notices the ADDP timeout but never declares the host lost, so no failover follows a host crash',
    breaks: failoverWithinBound,
    build: () =>
      createSipHa({
        handlers: {
          lcaLossDetected: (draft, event) => {
            delete draft.timers[`detect:${event.node}`];
          },
        },
      }),
  },
  {
    id: 'split-brain-never-resolved',
    model: 'sip-ha',
    config: 'small',
    title: 'SCS sees two primaries after a heal and takes no action',
    breaks: onePrimaryAfterHeal,
    liveness: 'lasso',
    build: () => createSipHa({ handlers: { splitBrainResolved: () => {} } }),
  },
  {
    id: 'addp-poll-retried-forever',
    model: 'sip-ha',
    config: 'small',
    title:
      'When ADDP runs out SCS polls the silent host again instead of declaring it lost, forever',
    breaks: failoverWithinBound,
    liveness: 'lasso',
    build: () =>
      createSipHa({
        handlers: {
          lcaLossDetected: (draft, event, ctx) => {
            draft.timers[`detect:${event.node}`] = ctx.detection.detectMs;
          },
        },
      }),
  },
  {
    id: 'switchover-leaves-vip',
    model: 'sip-ha',
    config: 'small',
    title:
      "A manual switchover swaps the roles, but the Virtual IP stays on the old primary's host and is not enabled on the new one",
    breaks: singlePrimary,
    build: () =>
      createSipHa({
        handlers: {
          switchoverRequested: (draft, event, ctx) => {
            const old = SERVERS.find((s) => draft.servers[s].role === 'primary');
            handlers.switchoverRequested(draft, event, ctx);
            if (old === undefined) return;
            draft.servers[old].vip = true;
            draft.servers[otherServer(old)].vip = false;
          },
        },
      }),
  },
  {
    id: 'loser-keeps-vip',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS resolves the split brain by demoting the extra primary, but its Virtual IP is never removed',
    breaks: onePrimaryAfterHeal,
    build: () =>
      createSipHa({
        handlers: {
          splitBrainResolved: (draft, event, ctx) => {
            const loser = otherServer(draft.scs.primary);
            handlers.splitBrainResolved(draft, event, ctx);
            draft.servers[loser].vip = true;
          },
        },
      }),
  },
  {
    id: 'promote-after-restart-drops-calls',
    model: 'sip-ha',
    config: 'small',
    title:
      'When the failed primary has already restarted as a backup, SCS promotes the other backup as a cold start that discards the calls its replica held',
    breaks: noLostEstablishedCall,
    build: () =>
      createSipHa({
        handlers: {
          switchoverPerformed: (draft, event, ctx) => {
            const coldStart = draft.servers[otherServer(event.node)].role !== 'primary';
            handlers.switchoverPerformed(draft, event, ctx);
            if (!coldStart) return;
            const table = draft.servers[event.node].table;
            for (const key of Object.keys(table) as SyncKey[])
              if (isCallKey(key)) table[key] = 'idle';
          },
        },
      }),
  },
  {
    id: 'recorded-call-answered-again',
    model: 'sip-ha',
    config: 'small',
    title:
      'The primary takes an answer for a call in any phase, so a call being recorded is answered again and drops back to established',
    breaks: callModel,
    build: () =>
      createSipHa({
        guards: {
          callAnswered: (state, event, ctx) =>
            guards.callAnswered(state, event, ctx) ||
            (guards.callReleased(state, { ...event, type: 'callReleased' }, ctx) &&
              state.servers[event.server].table[event.call] === 'recording'),
        },
      }),
  },
  {
    id: 'switchover-with-sync-in-flight',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCI offers the manual switchover as soon as both servers are seen and the backup is ready, with a sync message still in flight',
    breaks: switchoverOnSyncedPair,
    build: () =>
      createSipHa({
        guards: {
          switchoverRequested: (state, event, ctx) =>
            guards.switchoverRequested(state, event, ctx) ||
            (state.link.connected &&
              Object.keys(state.link.inflight).length > 0 &&
              SERVERS.every(
                (s) => state.servers[s].process === 'up' && state.scs.lca[s] === 'connected',
              ) &&
              backupReady(state)),
        },
      }),
  },
];

export const sipHaVariants: readonly VariantSpec[] = [
  ...pairVariants,
  ...linkVariants,
  ...boundsVariants.filter((v) => v.model === 'sip-ha'),
];
