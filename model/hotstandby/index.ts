/**
 * The reference hot-standby pair of the benchmark (HotStandby.tla), in this project's idiom: a
 * model of one declaration per event. It is a benchmark, not a reading of the documents: it is
 * checked and tested like the others but stays out of the catalog, the review and `npm start`.
 * See README.md beside this file.
 */
import { type Model, type Overrides, type Symmetry, tableModel } from '../kernel/model.ts';
import type { GuardTable, HandlerTable } from '../kernel/tables.ts';
import { configs, type HotStandbyConfig, validate } from './config.ts';
import { type Context, type HotStandbyEvent, vocabulary } from './events.ts';
import { events } from './pair.ts';
import type { HotStandbyState } from './state.ts';

export type { HotStandbyConfig, HotStandbyEvent, HotStandbyState };

export function context(config: HotStandbyConfig): Context {
  return { config, none: Array.from({ length: config.calls }, () => false) };
}

/** Both servers up, P active and the standby synced, every client idle, nothing in flight. */
export function initialState(ctx: Context): HotStandbyState {
  const n = ctx.config.calls;
  const none = () => Array.from({ length: n }, () => false);
  return {
    up: { P: true, B: true },
    mem: { P: none(), B: none() },
    active: 'P',
    standbySynced: true,
    client: Array.from({ length: n }, () => 'idle' as const),
    msgs: { P: none(), B: none() },
    delivered: none(),
    faultsLeft: ctx.config.maxFaults,
  };
}

/**
 * The call ids are interchangeable in every config: each event of one call has its twin for
 * every other, the servers treat all calls alike, and both invariants are "for every call". A
 * call's column is its client's state, whether each server holds it, whether its replica is in
 * flight to each, and whether one was delivered.
 */
export function callSymmetry(_config: HotStandbyConfig): Symmetry {
  return {
    identity: 'calls',
    columns: [['client'], ['mem', 'P'], ['mem', 'B'], ['msgs', 'P'], ['msgs', 'B'], ['delivered']],
  };
}

/** Changes to the real model that a broken variant makes: replaced handlers or guards. */
export type HotStandbyOverrides = Overrides<
  HandlerTable<HotStandbyState, HotStandbyEvent, Context>,
  GuardTable<HotStandbyState, HotStandbyEvent, Context>,
  HotStandbyEvent
>;

export function createHotStandby(
  overrides: HotStandbyOverrides = {},
): Model<HotStandbyConfig, HotStandbyState, HotStandbyEvent> {
  return tableModel(
    {
      id: 'hotstandby',
      title: 'Hot-standby pair with call replication (benchmark reference)',
      configs,
      validate,
      events,
      // The TLA+ text has no time: no timer is ever pending, so time never advances.
      time: { timers: () => [] },
      context,
      init: initialState,
      vocabulary,
      symmetry: callSymmetry,
    },
    overrides,
  );
}

export const hotStandby = createHotStandby();
