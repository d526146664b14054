/**
 * Broken variants of the SIP Server pair's HA link (who opens it, what a crash does to it) and of
 * what Solution Control Server learns and decides.
 */
import { createSipHa } from '../../../model/sip-ha/index.ts';
import { linkEnds } from '../../../model/sip-ha/link.ts';
import { reconnectLca } from '../../../model/sip-ha/management.ts';
import { guards, handlers } from '../../../model/sip-ha/reducer.ts';
import type { VariantSpec } from '../../variant.ts';
import { acksMatchBackup, syncLinkJoinsPair } from '../link.ts';
import { pairResynchronizes } from '../liveness.ts';
import { promotesSeenUp, scsLearnsThroughLca, splitBrainOnlyWhenSplit } from '../scs.ts';

export const linkVariants: readonly VariantSpec[] = [
  {
    id: 'link-never-reconnects',
    model: 'sip-ha',
    config: 'small',
    title:
      'Only sip1, the primary by configuration, opens the HA link: once sip2 has taken over, the link never reconnects and the backup never catches up',
    breaks: pairResynchronizes,
    build: () =>
      createSipHa({
        guards: {
          haLinkConnected: (state, event, ctx) =>
            guards.haLinkConnected(state, event, ctx) && state.servers.sip1.role === 'primary',
        },
      }),
  },
  {
    id: 'link-outlives-crash',
    model: 'sip-ha',
    config: 'small',
    title:
      "The backup's crash goes unnoticed by the primary's end of the HA link: the link stays connected to a dead server",
    breaks: syncLinkJoinsPair,
    build: () =>
      createSipHa({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            const connected = draft.link.connected;
            handlers.processCrashed(draft, event, ctx);
            if (draft.servers[event.node].role === 'backup') draft.link.connected = connected;
          },
        },
      }),
  },
  {
    id: 'scs-hears-cut-off-host',
    model: 'sip-ha',
    config: 'small',
    title:
      "SCS marks the process of a failed host down at once, as if the dead host's LCA could still report it, instead of waiting for ADDP",
    breaks: scsLearnsThroughLca,
    build: () =>
      createSipHa({
        handlers: {
          hostCrashed: (draft, event, ctx) => {
            handlers.hostCrashed(draft, event, ctx);
            draft.scs.view[event.node] = 'down';
          },
        },
      }),
  },
  {
    id: 'split-brain-without-split',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS takes every healed partition for a split brain and sets out to resolve it, although one server is backup',
    breaks: splitBrainOnlyWhenSplit,
    build: () =>
      createSipHa({
        handlers: {
          partitionHealed: (draft, event, ctx) => {
            handlers.partitionHealed(draft, event, ctx);
            draft.scs.reconcile = true;
          },
        },
      }),
  },
  {
    id: 'promote-reported-down',
    model: 'sip-ha',
    config: 'small',
    title:
      'SCS decides a failover from the LCA connection alone and promotes a backup whose process LCA reported down',
    breaks: promotesSeenUp,
    build: () =>
      createSipHa({
        guards: {
          switchoverPerformed: (state, event, ctx) =>
            guards.switchoverPerformed(
              { ...state, scs: { ...state.scs, view: { ...state.scs.view, [event.node]: 'up' } } },
              event,
              ctx,
            ),
        },
      }),
  },
  {
    id: 'lca-reconnects-through-partition',
    model: 'sip-ha',
    config: 'default',
    title:
      'A host restarted while cut off from SCS has its LCA connection back at once, as if the partition did not stand between them',
    breaks: scsLearnsThroughLca,
    build: () =>
      createSipHa({
        handlers: {
          hostRestarted: (draft, event, ctx) => {
            handlers.hostRestarted(draft, event, ctx);
            if (draft.hosts[event.node].partitioned) reconnectLca(draft, event.node);
          },
        },
      }),
  },
  {
    id: 'reconnect-acks-everything',
    model: 'sip-ha',
    config: 'small',
    title:
      'On reconnection the primary counts its whole table as acknowledged, though the backup is still missing what changed while the link was down',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          haLinkConnected: (draft, event, ctx) => {
            handlers.haLinkConnected(draft, event, ctx);
            const ends = linkEnds(draft);
            if (ends !== undefined) ends.primary.acked = { ...ends.primary.table };
          },
        },
      }),
  },
  {
    id: 'resync-forgets-acks',
    model: 'sip-ha',
    config: 'small',
    title:
      'The resync batch leaves the primary without the acknowledgements it carries: the backup is ready, yet the primary counts nothing as synchronized',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          resyncDelivered: (draft, event, ctx) => {
            handlers.resyncDelivered(draft, event, ctx);
            const ends = linkEnds(draft);
            if (ends !== undefined) ends.primary.acked = {};
          },
        },
      }),
  },
  {
    id: 'reconnect-always-resyncs',
    model: 'sip-ha',
    config: 'small',
    title:
      'Every reconnection puts the backup into a resync, even when it already holds everything the primary holds',
    breaks: acksMatchBackup,
    build: () =>
      createSipHa({
        handlers: {
          haLinkConnected: (draft, event, ctx) => {
            handlers.haLinkConnected(draft, event, ctx);
            const ends = linkEnds(draft);
            if (ends !== undefined) ends.backup.readiness = 'resyncing';
          },
        },
      }),
  },
];
