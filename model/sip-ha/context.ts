import type { DetectionParams } from '../kernel/detection.ts';
import type { DeclaredEvents } from '../kernel/model.ts';
import type { GuardTable, HandlerTable } from '../kernel/tables.ts';
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

/** One handler per event type; a broken variant replaces exactly one of them. */
export type Handlers = HandlerTable<SipHaState, SipHaEvent, Context>;

/** A guard per event type: whether the event can physically happen. */
export type Guards = GuardTable<SipHaState, SipHaEvent, Context>;

/** The declarations of the model's events (the clock's is the kernel's). */
export type Declared = DeclaredEvents<SipHaState, SipHaEvent, Context>;

/** The declarations a role file owns. */
export type Decls<T extends keyof Declared> = Pick<Declared, T>;
