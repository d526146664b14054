/**
 * Cassandra as Web Services uses it: each row has `replicationFactor` replicas; a write is
 * acknowledged once `required` replicas have it on disk, and a read asks `required` replicas.
 *
 * Source: GIR "High Availability" › Web Services and Cassandra ("runs in a N+1 cluster");
 * domain notes §3.2 (tenant keyspaces, column families per contact center), A-25.
 * Simplifications: no hinted handoff or repair (a replica that misses a write stays without it);
 * a node keeps what it wrote across a crash; replicas of every row are the first nodes.
 */
import type { BackendConfig } from './config.ts';
import type { CassId, Replica, Up } from './state.ts';

/** Replicas that must answer at a consistency level. */
export function requiredReplicas(
  consistency: BackendConfig['consistency'],
  replicationFactor: number,
): number {
  switch (consistency) {
    case 'one':
      return 1;
    case 'quorum':
      return Math.floor(replicationFactor / 2) + 1;
    case 'all':
      return replicationFactor;
  }
}

type Copies = Readonly<Partial<Record<CassId, Replica>>> | undefined;

export function writtenCount(copies: Copies): number {
  return Object.values(copies ?? {}).filter((r) => r === 'written').length;
}

/** Replicas that have the row or will have it (pending on a node that is up). */
export function reachableCount(copies: Copies, nodes: Readonly<Record<CassId, Up>>): number {
  return (Object.entries(copies ?? {}) as [CassId, Replica][]).filter(
    ([node, r]) => r === 'written' || nodes[node] === 'up',
  ).length;
}
