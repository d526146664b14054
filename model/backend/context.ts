import type { DeclaredEvents } from '../kernel/model.ts';
import type { GuardTable, HandlerTable } from '../kernel/tables.ts';
import type { Context as RecordingContext } from '../recording/context.ts';
import type { BackendConfig } from './config.ts';
import type { BackendEvent, BackendEventType } from './events.ts';
import type { BackendState, CassId, IrId, SegKey, UiId, WsId } from './state.ts';

/** What every handler may read besides the state: the bound configuration, precomputed. */
export interface Context {
  readonly config: BackendConfig;
  /** The embedded recording path's own context. */
  readonly rec: RecordingContext;
  readonly segments: readonly SegKey[];
  readonly webServices: readonly WsId[];
  readonly cassandra: readonly CassId[];
  /** The replicas of every row: the first `replicationFactor` Cassandra nodes. */
  readonly replicaNodes: readonly CassId[];
  /** Replicas that must answer a write or a read at the configured consistency level. */
  readonly required: number;
  readonly receivers: readonly IrId[];
  readonly ui: readonly UiId[];
}

export type EventOf<T extends BackendEventType> = Extract<BackendEvent, { type: T }>;

/** One handler per event type; a broken variant replaces one of them. */
export type Handlers = HandlerTable<BackendState, BackendEvent, Context>;

/** A guard per event type: whether the event can physically happen. */
export type Guards = GuardTable<BackendState, BackendEvent, Context>;

/** The declarations of the model's events (the clock's is the kernel's). */
export type Declared = DeclaredEvents<BackendState, BackendEvent, Context>;

/** The declarations a role file owns. */
export type Decls<T extends keyof Declared> = Pick<Declared, T>;
