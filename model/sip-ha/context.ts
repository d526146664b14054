import type { Draft } from 'immer';
import type { DetectionParams } from '../kernel/detection.ts';
import type { SipHaConfig } from './config.ts';
import type { SipHaEvent } from './events.ts';
import type { SipHaState, SyncKey, SyncValue } from './state.ts';

/** What every handler may read besides the state: the bound configuration, precomputed. */
export interface Context {
  readonly config: SipHaConfig;
  /** The table of a server that holds nothing: every call idle, every agent logged out. */
  readonly empty: Readonly<Record<SyncKey, SyncValue>>;
  readonly detection: DetectionParams;
}

export type EventOf<T extends SipHaEvent['type']> = Extract<SipHaEvent, { type: T }>;

/** A handler mutates the immer draft and returns nothing. */
export type Handler<T extends SipHaEvent['type']> = (
  draft: Draft<SipHaState>,
  event: EventOf<T>,
  ctx: Context,
) => void;

/** One handler per event type; a broken variant replaces exactly one of them. */
export type Handlers = { readonly [T in SipHaEvent['type']]: Handler<T> };

/** A guard per event type: whether the event can physically happen. */
export type Guards = {
  readonly [T in SipHaEvent['type']]: (
    state: SipHaState,
    event: EventOf<T>,
    ctx: Context,
  ) => boolean;
};
