/**
 * What a failed member of the back end can no longer do (GIR: each service "runs in a N+1
 * cluster" or as an active/standby pair, so the work of a failed member is the survivors'): a
 * member that is down takes no part in a step, a row's copies go only to the replica nodes the
 * config sets, and the adversary's crashes and partitions strike the member they name. Read from
 * the event's own fields and the state around it, with the replica nodes and the consistency
 * level computed here from the config, not taken from the model's context.
 */
import type { BackendConfig } from '../../model/backend/config.ts';
import type { BackendEvent } from '../../model/backend/events.ts';
import type { BackendState, CassId, SegKey } from '../../model/backend/state.ts';
import type { StepProperty } from '../engine/property.ts';

type Step = StepProperty<BackendState, BackendEvent>;

/** The nodes that hold a row's replicas: the first `replicationFactor` (cassandra.ts). */
export function replicaNodesOf(config: BackendConfig): CassId[] {
  return Array.from({ length: config.replicationFactor }, (_, i) => `cass${i + 1}` as CassId);
}

/** Replicas that must answer at the config's consistency level. */
export function requiredOf(config: BackendConfig): number {
  if (config.consistency === 'one') return 1;
  if (config.consistency === 'all') return config.replicationFactor;
  return Math.floor(config.replicationFactor / 2) + 1;
}

const isUp = (table: Readonly<Record<string, string>>, id: string) => table[id] === 'up';

/** The Web Services node a Processor's request of a segment went to, from its stage. */
function coordinator(state: BackendState, rp: 'rp1' | 'rp2', seg: SegKey): string | undefined {
  const stage = state.processors[rp].work[seg];
  return stage?.startsWith('writing:') ? stage.slice('writing:'.length) : undefined;
}

/** Who must be up for the step to happen, as 'kind id' of the first one that is not. */
function downActor(before: BackendState, e: BackendEvent, after: BackendState): string | undefined {
  const rp = (id: 'rp1' | 'rp2') =>
    before.processors[id].process === 'up' ? undefined : `Recording Processor ${id}`;
  const mcpOf = (seg: SegKey) => {
    // The segment a key names, read here from the key ('c1.0': call c1, its first segment).
    const [call, index] = seg.split('.');
    const segment = before.rec.calls[call as 'c1']?.segments[Number(index)];
    return segment === undefined || isUp(before.rec.mcps, segment.mcp)
      ? undefined
      : `MCP ${segment.mcp}`;
  };
  const anyUp = (kind: string, table: Readonly<Record<string, string>>) =>
    Object.values(table).includes('up') ? undefined : `every ${kind}`;
  switch (e.type) {
    case 'metadataDelivered':
      return mcpOf(e.seg) ?? rp(e.rp);
    case 'callDataAdded':
    case 'wsRequestFailed':
      return rp(e.rp);
    case 'wsRequested': {
      const ws = coordinator(after, e.rp, e.seg);
      return (
        rp(e.rp) ??
        (ws === undefined || isUp(before.webServices, ws) ? undefined : `Web Services node ${ws}`)
      );
    }
    case 'wsAnswered': {
      const ws = coordinator(before, e.rp, e.seg);
      return (
        rp(e.rp) ??
        (ws === undefined
          ? 'the Web Services node coordinating the write (there is none)'
          : isUp(before.webServices, ws)
            ? undefined
            : `Web Services node ${ws}`)
      );
    }
    case 'replicaWritten':
      return isUp(before.cassandra, e.node) ? undefined : `Cassandra node ${e.node}`;
    case 'smSubmitted':
      return rp(e.rp) ?? anyUp('Interaction Receiver', before.receivers);
    case 'postAcknowledged':
      return rp(e.rp) ?? mcpOf(e.seg);
    case 'recordingIndexed':
      return before.schedulers[e.sch].process === 'up'
        ? undefined
        : `SpeechMiner Scheduler ${e.sch}`;
    case 'takenOver': {
      const member =
        e.node === 'rp1' || e.node === 'rp2'
          ? before.processors[e.node]
          : before.schedulers[e.node];
      return member.process === 'up' ? undefined : `standby ${e.node}`;
    }
    case 'playbackRequested': {
      // The answer names the UI instance and the Crypto Server that served it, if any did.
      const p = after.playback;
      if (p === undefined) return undefined;
      if (p.ui !== 'none' && !isUp(before.ui, p.ui)) return `SpeechMiner UI ${p.ui}`;
      return p.rcs !== 'none' && !isUp(before.crypto, p.rcs) ? `Crypto Server ${p.rcs}` : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Excludes: a step taken by (or through) a member that is down: a Processor, the Web Services
 * node that coordinates a write, a Cassandra replica, every Receiver, a Scheduler, the MCP that
 * posts or must hear the answer, the UI instance or Crypto Server that answers a playback; a copy
 * of a row sent to a node that is down or holds none of its replicas; a takeover by a member that
 * is not standby, or that sees a live active peer. (What an acknowledgement needs is
 * backend.acked-write-survives's.)
 * Shown by: down-mcp-reposts, copy-to-down-replica.
 */
export function onlyLiveMembersAct(config: BackendConfig): Step {
  const replicaNodes = replicaNodesOf(config);
  return {
    id: 'backend.only-live-members-act',
    kind: 'step',
    clauses: ['GIR-WS-1', 'GIR-RP-1', 'GIR-SM-3'],
    statement: `A member that is down takes no part in a step (Processors, Web Services, Cassandra, Receivers, Schedulers, the posting MCP, the UI and Crypto Server that answer a playback); a row's copies go only to its ${config.replicationFactor} replica nodes, and only while they are up; only a standby that sees no live active takes over.`,
    check(before, event, after) {
      const down = downActor(before, event, after);
      if (down !== undefined) return `${event.type} took place although ${down} is down`;
      if (event.type === 'takenOver') {
        const pair: Readonly<Record<string, (typeof before.schedulers)['sch1']>> =
          event.node === 'rp1' || event.node === 'rp2' ? before.processors : before.schedulers;
        const member = pair[event.node]!;
        if (member.role !== 'standby') return `${event.node} took over, but it was already active`;
        const seen = Object.keys(pair).find(
          (id) =>
            id !== event.node &&
            pair[id]!.process === 'up' &&
            pair[id]!.role === 'active' &&
            !pair[id]!.cut &&
            !member.cut,
        );
        if (seen !== undefined) return `${event.node} took over while it could see ${seen} active`;
      }
      for (const seg of Object.keys(after.replicas) as SegKey[]) {
        const was = before.replicas[seg] ?? {};
        const now = after.replicas[seg] ?? {};
        for (const node of Object.keys(now) as CassId[]) {
          if (!replicaNodes.includes(node))
            return `${event.type} put a copy of ${seg} on ${node}, which is not one of its replica nodes`;
          if (was[node] === undefined && !isUp(before.cassandra, node))
            return `${event.type} sent a copy of ${seg} to ${node}, which is down`;
        }
      }
      return undefined;
    },
  };
}

/** A member's status as the adversary's events set it: running or not, and cut off or not. */
function statusOf(state: BackendState, node: string): { up: boolean; cut: boolean } {
  if (node === 'rp1' || node === 'rp2' || node === 'sch1' || node === 'sch2') {
    const m = node.startsWith('rp')
      ? state.processors[node as 'rp1' | 'rp2']
      : state.schedulers[node as 'sch1' | 'sch2'];
    return { up: m.process === 'up', cut: m.cut };
  }
  const table = [state.webServices, state.cassandra, state.receivers, state.ui, state.crypto].find(
    (t) => node in t,
  ) as Readonly<Record<string, string>>;
  return { up: table[node] === 'up', cut: false };
}

const describeStatus = (s: { up: boolean; cut: boolean }) =>
  `${s.up ? 'running' : 'down'}${s.cut ? ' and cut off' : ''}`;

const BACKEND_NODE = /^(rp|ws|cass|ir|sch|ui|rcs)\d+$/;

/**
 * Excludes: a crash, restart, partition or heal of the back end that misses the member it names
 * or changes another one's status (a fault of the wrong member is a run the verdicts do not
 * describe).
 * Shown by: heal-joins-wrong-pair.
 */
export function faultsHitWhatTheyName(config: BackendConfig): Step {
  const nodes = (state: BackendState) =>
    [
      ...Object.keys(state.processors),
      ...Object.keys(state.schedulers),
      ...[state.webServices, state.cassandra, state.receivers, state.ui, state.crypto].flatMap(
        (t) => Object.keys(t),
      ),
    ].filter((n) => BACKEND_NODE.test(n));
  const effect: Readonly<Record<string, { up?: boolean; cut?: boolean }>> = {
    processCrashed: { up: false },
    processRestarted: { up: true },
    partitionStarted: { cut: true },
    partitionHealed: { cut: false },
  };
  return {
    id: 'backend.faults-hit-what-they-name',
    kind: 'step',
    clauses: ['GIR-RP-1', 'GIR-SM-4'],
    statement: `A crash takes the back-end member it names down and a restart brings it up; a partition cuts it off and a heal joins it again (partitions${config.partitions ? '' : ' are off in this config'}); no other member's status changes in those steps, and no other step changes a member's status.`,
    check(before, event, after) {
      const node = 'node' in event ? (event.node as string) : undefined;
      const named = node !== undefined && BACKEND_NODE.test(node) ? effect[event.type] : undefined;
      for (const n of nodes(after)) {
        const was = statusOf(before, n);
        const now = statusOf(after, n);
        const want = n === node && named !== undefined ? { ...was, ...named } : was;
        if (now.up !== want.up || now.cut !== want.cut)
          return `${event.type}${node === undefined ? '' : ` ${node}`} left ${n} ${describeStatus(now)}, rather than ${describeStatus(want)}`;
      }
      return undefined;
    },
  };
}
