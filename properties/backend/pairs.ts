/**
 * The back end's two kinds of pair, as their members' records show them step by step.
 *
 * - The standby pairs (the Recording Processor in active-backup mode, the UPlatform Scheduler)
 *   fence by epoch, the model's reading of the split-brain note (domain notes A-12, A-28: a second
 *   active inside a partition, one again once it heals): each takeover takes an epoch newer than
 *   any the pair has seen, and on a heal the older of two actives steps down, so the pair is left
 *   with exactly one, the one that took over last. The judges compare epochs before and after a
 *   step; they do not call the block's own code (model/kernel/active-standby.ts).
 * - The Recording Processors in memory (A-26, at-least-once delivery): a crash takes the work a
 *   Processor held, and MCP sends a POST again only when the Processor it went to has crashed.
 */
import type { BackendEvent } from '../../model/backend/events.ts';
import { type BackendState, PROCESSORS } from '../../model/backend/state.ts';
import type { StepProperty } from '../engine/property.ts';

type Step = StepProperty<BackendState, BackendEvent>;
type Member = BackendState['schedulers']['sch1'];
type Pair = Readonly<Record<string, Member>>;

const pairsOf = (s: BackendState): readonly (readonly [string, Pair])[] => [
  ['Recording Processor', s.processors],
  ['Scheduler', s.schedulers],
];

const activeIn = (pair: Pair): string[] =>
  Object.keys(pair).filter((id) => pair[id]!.process === 'up' && pair[id]!.role === 'active');

/**
 * Excludes: a takeover that reuses an epoch (or takes an older one), and an epoch that changes in
 * a step where its member does not become active from standby.
 * Shown by: takeover-keeps-epoch, restart-bumps-epoch.
 */
export const takeoverTakesNewestEpoch: Step = {
  id: 'backend.takeover-takes-newest-epoch',
  kind: 'step',
  clauses: ['GIR-RP-1', 'GIR-SM-4'],
  statement:
    "A member of a standby pair changes its epoch only when it becomes active from standby, and then takes one newer than any the pair's members held.",
  check(before, event, after) {
    const afterPairs = pairsOf(after);
    for (const [i, [name, was]] of pairsOf(before).entries()) {
      const now = afterPairs[i]![1];
      const newest = Math.max(...Object.values(was).map((m) => m.epoch));
      for (const id of Object.keys(now)) {
        const b = was[id]!;
        const a = now[id]!;
        const tookOver = b.role === 'standby' && a.role === 'active';
        if (a.epoch !== b.epoch && !tookOver)
          return `${event.type} changed ${name} ${id}'s epoch from ${b.epoch} to ${a.epoch}, though it did not take over`;
        if (tookOver && a.epoch <= newest)
          return `${name} ${id} took over with epoch ${a.epoch}, not newer than the pair's ${newest}`;
      }
    }
    return undefined;
  },
};

/**
 * Excludes: a heal that leaves both actives active, demotes both (or the only one), or keeps the
 * older one.
 * Shown by: heal-keeps-both, heal-demotes-both, heal-keeps-older.
 */
export const healKeepsNewestActive: Step = {
  id: 'backend.heal-keeps-newest-active',
  kind: 'step',
  clauses: ['GIR-RP-1', 'GIR-SM-4'],
  statement:
    'When a partition inside a standby pair heals, the pair keeps exactly one active member of those that were active: the one with the newest epoch.',
  check(before, event, after) {
    const afterPairs = pairsOf(after);
    for (const [i, [name, was]] of pairsOf(before).entries()) {
      const now = afterPairs[i]![1];
      const healed =
        Object.values(was).some((m) => m.cut) && !Object.values(now).some((m) => m.cut);
      const wereActive = activeIn(was);
      if (!healed || wereActive.length === 0) continue;
      const keeper = wereActive.reduce((x, y) => (was[y]!.epoch > was[x]!.epoch ? y : x));
      const left = activeIn(now);
      if (left.length !== 1 || left[0] !== keeper)
        return `${event.type} healed the ${name} pair and left ${left.length === 0 ? 'no member' : left.join(' and ')} active, where ${wereActive.join(' and ')} ${wereActive.length > 1 ? 'were' : 'was'} active and ${keeper} has the newest epoch`;
    }
    return undefined;
  },
};

/**
 * Excludes: a Processor that keeps work in memory across its crash, and a POST sent again to the
 * Processors while the one it went to is still running.
 * Shown by: crash-keeps-processor-work, crash-resends-every-post.
 */
export const processorCrashResends: Step = {
  id: 'backend.processor-crash-resends',
  kind: 'step',
  clauses: ['GIR-RP-1'],
  statement:
    'A Recording Processor that is down holds no work, and MCP sends a POST again only when the Processor it went to is down.',
  check(before, event, after) {
    for (const rp of PROCESSORS) {
      const held = Object.keys(after.processors[rp].work);
      if (after.processors[rp].process === 'down' && held.length > 0)
        return `${rp} is down and still holds the work of ${held.join(', ')}`;
    }
    for (const [seg, sentTo] of Object.entries(before.outbox)) {
      if (sentTo === undefined || sentTo === 'none') continue;
      if (after.outbox[seg as never] === 'none' && after.processors[sentTo].process === 'up')
        return `${event.type} made MCP send the POST of ${seg} again while ${sentTo}, which it went to, is running`;
    }
    return undefined;
  },
};
