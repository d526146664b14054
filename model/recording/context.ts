import type { DeclaredEvents } from '../kernel/model.ts';
import type { GuardTable, HandlerTable } from '../kernel/tables.ts';
import type { Context as SipContext } from '../sip-ha/context.ts';
import type { CallId } from '../sip-ha/state.ts';
import type { RecordingConfig } from './config.ts';
import type { RecordingEvent, RecordingEventType } from './events.ts';
import type { McpId, RecordingState, SessionValue } from './state.ts';

/** What every handler may read besides the state: the bound configuration, precomputed. */
export interface Context {
  readonly config: RecordingConfig;
  /** The embedded SIP Server pair's own context, passed to its handlers and guards. */
  readonly sip: SipContext;
  readonly calls: readonly CallId[];
  readonly mcps: readonly McpId[];
  /** An RM that knows no session. */
  readonly empty: Readonly<Record<CallId, SessionValue>>;
}

export type EventOf<T extends RecordingEventType> = Extract<RecordingEvent, { type: T }>;

/** One handler per event type; a broken variant replaces exactly one of them. */
export type Handlers = HandlerTable<RecordingState, RecordingEvent, Context>;

/** A guard per event type: whether the event can physically happen. */
export type Guards = GuardTable<RecordingState, RecordingEvent, Context>;

/** The declarations of the model's events (the clock's is the kernel's). */
export type Declared = DeclaredEvents<RecordingState, RecordingEvent, Context>;

/** The declarations a role file owns. */
export type Decls<T extends keyof Declared> = Pick<Declared, T>;
