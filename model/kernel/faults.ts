/**
 * The shared environment vocabulary. Every model draws its faults, repairs and clock from these
 * shapes, so engines, renderers and the review speak of them the same way.
 */

/** A process dies; its host and the host's LCA stay up (LCA sees it at once). */
export interface ProcessCrashed<N extends string> {
  readonly type: 'processCrashed';
  readonly node: N;
}
/** A dead process is started again with empty memory. */
export interface ProcessRestarted<N extends string> {
  readonly type: 'processRestarted';
  readonly node: N;
}
/** A whole host dies: every process on it and its LCA. */
export interface HostCrashed<N extends string> {
  readonly type: 'hostCrashed';
  readonly node: N;
}
export interface HostRestarted<N extends string> {
  readonly type: 'hostRestarted';
  readonly node: N;
}
/** A host is cut from the management network (and whatever else the model says). */
export interface PartitionStarted<N extends string> {
  readonly type: 'partitionStarted';
  readonly node: N;
}
export interface PartitionHealed<N extends string> {
  readonly type: 'partitionHealed';
  readonly node: N;
}
/** The clock jumps to the earliest pending deadline. */
export interface TimeAdvanced {
  readonly type: 'timeAdvanced';
}

export type FaultEvent<N extends string> = ProcessCrashed<N> | HostCrashed<N> | PartitionStarted<N>;
export type RepairEvent<N extends string> =
  | ProcessRestarted<N>
  | HostRestarted<N>
  | PartitionHealed<N>;

/** The fault events of a set of nodes, in vocabulary order. */
export function faultEvents<N extends string>(nodes: readonly N[]): FaultEvent<N>[] {
  return nodes.flatMap((node) => [
    { type: 'processCrashed', node } as const,
    { type: 'hostCrashed', node } as const,
    { type: 'partitionStarted', node } as const,
  ]);
}

export function repairEvents<N extends string>(nodes: readonly N[]): RepairEvent<N>[] {
  return nodes.flatMap((node) => [
    { type: 'processRestarted', node } as const,
    { type: 'hostRestarted', node } as const,
    { type: 'partitionHealed', node } as const,
  ]);
}

/** A process's real status, apart from what anyone believes about it. */
export type ProcessStatus = 'up' | 'starting' | 'down';
