/**
 * The local HA pairs of each site as clients see them (BC-HA-2: "Genesys Management Layer
 * initiates an HA failover of that application to its backup instance"; the model's reading,
 * model/kernel/local-failover.ts): serving, solo, failing over or down. A pair that has lost both
 * members is served again only when one restarts or its site recovers, and a restart brings back
 * one member. Read from each pair's status before and after a step.
 */
import type { BcEvent } from '../../model/bc/events.ts';
import { type BcState, parsePair, SERVICES, SITES } from '../../model/bc/state.ts';
import type { StepProperty, Witness } from '../engine/property.ts';

/**
 * Excludes: a pair with no member left that comes back without a restart of its own or the
 * recovery of its site (a local failover that completes for a pair that is already down).
 * Shown by: failover-revives-dead-pair.
 */
export const deadPairRevivesByRestart: StepProperty<BcState, BcEvent> = {
  id: 'bc.dead-pair-revives-by-restart',
  kind: 'step',
  clauses: ['BC-HA-2'],
  statement:
    'A local HA pair with no member up is served again only after one of its members restarts or its site recovers.',
  check(before, event, after) {
    for (const site of SITES)
      for (const service of SERVICES) {
        if (before.sites[site].pairs[service] !== 'down') continue;
        const now = after.sites[site].pairs[service];
        if (now === 'down') continue;
        const restarted =
          event.type === 'processRestarted' &&
          parsePair(event.node).site === site &&
          parsePair(event.node).service === service;
        const recovered = event.type === 'siteRecovered' && event.site === site;
        if (!restarted && !recovered)
          return `${event.type} made the ${service} pair at site ${site} ${now}, though it was down and neither a member restarted nor the site recovered`;
      }
    return undefined;
  },
};

/** A member's restart that turns the pair from `from` into `to`. */
function restartTurns(from: string, to: string) {
  return (before: BcState, event: BcEvent, after: BcState): boolean => {
    if (event.type !== 'processRestarted') return false;
    const { site, service } = parsePair(event.node);
    return before.sites[site].pairs[service] === from && after.sites[site].pairs[service] === to;
  };
}

export const memberRejoinsPair: Witness<BcState, BcEvent> = {
  id: 'bc.witness.member-rejoins-pair',
  kind: 'witness',
  clauses: ['BC-HA-2'],
  statement:
    'Some failed member of a pair that one member serves restarts, and the pair has both again.',
  reached: restartTurns('solo', 'serving'),
};

export const deadPairRestarts: Witness<BcState, BcEvent> = {
  id: 'bc.witness.dead-pair-restarts',
  kind: 'witness',
  clauses: ['BC-HA-2'],
  statement:
    'Some pair that lost both members at a site that is up gets one back by a restart, which serves alone.',
  reached: restartTurns('down', 'solo'),
};
