import { checkFields } from '../kernel/config.ts';
import { ConfigError } from '../kernel/model.ts';

export type Site = 'A' | 'B';

/** One peer group of SIP Business Continuity across two sites, with its agents and calls. */
export interface BcConfig {
  /** Number of agents (a1..aN), each with one desktop and one dual-registered phone. */
  readonly agents: number;
  /** Number of call ids (c1..cN); a released id may be used by a later call. */
  readonly calls: number;
  /** Faults (server crashes, site failures, the inter-site partition) allowed in one run. */
  readonly faultBudget: number;
  /** Preferred site at Tenant level: mandatory, so resolution is total. */
  readonly tenantSite: Site;
  /** Preferred site of each Agent Group g1..gN, or null when the group sets none. */
  readonly groupSites: readonly (Site | null)[];
  /** For each agent, the indexes (0-based) of the Agent Groups it belongs to. */
  readonly agentGroups: readonly (readonly number[])[];
  /** Preferred site set on each agent's Person object, or null. */
  readonly personSites: readonly (Site | null)[];
  /** Where each agent's desktop sits: a WAN partition cuts it from the other site (B-2). */
  readonly desktopSites: readonly Site[];
  /** Local HA failover time of every pair (CSP, SIP Server, Stat Server), Management Layer driven. */
  readonly haFailoverMs: number;
  /** Time for a desktop to detect that a connection is lost. */
  readonly detectMs: number;
  /** Desktop disaster-recovery timeout: the wait after detecting a loss (WDE default 60 s). */
  readonly drTimeoutMs: number;
  /** Whether desktops connect to Stat Server (optional in the document). */
  readonly statServer: boolean;
  /** whether losing Stat Server also triggers a DR switchover (WDE behaviour); off per BC. */
  readonly statTriggersDr: boolean;
}

const base: BcConfig = {
  agents: 2,
  calls: 2,
  faultBudget: 2,
  tenantSite: 'A',
  groupSites: ['B', 'A'],
  // a2's groups are listed highest first, so that the lowest-numbered group decides, not the list.
  agentGroups: [[], [1, 0]],
  personSites: [null, null],
  // One office near site A: a2 prefers site B, so a WAN partition cuts a2 from its login site.
  desktopSites: ['A', 'A'],
  haFailoverMs: 10_000,
  detectMs: 0,
  drTimeoutMs: 60_000,
  statServer: true,
  statTriggersDr: false,
};

export const configs = {
  // The small deployment: 2 sites, 2 agents, 2 calls, fault budget 2 (explored completely).
  small: base,
  // A deeper fault budget and a detection delay, with desktops that do not use the optional
  // Stat Server (BC-DESK-4), so that both settings of `statServer` are checked.
  default: { ...base, faultBudget: 3, detectMs: 9_000, statServer: false },
  // A-13, the WDE reading: losing Stat Server also starts the DR timeout. It also sets the
  // Person level for both agents, against the Tenant (a1) and the first group (a2), so
  // that every level of the hierarchy decides some agent in a checked config.
  'stat-trigger': { ...base, statTriggersDr: true, personSites: ['B', 'A'] },
  // A DR timeout below the local failover time: desktops leave a site whose pair is failing over.
  'short-dr': { ...base, drTimeoutMs: 5_000 },
} satisfies Record<string, BcConfig>;

const rules = {
  integers: {
    agents: [1, 4],
    calls: [0, 4],
    faultBudget: [0, 10],
    haFailoverMs: [1, 3_600_000],
    detectMs: [0, 3_600_000],
    drTimeoutMs: [1, 3_600_000],
  },
  booleans: ['statServer', 'statTriggersDr'],
} as const;

const isSite = (v: unknown): v is Site => v === 'A' || v === 'B';

/** Parses an untrusted value (a trace's or the CLI's config) into a BcConfig. */
export function validate(input: unknown): BcConfig {
  const config = checkFields('bc', input, base, rules);
  if (!isSite(config.tenantSite))
    throw new ConfigError("bc config field 'tenantSite' must be 'A' or 'B'");
  const agents = config.agents as number;
  const groups = config.groupSites;
  if (!Array.isArray(groups) || !groups.every((g) => g === null || isSite(g)))
    throw new ConfigError("bc config field 'groupSites' must be a list of 'A', 'B' or null");
  const persons = config.personSites;
  if (
    !Array.isArray(persons) ||
    persons.length !== agents ||
    !persons.every((p) => p === null || isSite(p))
  )
    throw new ConfigError(
      `bc config field 'personSites' must list 'A', 'B' or null for each of the ${agents} agents`,
    );
  const desks = config.desktopSites;
  if (!Array.isArray(desks) || desks.length !== agents || !desks.every(isSite))
    throw new ConfigError(
      `bc config field 'desktopSites' must list 'A' or 'B' for each of the ${agents} agents`,
    );
  const member = config.agentGroups;
  if (
    !Array.isArray(member) ||
    member.length !== agents ||
    !member.every(
      (gs) =>
        Array.isArray(gs) &&
        gs.every(
          (g) => typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < groups.length,
        ),
    )
  )
    throw new ConfigError(
      `bc config field 'agentGroups' must list, for each of the ${agents} agents, indexes of groupSites`,
    );
  return config as unknown as BcConfig;
}
