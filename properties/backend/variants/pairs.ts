/**
 * Broken variants of the back end's pairs (the standby pairs' epochs and heals, the Processors'
 * memory and MCP's resends), each a plausible slip in one handler.
 */
import { createBackend } from '../../../model/backend/index.ts';
import { handlers } from '../../../model/backend/reducer.ts';
import { PROCESSORS } from '../../../model/backend/state.ts';
import type { VariantSpec } from '../../variant.ts';
import {
  healKeepsNewestActive,
  processorCrashResends,
  takeoverTakesNewestEpoch,
} from '../pairs.ts';

type Member = { role: 'active' | 'standby'; epoch: number; process: 'up' | 'down' };

/** The pair a member of a standby pair belongs to, in a draft. */
const pairOf = (draft: { processors: unknown; schedulers: unknown }, node: string) =>
  (node.startsWith('rp') ? draft.processors : draft.schedulers) as Record<string, Member>;

export const pairVariants: readonly VariantSpec[] = [
  {
    id: 'takeover-keeps-epoch',
    model: 'backend',
    config: 'default',
    title:
      'A standby takes over with the epoch it had: two actives of a partition may carry the same epoch, and the heal cannot tell which is newer',
    breaks: takeoverTakesNewestEpoch,
    build: () =>
      createBackend({
        handlers: {
          takenOver: (draft, event, ctx) => {
            const epoch = pairOf(draft, event.node)[event.node]!.epoch;
            handlers.takenOver(draft, event, ctx);
            pairOf(draft, event.node)[event.node]!.epoch = epoch;
          },
        },
      }),
  },
  {
    id: 'heal-keeps-older',
    model: 'backend',
    config: 'active-backup',
    title:
      'When the partition heals, the member that was active before it keeps the role and the one that took over steps down',
    breaks: healKeepsNewestActive,
    build: () =>
      createBackend({
        handlers: {
          partitionHealed: (draft, event, ctx) => {
            const pair = pairOf(draft, event.node);
            const both = Object.keys(pair).filter(
              (id) => pair[id]!.process === 'up' && pair[id]!.role === 'active',
            );
            handlers.partitionHealed(draft, event, ctx);
            if (both.length !== 2) return;
            const [older, newer] = both.sort((a, b) => pair[a]!.epoch - pair[b]!.epoch);
            pair[older!]!.role = 'active';
            pair[newer!]!.role = 'standby';
          },
        },
      }),
  },
  {
    id: 'heal-demotes-both',
    model: 'backend',
    config: 'active-backup',
    title:
      'A heal makes every member of the pair a standby, to let the takeover timer choose again: the pair is left without an active member',
    breaks: healKeepsNewestActive,
    build: () =>
      createBackend({
        handlers: {
          partitionHealed: (draft, event, ctx) => {
            const pair = pairOf(draft, event.node);
            for (const id of Object.keys(pair)) pair[id]!.role = 'standby';
            handlers.partitionHealed(draft, event, ctx);
          },
        },
      }),
  },
  {
    id: 'restart-bumps-epoch',
    model: 'backend',
    config: 'default',
    title:
      'A restarted Scheduler comes back as standby with a newer epoch, as if it had taken over',
    breaks: takeoverTakesNewestEpoch,
    build: () =>
      createBackend({
        handlers: {
          processRestarted: (draft, event, ctx) => {
            handlers.processRestarted(draft, event, ctx);
            if (/^sch\d$/.test(event.node)) pairOf(draft, event.node)[event.node]!.epoch += 1;
          },
        },
      }),
  },
  {
    id: 'heal-keeps-both',
    model: 'backend',
    config: 'active-backup',
    title:
      'A heal joins the pair again but leaves both members that were active during the partition active',
    breaks: healKeepsNewestActive,
    build: () =>
      createBackend({
        handlers: {
          partitionHealed: (draft, event, ctx) => {
            const pair = pairOf(draft, event.node);
            const roles = Object.fromEntries(Object.keys(pair).map((id) => [id, pair[id]!.role]));
            handlers.partitionHealed(draft, event, ctx);
            for (const id of Object.keys(pair)) pair[id]!.role = roles[id]!;
          },
        },
      }),
  },
  {
    id: 'crash-keeps-processor-work',
    model: 'backend',
    config: 'default',
    title:
      'A crashed Recording Processor keeps the work it held, as if it were on disk, and goes on with it after its restart',
    breaks: processorCrashResends,
    build: () =>
      createBackend({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            const rp = PROCESSORS.find((p) => p === event.node);
            const work = rp === undefined ? undefined : { ...draft.processors[rp].work };
            handlers.processCrashed(draft, event, ctx);
            if (rp !== undefined && work !== undefined) draft.processors[rp].work = work;
          },
        },
      }),
  },
  {
    id: 'crash-resends-every-post',
    model: 'backend',
    config: 'default',
    title:
      "A Processor's crash makes MCP send every unacknowledged POST again, also those that went to the Processor still running",
    breaks: processorCrashResends,
    build: () =>
      createBackend({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            handlers.processCrashed(draft, event, ctx);
            if (!PROCESSORS.some((p) => p === event.node)) return;
            for (const seg of Object.keys(draft.outbox) as (keyof typeof draft.outbox)[])
              draft.outbox[seg] = 'none';
          },
        },
      }),
  },
];
