/**
 * The SIP Business Continuity model: two active sites, each with local HA pairs of Configuration
 * Server Proxy, SIP Server and Stat Server; dual-registered phones; desktops with the DR
 * switchover; gateways and calls. See README.md beside this file.
 */
import { type Model, type Overrides, tableModel } from '../kernel/model.ts';
import { type BcConfig, configs, validate } from './config.ts';
import type { Context, Guards, Handlers } from './context.ts';
import { agentIds, type BcEvent, callIds, vocabulary } from './events.ts';
import { recordGhost } from './ghost.ts';
import { events } from './reducer.ts';
import {
  type AgentId,
  type BcState,
  type Call,
  type CallId,
  type Desktop,
  IDLE_CALL,
  LOGGED_OUT,
  type LoginState,
  type Service,
  type Site,
  type SiteState,
} from './state.ts';

export type { BcConfig, BcEvent, BcState };

/** Person, else the lowest-numbered Agent Group that sets a site, else the Tenant. */
export function preferredSite(config: BcConfig, index: number): Site {
  const person = config.personSites[index];
  if (person !== null && person !== undefined) return person;
  const groups = [...(config.agentGroups[index] ?? [])].sort((a, b) => a - b);
  for (const g of groups) {
    const site = config.groupSites[g];
    if (site !== null && site !== undefined) return site;
  }
  return config.tenantSite;
}

export function context(config: BcConfig): Context {
  const agents = agentIds(config);
  const preferred = {} as Record<AgentId, Site>;
  const home = {} as Record<AgentId, Site>;
  agents.forEach((agent, i) => {
    preferred[agent] = preferredSite(config, i);
    home[agent] = config.desktopSites[i]!;
  });
  const stat: Service[] = config.statServer ? ['stat'] : [];
  return {
    config,
    agents,
    preferred,
    home,
    triggers: ['csp', 'sip', ...(config.statTriggersDr ? stat : [])],
    services: ['csp', 'sip', ...stat],
    drWaitMs: config.detectMs + config.drTimeoutMs,
  };
}

/** Both sites up with every pair serving; nobody logged in; no calls; gateways use both sites. */
export function initialState(ctx: Context): BcState {
  const agents = {} as Record<AgentId, LoginState>;
  const desktops = {} as Record<AgentId, Desktop>;
  const outage = {} as Record<AgentId, boolean>;
  for (const agent of ctx.agents) {
    agents[agent] = 'loggedOut';
    desktops[agent] = { ...LOGGED_OUT };
    // Stryker disable next-line all: the ghost outage starts clear; no model step reads it (ghost.ts)
    outage[agent] = false;
  }
  const calls = {} as Record<CallId, Call>;
  for (const call of callIds(ctx.config)) calls[call] = { ...IDLE_CALL };
  const site = (): SiteState => ({
    up: true,
    pairs: { csp: 'serving', sip: 'serving', stat: 'serving' },
    agents: { ...agents },
  });
  return {
    sites: { A: site(), B: site() },
    partitioned: false,
    gateways: { A: true, B: true },
    desktops,
    calls,
    timers: {},
    faultsLeft: ctx.config.faultBudget,
    ghost: { outage, survivorLoss: null },
  };
}

/** Changes to the real model that a broken variant makes: replaced handlers or guards, or the budget a fault spends. */
export type BcOverrides = Overrides<Handlers, Guards, BcEvent>;

/** Builds the model, or a variant of it with some handlers or guards replaced. */
export function createBc(overrides: BcOverrides = {}): Model<BcConfig, BcState, BcEvent> {
  return tableModel(
    {
      id: 'bc',
      title: 'SIP Business Continuity: two sites, peers, phones and desktops',
      configs,
      validate,
      events,
      time: { timers: (state) => [state.timers] },
      context,
      init: initialState,
      vocabulary,
      afterEach: recordGhost,
    },
    overrides,
  );
}

export const bc = createBc();
