/**
 * Safety properties of the recording back end.
 * Clauses: GIR-SCALE-5, GIR-WS-1, GIR-RP-1, GIR-RCS-1, GIR-SM-2/3/4 (properties/catalog/
 * clauses-backend.ts). Assumptions: A-25 (N+1), A-26 (at least once, idempotent), A-28, B-R-*.
 */

import { readable } from '../../model/backend/cassandra.ts';
import type { BackendConfig } from '../../model/backend/config.ts';
import type { BackendEvent } from '../../model/backend/events.ts';
import { context } from '../../model/backend/index.ts';
import { segmentOf } from '../../model/backend/pipeline.ts';
import { encryptionKey } from '../../model/backend/playback.ts';
import { type BackendState, PROCESSORS, SCHEDULERS, segKey } from '../../model/backend/state.ts';
import { actives, partitioned } from '../../model/kernel/active-standby.ts';
import { carriesLoad } from '../../model/kernel/n-plus-one.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { upCount } from './common.ts';

type Step = StepProperty<BackendState, BackendEvent>;
type Inv = Invariant<BackendState>;

export const postedOnlyAfterStored: Step = {
  id: 'backend.posted-only-after-stored',
  kind: 'step',
  clauses: ['GIR-SCALE-5'],
  statement:
    "MCP posts a segment's metadata to the Recording Processor only after its storage write succeeded (never for a segment whose write failed and was not redone).",
  check(before, event) {
    if (event.type !== 'metadataPosted') return undefined;
    const seg = segKey(event.call, event.segment);
    const was = segmentOf(before, seg)?.state;
    return was === 'stored'
      ? undefined
      : `the metadata of ${seg} was posted while the segment was '${was}', not stored${before.writeFailed[seg] ? ' (its storage write had failed)' : ''}`;
  },
};

export function noMetadataLost(config: BackendConfig): Inv {
  const ctx = context(config);
  return {
    id: 'backend.no-metadata-lost',
    kind: 'invariant',
    clauses: ['GIR-RP-1', 'GIR-RP-2'],
    statement:
      'The metadata of every posted segment is, at every moment, waiting at MCP to be posted again, held by the Processor MCP posted it to, or recorded in both Web Services and SpeechMiner.',
    check(state) {
      for (const seg of ctx.segments) {
        if (segmentOf(state, seg)?.state !== 'posted') continue;
        const to = state.outbox[seg];
        if (to === 'none') continue;
        if (to !== undefined && state.processors[to].work[seg] !== undefined) continue;
        if (state.acked[seg] === true && (state.smEntries[seg] ?? 0) > 0) continue;
        const held =
          to === undefined
            ? 'MCP holds no unacknowledged POST'
            : `MCP waits for ${to}, which does not hold it`;
        return `the metadata of ${seg} is lost: ${held}, and it is ${state.acked[seg] ? '' : 'not '}in Web Services and ${(state.smEntries[seg] ?? 0) > 0 ? '' : 'not '}in SpeechMiner`;
      }
      return undefined;
    },
  };
}

export const effectOnce: Inv = {
  id: 'backend.effect-once',
  kind: 'invariant',
  clauses: ['GIR-RP-2', 'GIR-WS-1', 'GIR-SM-3'],
  statement:
    'However often a POST is retried, each segment has at most one recording record in Web Services and one entry in SpeechMiner.',
  check(state) {
    for (const [seg, n] of Object.entries(state.wsRecords))
      if ((n ?? 0) > 1) return `${seg} has ${n} recording records in Web Services`;
    for (const [seg, n] of Object.entries(state.smEntries))
      if ((n ?? 0) > 1) return `${seg} has ${n} entries in SpeechMiner's shared storage`;
    return undefined;
  },
};

export const poolsAnswer: Step = {
  id: 'backend.pool-answers-while-one-up',
  kind: 'step',
  clauses: ['GIR-WS-1', 'GIR-SM-3'],
  statement:
    "A Processor's request to Web Services or to SpeechMiner's Interaction Receivers succeeds whenever at least one member of that N+1 pool is up.",
  check(before, event, after) {
    if (event.type !== 'wsRequested' && event.type !== 'smSubmitted') return undefined;
    const ws = event.type === 'wsRequested';
    const pool = ws ? before.webServices : before.receivers;
    if (upCount(pool) === 0) return undefined;
    const stage = after.processors[event.rp].work[event.seg];
    const done = ws ? stage?.startsWith('writing:') : stage === 'submitted';
    return done
      ? undefined
      : `${event.rp}'s request for ${event.seg} to ${ws ? 'Web Services' : 'SpeechMiner'} failed while ${Object.keys(
          pool,
        )
          .filter((k) => pool[k as never] === 'up')
          .join(', ')} was up`;
  },
};

export function poolsSized(config: BackendConfig): Inv {
  return {
    id: 'backend.pool-sized-n-plus-one',
    kind: 'invariant',
    clauses: ['GIR-WS-1', 'GIR-SM-2', 'GIR-SM-3'],
    statement:
      'Each N+1 pool (Web Services, Interaction Receivers, SpeechMiner UI) carries its load whenever at most one of its members is down.',
    check(state) {
      const pools = {
        webServices: state.webServices,
        receivers: state.receivers,
        uiInstances: state.ui,
      } as const;
      for (const [name, table] of Object.entries(pools)) {
        const members = Object.keys(table).length;
        const upNow = upCount(table);
        const sizing = config.sizing[name as keyof typeof pools];
        if (members - upNow <= 1 && !carriesLoad(upNow, sizing))
          return `${name}: ${upNow} of ${members} members up carry ${upNow * sizing.capacity}/s, below the load of ${sizing.load}/s`;
      }
      return undefined;
    },
  };
}

export function ackedWriteSurvives(config: BackendConfig): Inv {
  const ctx = context(config);
  return {
    id: 'backend.acked-write-survives',
    kind: 'invariant',
    clauses: ['GIR-WS-1'],
    statement: `Every row Web Services acknowledged (Cassandra, replication factor ${config.replicationFactor}, consistency ${config.consistency}) stays readable at that consistency while at most one Cassandra node is down.`,
    check(state) {
      const down = ctx.cassandra.filter((n) => state.cassandra[n] === 'down').length;
      if (down > 1) return undefined;
      for (const seg of ctx.segments) {
        if (state.acked[seg] !== true) continue;
        if (!readable(state.replicas[seg], ctx.replicaNodes, state.cassandra, ctx.required))
          return `the acknowledged row of ${seg} is not readable at ${config.consistency}: written on ${
            Object.keys(state.replicas[seg] ?? {})
              .filter((n) => state.replicas[seg]?.[n as never] === 'written')
              .join(', ') || 'no replica'
          }, down: ${ctx.cassandra.filter((n) => state.cassandra[n] === 'down').join(', ')}`;
      }
      return undefined;
    },
  };
}

export function playbackDecrypts(config: BackendConfig): Step {
  const ctx = context(config);
  return {
    id: 'backend.playback-decrypts',
    kind: 'step',
    clauses: ['GIR-RCS-1', 'GIR-SM-2'],
    statement:
      "Playback of a recording succeeds whenever one SpeechMiner UI instance and one Crypto Server are up, decrypting with the key named by the IVR Profile that recorded it, which belongs to the recording's tenant.",
    check(before, event, after) {
      if (event.type !== 'playbackRequested') return undefined;
      const anyUi = upCount(before.ui) > 0;
      const anyRcs = upCount(before.crypto) > 0;
      if (!anyUi || !anyRcs) return undefined;
      const p = after.playback;
      if (p === undefined || p.rcs === 'none' || p.key === 'none')
        return `playback of ${event.seg} failed although a UI instance and a Crypto Server were up`;
      const expected = encryptionKey(before, event.seg, ctx);
      const tenant = segmentOf(before, event.seg)?.params.split('|')[1];
      if (p.key !== expected || config.keystore[p.key] !== tenant)
        return `playback of ${event.seg} used key ${p.key}, not ${expected} of ${tenant}`;
      return undefined;
    },
  };
}

export const singleActiveProcessor: Inv = {
  id: 'backend.single-active-processor',
  kind: 'invariant',
  clauses: ['GIR-RP-1'],
  statement:
    'In active-backup mode at most one Recording Processor is active, outside a partition between the two.',
  check(state) {
    if (partitioned(PROCESSORS, state.processors)) return undefined;
    const a = actives(PROCESSORS, state.processors);
    return a.length <= 1 ? undefined : `${a.join(' and ')} are both active`;
  },
};

export const singleActiveScheduler: Inv = {
  id: 'backend.single-active-scheduler',
  kind: 'invariant',
  clauses: ['GIR-SM-4'],
  statement: 'At most one UPlatform Scheduler task is active, outside a partition between the two.',
  check(state) {
    if (partitioned(SCHEDULERS, state.schedulers)) return undefined;
    const a = actives(SCHEDULERS, state.schedulers);
    return a.length <= 1 ? undefined : `${a.join(' and ')} are both active`;
  },
};
