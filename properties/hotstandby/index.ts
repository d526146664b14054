/**
 * The benchmark's hot-standby pair and what judges it: the two invariants of HotStandby.tla
 * (NoAckedCallLost and ReplicatedAckedSurvive), judged only while the active server is up. It is
 * a benchmark, not a reading of the documents, so its properties check no catalog clause.
 */
import {
  type HotStandbyConfig,
  type HotStandbyEvent,
  type HotStandbyState,
  hotStandby,
} from '../../model/hotstandby/index.ts';
import type { Invariant, Property, Suite } from '../engine/property.ts';

type Inv = Invariant<HotStandbyState>;

/** The first call its client holds established that the active server lacks, if `also` holds. */
function lostAcked(s: HotStandbyState, also: (call: number) => boolean): number | undefined {
  if (!s.up[s.active]) return undefined;
  for (let c = 0; c < s.client.length; c++)
    if (s.client[c] === 'est' && also(c) && !s.mem[s.active][c]) return c;
  return undefined;
}

export const noAckedCallLost: Inv = {
  id: 'hotstandby.no-acked-call-lost',
  kind: 'invariant',
  clauses: [],
  statement:
    'While the active server is up, every call its client was told is established is in the active server’s call table.',
  check(s) {
    const c = lostAcked(s, () => true);
    return c === undefined
      ? undefined
      : `call ${c} was acked to its client but is not in ${s.active}'s call table`;
  },
};

export const replicatedAckedSurvive: Inv = {
  id: 'hotstandby.replicated-acked-survive',
  kind: 'invariant',
  clauses: [],
  statement:
    'While the active server is up, every call that was acked and whose replication was delivered is in the active server’s call table.',
  check(s) {
    const c = lostAcked(s, (call) => s.delivered[call] === true);
    return c === undefined
      ? undefined
      : `call ${c} was acked and replicated but is not in ${s.active}'s call table`;
  },
};

export function hotStandbyProperties(
  _config: HotStandbyConfig,
): Property<HotStandbyState, HotStandbyEvent>[] {
  // The weaker invariant first: where both break, it is the one reported.
  return [replicatedAckedSurvive, noAckedCallLost];
}

export const hotStandbySuite: Suite<HotStandbyConfig, HotStandbyState, HotStandbyEvent> = {
  model: hotStandby,
  properties: hotStandbyProperties,
  // Searched by npm start; a changed figure is a changed model (see ConfigCheck).
  checks: [
    {
      config: 'c3',
      states: 55_001,
      depth: 26,
      transitions: 227_538,
      // One state per orbit of the call ids (model/hotstandby/README.md).
      reduced: { states: 10_902, depth: 26, transitions: 44_791 },
    },
  ],
};
