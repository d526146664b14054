/**
 * Broken variants of the recording back end. Each replaces one handler or guard of the real
 * model (or, for the sizing variant, sizes a pool N instead of N+1) with a plausible mistake,
 * and names the property that must catch it.
 */
import { configs } from '../../../model/backend/config.ts';
import type { Guards } from '../../../model/backend/context.ts';
import { createBackend } from '../../../model/backend/index.ts';
import { segmentOf } from '../../../model/backend/pipeline.ts';
import { decrypt } from '../../../model/backend/playback.ts';
import { guards, handlers } from '../../../model/backend/reducer.ts';
import { PROCESSORS, segKey } from '../../../model/backend/state.ts';
import { SERVERS } from '../../../model/sip-ha/state.ts';
import { boundsVariants } from '../../bounds-variants.ts';
import type { VariantSpec } from '../../variant.ts';
import { backendSinglePrimary } from '../index.ts';
import { indexedWithinBound, standbyTakesOver } from '../liveness.ts';
import { faultsHitWhatTheyName, onlyLiveMembersAct } from '../members.ts';
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
} from '../safety.ts';
import { writtenCopiesKept } from '../storage.ts';
import { pairVariants } from './pairs.ts';

/** A standby that takes over whenever it is up, whether or not the active one failed. */
const eagerTakeover =
  (prefix: 'rp' | 'sch'): Guards['takenOver'] =>
  (state, event, ctx) => {
    if (!event.node.startsWith(prefix)) return guards.takenOver(state, event, ctx);
    const member =
      event.node === 'rp1' || event.node === 'rp2'
        ? state.processors[event.node]
        : state.schedulers[event.node];
    const modeOk = prefix === 'sch' || ctx.config.processorMode === 'active-backup';
    return modeOk && member.process === 'up' && member.role === 'standby';
  };

export const backendVariants: readonly VariantSpec[] = [
  {
    id: 'takeover-promotes-sip-backup',
    model: 'backend',
    config: 'default',
    title:
      "A standby's takeover in the back end is applied to the recording path's SIP Server pair as well: its backup becomes primary and takes the Virtual IP while the primary still serves",
    breaks: backendSinglePrimary,
    build: () =>
      createBackend({
        handlers: {
          takenOver: (draft, event, ctx) => {
            handlers.takenOver(draft, event, ctx);
            const sip = draft.rec.sip;
            const backup = SERVERS.find((s) => sip.servers[s].role === 'backup');
            if (backup === undefined) return;
            sip.servers[backup].role = 'primary';
            sip.servers[backup].vip = true;
          },
        },
      }),
  },
  {
    id: 'post-before-store',
    model: 'backend',
    config: 'default',
    title:
      "MCP posts a segment's metadata as soon as the segment is finished, before its storage write",
    breaks: postedOnlyAfterStored,
    build: () =>
      createBackend({
        guards: {
          metadataPosted: (state, event) => {
            const segment = segmentOf(state, segKey(event.call, event.segment));
            return (
              (segment?.state === 'closed' || segment?.state === 'stored') &&
              state.rec.mcps[segment.mcp] === 'up'
            );
          },
        },
      }),
  },
  {
    id: 'post-after-failed-write',
    model: 'backend',
    config: 'default',
    title:
      'MCP posts the metadata once a storage write attempt ends, without checking that it succeeded',
    breaks: postedOnlyAfterStored,
    build: () =>
      createBackend({
        guards: {
          metadataPosted: (state, event, ctx) => {
            const seg = segKey(event.call, event.segment);
            // Once the attempt has ended (the segment is closed again after a failed write).
            const ended =
              state.writeFailed[seg] === true && segmentOf(state, seg)?.state === 'closed';
            return guards.metadataPosted(state, event, ctx) || ended;
          },
        },
      }),
  },
  {
    id: 'crash-loses-post',
    model: 'backend',
    config: 'default',
    title:
      'When a Processor crashes MCP keeps waiting for its answer instead of posting again (no at-least-once delivery)',
    breaks: noMetadataLost,
    build: () =>
      createBackend({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            const outbox = { ...draft.outbox };
            handlers.processCrashed(draft, event, ctx);
            if (event.node === 'rp1' || event.node === 'rp2') Object.assign(draft.outbox, outbox);
          },
        },
      }),
  },
  {
    id: 'non-idempotent-web-services',
    model: 'backend',
    config: 'default',
    title:
      'Web Services creates a new recording record for every request, so a retried POST is stored twice',
    breaks: effectOnce,
    build: () =>
      createBackend({
        handlers: {
          wsRequested: (draft, event, ctx) => {
            const had = draft.wsRecords[event.seg] ?? 0;
            handlers.wsRequested(draft, event, ctx);
            if (draft.wsRecords[event.seg] !== undefined) draft.wsRecords[event.seg] = had + 1;
          },
        },
      }),
  },
  {
    id: 'processor-drops-message',
    model: 'backend',
    config: 'default',
    title:
      "A Processor answers MCP's POST on receipt, so the message it is handling dies with it when it crashes",
    breaks: noMetadataLost,
    build: () =>
      createBackend({
        handlers: {
          metadataDelivered: (draft, event, ctx) => {
            handlers.metadataDelivered(draft, event, ctx);
            delete draft.outbox[event.seg];
          },
        },
      }),
  },
  {
    id: 'scheduler-takes-over-early',
    model: 'backend',
    config: 'default',
    title: 'The standby Scheduler takes over without the active one having failed',
    breaks: singleActiveScheduler,
    build: () => createBackend({ guards: { takenOver: eagerTakeover('sch') } }),
  },
  {
    id: 'processor-takes-over-early',
    model: 'backend',
    config: 'active-backup',
    title: 'The backup Recording Processor becomes active without the active one having failed',
    breaks: singleActiveProcessor,
    build: () => createBackend({ guards: { takenOver: eagerTakeover('rp') } }),
  },
  {
    id: 'cassandra-acks-at-one',
    model: 'backend',
    config: 'default',
    title: 'Web Services acknowledges a row once one Cassandra replica wrote it (consistency ONE)',
    breaks: ackedWriteSurvives,
    build: () =>
      createBackend({
        guards: {
          wsAnswered: (state, event, ctx) =>
            guards.wsAnswered(state, event, { ...ctx, required: 1 }),
        },
      }),
  },
  {
    id: 'web-services-no-failover',
    model: 'backend',
    config: 'default',
    title:
      'The Processor sends every Web Services request to ws1 and, when ws1 is down, takes the refused request for a success',
    breaks: poolsAnswer,
    build: () =>
      createBackend({
        handlers: {
          wsRequested: (draft, event, ctx) => {
            if (draft.webServices.ws1 === 'up') handlers.wsRequested(draft, event, ctx);
            else {
              draft.processors[event.rp].work[event.seg] = 'written';
              draft.acked[event.seg] = true;
            }
          },
        },
      }),
  },
  {
    id: 'crypto-no-failover',
    model: 'backend',
    config: 'default',
    title: 'Playback always asks rcs1 to decrypt, even while it is down',
    breaks: playbackDecrypts,
    build: () =>
      createBackend({
        handlers: {
          playbackRequested: (draft, event, ctx) => decrypt(draft, event.seg, 'rcs1', ctx),
        },
      }),
  },
  {
    id: 'web-services-sized-n',
    model: 'backend',
    config: 'sized-n',
    title: 'Web Services deployed as one node, sized for the load with no spare (N, not N+1)',
    breaks: poolsSized,
    build: () => ({
      ...createBackend(),
      configs: { ...configs, 'sized-n': { ...configs.default, webServices: 1 } },
    }),
  },
  {
    id: 'no-takeover',
    model: 'backend',
    config: 'default',
    title: 'The standby Scheduler never takes over',
    breaks: standbyTakesOver,
    build: () => createBackend({ guards: { takenOver: () => false } }),
  },
  {
    id: 'web-services-pinned',
    model: 'backend',
    config: 'default',
    title: 'The Processor sends Web Services requests to ws1 only, and waits while ws1 is down',
    breaks: indexedWithinBound,
    build: () =>
      createBackend({
        guards: {
          wsRequested: (state, event, ctx) =>
            state.webServices.ws1 === 'up' && guards.wsRequested(state, event, ctx),
        },
      }),
  },
  {
    id: 'ws-answer-taken-for-failure',
    model: 'backend',
    config: 'default',
    title:
      "The Processor takes Web Services' acknowledgement for a failure and sends the request again, forever",
    breaks: indexedWithinBound,
    liveness: 'lasso',
    build: () =>
      createBackend({
        handlers: {
          wsAnswered: (draft, event) => {
            draft.processors[event.rp].work[event.seg] = 'enriched';
          },
        },
      }),
  },
  {
    id: 'scheduler-takeover-restarts-processor-countdown',
    model: 'backend',
    config: 'active-backup-steady',
    title:
      "A Scheduler takeover restarts every standby countdown still running, so the backup Processor's takeover, already due, waits a whole timeout again",
    breaks: standbyTakesOver,
    liveness: 'other-order',
    build: () => {
      const model = createBackend({
        handlers: {
          takenOver: (draft, event, ctx) => {
            handlers.takenOver(draft, event, ctx);
            if (!event.node.startsWith('sch')) return;
            for (const rp of PROCESSORS)
              if (draft.timers[`takeover:${rp}`] !== undefined)
                draft.timers[`takeover:${rp}`] = ctx.config.takeoverMs;
          },
        },
      });
      // Active-backup without partitions and with single-member pools that carry no load, so
      // that a random run's two faults land on the two actives more often.
      const base = configs['active-backup'];
      const steady = {
        ...base,
        partitions: false,
        webServices: 1,
        receivers: 1,
        uiInstances: 1,
        sizing: {
          webServices: { load: 0, capacity: 100 },
          receivers: { load: 0, capacity: 50 },
          uiInstances: { load: 0, capacity: 20 },
        },
      };
      return { ...model, configs: { ...model.configs, 'active-backup-steady': steady } };
    },
  },
  {
    id: 'backup-processor-takes-posts',
    model: 'backend',
    config: 'active-backup',
    title:
      "In active-backup mode the backup Recording Processor takes MCP's POSTs too, while staying a backup",
    breaks: singleActiveProcessor,
    build: () =>
      createBackend({
        guards: {
          metadataDelivered: (state, event, ctx) =>
            guards.metadataDelivered(state, event, {
              ...ctx,
              config: { ...ctx.config, processorMode: 'active-active' },
            }),
        },
      }),
  },
  {
    id: 'standby-scheduler-indexes',
    model: 'backend',
    config: 'default',
    title: 'The standby Scheduler task indexes recordings as well, while the active one is alive',
    breaks: singleActiveScheduler,
    build: () =>
      createBackend({
        guards: {
          recordingIndexed: (state, event) =>
            state.schedulers[event.sch].process === 'up' &&
            (state.smEntries[event.seg] ?? 0) > 0 &&
            state.indexed[event.seg] === undefined,
        },
      }),
  },
  {
    id: 'down-mcp-reposts',
    model: 'backend',
    config: 'mcp-failure',
    title:
      'A POST that no Processor holds is sent again even when the MCP that must send it has crashed',
    breaks: onlyLiveMembersAct,
    build: () =>
      createBackend({
        guards: {
          metadataDelivered: (state, event, ctx) => {
            const segment = segmentOf(state, event.seg);
            if (segment === undefined) return false;
            const up = { ...state.rec.mcps, [segment.mcp]: 'up' as const };
            return guards.metadataDelivered(
              { ...state, rec: { ...state.rec, mcps: up } },
              event,
              ctx,
            );
          },
        },
      }),
  },
  {
    id: 'copy-to-down-replica',
    model: 'backend',
    config: 'default',
    title:
      'Web Services sends a row to every replica node, down or not, so that a node coming back writes a copy it never received',
    breaks: onlyLiveMembersAct,
    build: () =>
      createBackend({
        handlers: {
          wsRequested: (draft, event, ctx) => {
            handlers.wsRequested(draft, event, ctx);
            const copies = draft.replicas[event.seg];
            if (copies === undefined) return;
            for (const node of ctx.replicaNodes)
              if (copies[node] === undefined) copies[node] = 'pending';
          },
        },
      }),
  },
  {
    id: 'retry-forgets-copies',
    model: 'backend',
    config: 'default',
    title:
      'A Processor that sends a failed write again starts the row afresh: the copies already written are forgotten and written again',
    breaks: writtenCopiesKept,
    build: () =>
      createBackend({
        handlers: {
          wsRequested: (draft, event, ctx) => {
            delete draft.replicas[event.seg];
            handlers.wsRequested(draft, event, ctx);
          },
        },
      }),
  },
  {
    id: 'heal-joins-wrong-pair',
    model: 'backend',
    config: 'active-backup',
    title:
      "A heal of either pair's partition joins the other pair instead: the pair that was cut off stays cut off for good",
    breaks: faultsHitWhatTheyName,
    build: () =>
      createBackend({
        handlers: {
          partitionHealed: (draft, event, ctx) =>
            handlers.partitionHealed(
              draft,
              { ...event, node: event.node.startsWith('sch') ? 'rp1' : 'sch1' },
              ctx,
            ),
        },
      }),
  },
  ...pairVariants,
  ...boundsVariants.filter((v) => v.model === 'backend'),
];
