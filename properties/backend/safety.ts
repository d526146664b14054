/**
 * Safety properties of the recording back end.
 * Clauses: GIR-SCALE-5, GIR-WS-1, GIR-RP-1, GIR-RCS-1, GIR-SM-2/3/4 (properties/catalog/
 * clauses-backend.ts). Assumptions: A-25 (N+1), A-26 (at least once, idempotent), A-28, B-R-*.
 */

import type { BackendConfig } from '../../model/backend/config.ts';
import type { BackendEvent } from '../../model/backend/events.ts';
import { context } from '../../model/backend/index.ts';
import { segmentOf } from '../../model/backend/pipeline.ts';
import {
  type BackendState,
  PROCESSORS,
  SCHEDULERS,
  type SegKey,
} from '../../model/backend/state.ts';
import type { SingletonMember } from '../../model/kernel/active-standby.ts';
import type { Invariant, StepProperty } from '../engine/property.ts';
import { upCount } from './common.ts';
import { replicaNodesOf, requiredOf } from './members.ts';

type Step = StepProperty<BackendState, BackendEvent>;
type Inv = Invariant<BackendState>;

/**
 * Judged by the segment's own state across the step (it becomes 'posted'), not by the event.
 * Excludes: metadata posted for a segment whose storage write has not succeeded.
 * Shown by: post-before-store, post-after-failed-write.
 */
export function postedOnlyAfterStored(config: BackendConfig): Step {
  const ctx = context(config);
  return {
    id: 'backend.posted-only-after-stored',
    kind: 'step',
    clauses: ['GIR-SCALE-5'],
    statement:
      "MCP posts a segment's metadata to the Recording Processor only after its storage write succeeded (never for a segment whose write failed and was not redone).",
    check(before, _event, after) {
      for (const seg of ctx.segments) {
        const was = segmentOf(before, seg)?.state;
        if (was === 'posted' || segmentOf(after, seg)?.state !== 'posted') continue;
        if (was !== 'stored')
          return `the metadata of ${seg} was posted while the segment was '${was}', not stored${before.writeFailed[seg] ? ' (its storage write had failed)' : ''}`;
      }
      return undefined;
    },
  };
}

/**
 * Excludes: a posted segment's metadata that no one holds: not waiting at MCP, not at the
 * Processor MCP posted it to, and not in both Web Services and SpeechMiner.
 * Shown by: crash-loses-post, processor-drops-message.
 */
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

/**
 * Excludes: a retried POST that creates a second record in Web Services or a second entry in
 * SpeechMiner.
 * Shown by: non-idempotent-web-services.
 */
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

/**
 * Excludes: a request to Web Services or the Receivers refused (or faked) while a member is up.
 * Guarded: the request handlers take the first member that is up, so only a changed handler can
 * fail it, and an attempt is visible only as the event; that requests keep flowing while a
 * member is up is what indexed-within-bound judges. Shown by: web-services-no-failover.
 */
export const poolsAnswer: Step = {
  id: 'backend.pool-answers-while-one-up',
  kind: 'step',
  guarded:
    'The request handlers always take the first Web Services node or Receiver that is up, so a refusal while one is up needs a changed handler; that requests keep flowing is judged by backend.indexed-within-bound.',
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

/**
 * Excludes: a pool that cannot carry its load with one member down (sized N, not N+1).
 * Guarded: a property of the deployment's sizing (members up × capacity against the load); only a
 * config can break it. Shown by: web-services-sized-n.
 */
export function poolsSized(config: BackendConfig): Inv {
  return {
    id: 'backend.pool-sized-n-plus-one',
    kind: 'invariant',
    guarded:
      "The members' capacity is fixed by the config and no event changes it, so only an undersized deployment (a config) can break it.",
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
        if (members - upNow <= 1 && upNow * sizing.capacity < sizing.load)
          return `${name}: ${upNow} of ${members} members up carry ${upNow * sizing.capacity}/s, below the load of ${sizing.load}/s`;
      }
      return undefined;
    },
  };
}

/**
 * Whether every read of `required` live replicas of the row meets one that wrote it: enough
 * replicas are up, and fewer than `required` of the live ones lack the row.
 */
function quorumReadable(
  state: BackendState,
  seg: SegKey,
  replicaNodes: readonly string[],
  required: number,
): boolean {
  const live = replicaNodes.filter((n) => state.cassandra[n as never] === 'up');
  const lacking = live.filter((n) => state.replicas[seg]?.[n as never] !== 'written');
  return live.length >= required && lacking.length < required;
}

/**
 * Excludes: an acknowledged row that a read at the consistency level can miss with one node down.
 * Shown by: cassandra-acks-at-one.
 */
export function ackedWriteSurvives(config: BackendConfig): Inv {
  const ctx = context(config);
  const required = requiredOf(config);
  const replicaNodes = replicaNodesOf(config);
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
        if (!quorumReadable(state, seg, replicaNodes, required))
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

/**
 * The expected key is read from the config and the segment's own recording parameters, not from
 * the model's encryptionKey helper.
 * Excludes: playback that fails with a UI instance and a Crypto Server up, or that decrypts with
 * a key other than the IVR Profile's (or another tenant's).
 * Shown by: crypto-no-failover.
 */
export function playbackDecrypts(config: BackendConfig): Step {
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
      // The IVR Profile and tenant the recording path recorded with (params: 'profile|tenant').
      const [profile, tenant] = (segmentOf(before, event.seg)?.params ?? '').split('|');
      const expected = config.certificates[profile ?? ''] ?? 'none';
      if (p.key !== expected || config.keystore[p.key] !== tenant)
        return `playback of ${event.seg} used key ${p.key}, not ${expected} of ${tenant}`;
      return undefined;
    },
  };
}

/** The members of a standby pair that are up and flagged active. */
function flaggedActive<Id extends string>(
  ids: readonly Id[],
  members: Readonly<Record<Id, SingletonMember>>,
): Id[] {
  return ids.filter((id) => members[id].process === 'up' && members[id].role === 'active');
}

/**
 * Who did the active member's work in a step: `worker` is the member that did it (or undefined).
 * It must be up and flagged active, and outside a partition no other member may be flagged active
 * at the same time; and, flags alone, at most one member is active outside a partition.
 */
function judgeSingleActive<Id extends string>(
  ids: readonly Id[],
  members: Readonly<Record<Id, SingletonMember>>,
  worker: Id | undefined,
  work: string,
): string | undefined {
  const cut = ids.some((id) => members[id].cut);
  const active = flaggedActive(ids, members);
  if (!cut && active.length > 1) return `${active.join(' and ')} are both active`;
  if (worker === undefined) return undefined;
  if (!active.includes(worker))
    return `${worker} ${work} while it is ${members[worker].process === 'up' ? members[worker].role : 'down'}${active.length > 0 ? `, and ${active.join(' and ')} is the active one` : ''}`;
  return undefined;
}

/**
 * Judged by work: the Processor that takes a new POST (its work gains a message it did not hold)
 * must be the active one.
 * Excludes: two Recording Processors doing the active one's work in active-backup mode outside a
 * partition: both flagged active, or a backup taking MCP's POSTs.
 * Shown by: processor-takes-over-early, backup-processor-takes-posts.
 */
export const singleActiveProcessor: Step = {
  id: 'backend.single-active-processor',
  kind: 'step',
  clauses: ['GIR-RP-1'],
  statement:
    "In active-backup mode only the active Recording Processor takes MCP's POSTs, and at most one is active outside a partition between the two.",
  check(before, _event, after) {
    const taker = PROCESSORS.find((rp) =>
      Object.keys(after.processors[rp].work).some(
        (seg) => before.processors[rp].work[seg as SegKey] === undefined,
      ),
    );
    return judgeSingleActive(PROCESSORS, after.processors, taker, "takes MCP's POST");
  },
};

/**
 * Judged by work: the Scheduler that indexes a recording (the ghost `indexedBy`, recorded where
 * the indexing happens) must be the active one.
 * Excludes: two UPlatform Scheduler tasks doing the Scheduler's work outside a partition: both
 * flagged active, or a standby indexing recordings.
 * Shown by: scheduler-takes-over-early, standby-scheduler-indexes.
 */
export const singleActiveScheduler: Step = {
  id: 'backend.single-active-scheduler',
  kind: 'step',
  clauses: ['GIR-SM-4'],
  statement:
    'Only the active UPlatform Scheduler task indexes recordings, and at most one is active outside a partition between the two.',
  check(before, _event, after) {
    const seg = (Object.keys(after.indexedBy) as SegKey[]).find(
      (s) => before.indexedBy[s] === undefined,
    );
    const indexer = seg === undefined ? undefined : after.indexedBy[seg];
    // The indexer is judged as it was when it indexed: the step that indexes changes no roles.
    return judgeSingleActive(SCHEDULERS, after.schedulers, indexer, 'indexes a recording');
  },
};
