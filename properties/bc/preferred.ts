/**
 * The preferred site each agent should get, read from the configuration's hierarchy here and
 * not from the model's resolver (model/bc/index.ts `preferredSite`), so that a property that
 * compares a login or a dialled call against it is not the model judging itself.
 *
 * the Person value wins; else, among the agent's Agent Groups that set a site, the one
 * with the lowest number; else the Tenant value, which is mandatory.
 */
import type { BcConfig, Site } from '../../model/bc/config.ts';
import type { AgentId } from '../../model/bc/state.ts';

export type Level = 'Person' | 'Agent Group' | 'Tenant';

export interface Expected {
  readonly site: Site;
  /** The level of the hierarchy that decided, for messages and for the coverage test. */
  readonly level: Level;
}

export function expectedSite(config: BcConfig, agent: AgentId): Expected {
  const index = Number(agent.slice(1)) - 1;
  const person = config.personSites[index] ?? null;
  if (person !== null) return { site: person, level: 'Person' };
  const setting = (config.agentGroups[index] ?? []).filter(
    (group) => (config.groupSites[group] ?? null) !== null,
  );
  if (setting.length > 0) {
    const lowest = Math.min(...setting);
    return { site: config.groupSites[lowest]!, level: 'Agent Group' };
  }
  return { site: config.tenantSite, level: 'Tenant' };
}
