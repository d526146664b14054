import type { DeclaredEvents } from '../kernel/model.ts';
import type { HotStandbyConfig } from './config.ts';
import { type HotStandbyState, SERVERS, type ServerId } from './state.ts';

export type HotStandbyEvent =
  | { readonly type: 'callStarted'; readonly call: number }
  | { readonly type: 'callEstablished'; readonly call: number }
  | { readonly type: 'callAcked'; readonly call: number }
  | { readonly type: 'replicaDelivered'; readonly call: number; readonly to: ServerId }
  | { readonly type: 'serverCrashed'; readonly node: ServerId }
  | { readonly type: 'serverRecovered'; readonly node: ServerId }
  | { readonly type: 'standbyResynced' }
  | { readonly type: 'failoverPerformed' };

/** What every handler may read besides the state. */
export interface Context {
  readonly config: HotStandbyConfig;
  /** An empty call table (or no replication in flight): one false per call id. */
  readonly none: readonly boolean[];
}

/** The declarations of the model's events. */
export type Declared = DeclaredEvents<HotStandbyState, HotStandbyEvent, Context>;

export function callIds(config: HotStandbyConfig): number[] {
  return Array.from({ length: config.calls }, (_, i) => i);
}

/** Every event of a configuration, in the order of HotStandby.tla's Next (the same visiting order). */
export function vocabulary(config: HotStandbyConfig): HotStandbyEvent[] {
  const events: HotStandbyEvent[] = [];
  for (const call of callIds(config)) {
    events.push({ type: 'callStarted', call });
    events.push({ type: 'callEstablished', call });
    events.push({ type: 'callAcked', call });
  }
  for (const call of callIds(config))
    for (const to of SERVERS) events.push({ type: 'replicaDelivered', call, to });
  for (const node of SERVERS) {
    events.push({ type: 'serverCrashed', node });
    events.push({ type: 'serverRecovered', node });
  }
  events.push({ type: 'standbyResynced' }, { type: 'failoverPerformed' });
  return events;
}
