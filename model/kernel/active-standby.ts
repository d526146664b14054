/**
 * Redundancy block: an active/standby singleton with automatic takeover. One member is active;
 * the standby watches it (a heartbeat) and, once it has not seen an active member for the
 * takeover timeout, becomes active itself. A partition between the two lets the standby take
 * over while the old active still runs (two actives, only inside a partition); when it heals,
 * the member that became active earlier (lower epoch) steps down. A restarted member is a standby.
 *
 * Source: GIR "High Availability" › Recording Processor (active-backup mode) and SpeechMiner
 * ("When the active instance fails, the standby instance automatically takes over");
 * domain notes A-26, A-28 (the detection mechanism is not documented: a timeout is assumed).
 */
import type { Timers } from './timers.ts';

export interface SingletonMember {
  readonly process: 'up' | 'down';
  readonly role: 'active' | 'standby';
  /** Incremented by each takeover; on a heal the lower epoch steps down. */
  readonly epoch: number;
  /** Cut from its peer by a partition. */
  readonly cut: boolean;
}

type Members<Id extends string> = Readonly<Record<Id, SingletonMember>>;
type DraftMembers<Id extends string> = Record<
  Id,
  { process: 'up' | 'down'; role: 'active' | 'standby'; epoch: number; cut: boolean }
>;

export function initialMembers<Id extends string>(ids: readonly Id[]): DraftMembers<Id> {
  return Object.fromEntries(
    ids.map((id, i) => [
      id,
      { process: 'up', role: i === 0 ? 'active' : 'standby', epoch: 0, cut: false },
    ]),
  ) as DraftMembers<Id>;
}

/** Members that are active; a member that is down is always a standby (fail, restart). */
export function actives<Id extends string>(ids: readonly Id[], members: Members<Id>): Id[] {
  return ids.filter((id) => members[id].role === 'active');
}

/** Whether `id` can see an active member (itself included). */
export function seesActive<Id extends string>(
  ids: readonly Id[],
  members: Members<Id>,
  id: Id,
): boolean {
  const self = members[id];
  return actives(ids, members).some((other) => other === id || (!self.cut && !members[other].cut));
}

/**
 * Arms the takeover timer of every standby that is up and sees no active member, and disarms it
 * for every other member (an active member sees itself). Call after each change to the members.
 */
export function rearm<Id extends string, T extends string>(
  ids: readonly Id[],
  members: Members<Id>,
  timers: Timers<T>,
  timerOf: (id: Id) => T,
  takeoverMs: number,
): void {
  for (const id of ids) {
    const m = members[id];
    const watching = m.process === 'up' && !seesActive(ids, members, id);
    const timer = timerOf(id);
    if (!watching) delete timers[timer];
    else if (timers[timer] === undefined) timers[timer] = takeoverMs;
  }
}

/** The standby becomes active with a newer epoch than any member has. */
export function takeOver<Id extends string>(
  ids: readonly Id[],
  members: DraftMembers<Id>,
  id: Id,
): void {
  const epoch = Math.max(...ids.map((other) => members[other].epoch)) + 1;
  members[id].role = 'active';
  members[id].epoch = epoch;
}

export function fail<Id extends string>(members: DraftMembers<Id>, id: Id): void {
  members[id].process = 'down';
  members[id].role = 'standby';
}

export function restart<Id extends string>(members: DraftMembers<Id>, id: Id): void {
  members[id].process = 'up';
  members[id].role = 'standby';
}

/** The partition heals; of two actives that now see each other, the older one steps down. */
export function heal<Id extends string>(ids: readonly Id[], members: DraftMembers<Id>): void {
  for (const id of ids) members[id].cut = false;
  const up = actives(ids, members);
  // With one active (or none) the keeper is that one: nobody steps down.
  const newest = Math.max(...up.map((id) => members[id].epoch));
  const keeper = up.find((id) => members[id].epoch === newest);
  for (const id of up) if (id !== keeper) members[id].role = 'standby';
}
