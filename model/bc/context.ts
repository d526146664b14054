import type { DeclaredEvents } from '../kernel/model.ts';
import type { GuardTable, HandlerTable } from '../kernel/tables.ts';
import type { BcConfig } from './config.ts';
import type { BcEvent } from './events.ts';
import type { AgentId, BcState, Service, Site } from './state.ts';

/** What every handler may read besides the state: the bound configuration, precomputed. */
export interface Context {
  readonly config: BcConfig;
  readonly agents: readonly AgentId[];
  /** Each agent's preferred site, resolved Person > Agent Group > Tenant. */
  readonly preferred: Readonly<Record<AgentId, Site>>;
  /** Where each agent's desktop sits; in a WAN partition it reaches only that site. */
  readonly home: Readonly<Record<AgentId, Site>>;
  /** Services whose loss starts the DR timeout: CSP and SIP Server, and Stat Server if configured. */
  readonly triggers: readonly Service[];
  /** Services a logged-in desktop holds: CSP, SIP Server, and Stat Server if configured. */
  readonly services: readonly Service[];
  /** The DR timer a desktop arms when it notices a loss: detection plus the DR timeout. */
  readonly drWaitMs: number;
}

export type EventOf<T extends BcEvent['type']> = Extract<BcEvent, { type: T }>;

/** One handler per event type; a broken variant replaces exactly one of them. */
export type Handlers = HandlerTable<BcState, BcEvent, Context>;

/** A guard per event type: whether the event can physically happen. */
export type Guards = GuardTable<BcState, BcEvent, Context>;

/** The declarations of the model's events (the clock's is the kernel's). */
export type Declared = DeclaredEvents<BcState, BcEvent, Context>;

/** The declarations a role file owns. */
export type Decls<T extends keyof Declared> = Pick<Declared, T>;
