/**
 * The hot-standby pair's events, one declaration each, with the semantics of HotStandby.tla with
 * Buggy = FALSE. Labels are the TLA+ actions' names, so a counterexample reads as TLC prints it.
 * The crash's budget is the kernel's (`faultsLeft`), where the TLA+ text guards on a counter.
 */
import { guardsOf, handlersOf, local } from '../kernel/tables.ts';
import type { Declared } from './events.ts';
import { other } from './state.ts';

export const events: Declared = {
  callStarted: {
    kind: 'traffic',
    guard: (s, e) => s.client[e.call] === 'idle',
    handle: (d, e) => {
      d.client[e.call] = 'setup';
    },
    label: (e) => `StartCall(${e.call})`,
    lifeline: () => ({ from: 'Client', to: 'Pair' }),
  },
  callEstablished: {
    kind: 'protocol',
    guard: (s, e) => s.up[s.active] && s.client[e.call] === 'setup' && !s.mem[s.active][e.call],
    handle: (d, e) => {
      d.mem[d.active][e.call] = true;
      d.msgs[other(d.active)][e.call] = true;
    },
    label: (e) => `Establish(${e.call})`,
    lifeline: () => ({ from: 'Pair', to: 'Client' }),
  },
  callAcked: {
    kind: 'protocol',
    guard: (s, e) => {
      const o = other(s.active);
      return (
        s.up[s.active] &&
        s.client[e.call] === 'setup' &&
        s.mem[s.active][e.call] === true &&
        s.up[o] &&
        s.mem[o][e.call] === true
      );
    },
    handle: (d, e) => {
      d.client[e.call] = 'est';
    },
    label: (e) => `Ack(${e.call})`,
    lifeline: () => ({ from: 'Pair', to: 'Client' }),
  },
  replicaDelivered: {
    kind: 'delivery',
    guard: (s, e) => s.msgs[e.to][e.call] === true && s.up[e.to],
    handle: (d, e) => {
      d.mem[e.to][e.call] = true;
      d.msgs[e.to][e.call] = false;
      d.delivered[e.call] = true;
    },
    label: (e) => `Deliver(${e.call}, ${e.to})`,
    lifeline: (e) => ({ from: 'Link', to: e.to }),
  },
  serverCrashed: {
    kind: 'fault',
    guard: (s, e) => s.up[e.node],
    handle: (d, e, ctx) => {
      d.up[e.node] = false;
      d.mem[e.node] = ctx.none.slice();
      d.msgs[e.node] = ctx.none.slice();
      if (e.node !== d.active) d.standbySynced = false;
    },
    label: (e) => `Crash(${e.node})`,
    lifeline: (e) => ({ from: 'Faults', to: e.node }),
  },
  serverRecovered: {
    kind: 'repair',
    guard: (s, e) => !s.up[e.node] && e.node !== s.active,
    handle: (d, e, ctx) => {
      d.up[e.node] = true;
      d.mem[e.node] = ctx.none.slice();
      d.standbySynced = false;
    },
    label: (e) => `Recover(${e.node})`,
    lifeline: (e) => ({ from: 'Faults', to: e.node }),
  },
  standbyResynced: {
    kind: 'protocol',
    guard: (s) => s.up[s.active] && s.up[other(s.active)] && !s.standbySynced,
    handle: (d) => {
      d.mem[other(d.active)] = d.mem[d.active].slice();
      d.standbySynced = true;
    },
    label: () => 'Resync',
    lifeline: () => local('Pair'),
  },
  failoverPerformed: {
    kind: 'protocol',
    guard: (s) => !s.up[s.active] && s.up[other(s.active)] && s.standbySynced,
    handle: (d) => {
      d.active = other(d.active);
      d.standbySynced = false;
    },
    label: () => 'Failover',
    lifeline: () => local('Pair'),
  },
};

export const handlers = handlersOf(events);
export const guards = guardsOf(events);
