/**
 * Broken variants of the MCP group: how RM balances new sessions over it, and what an MCP's
 * crash does to the segments it was recording.
 */
import type { Draft } from 'immer';
import type { Context } from '../../../model/recording/context.ts';
import { createRecording } from '../../../model/recording/index.ts';
import { handlers } from '../../../model/recording/reducer.ts';
import { type RecordingState, recordOf } from '../../../model/recording/state.ts';
import type { VariantSpec } from '../../variant.ts';
import { mcpBalancing } from '../balancing.ts';
import { faultsHitWhatTheyName, retriesSpent, segmentLifecycle } from '../lifecycle.ts';
import { mcpCrashEndsSegments } from '../segments.ts';

/** The open segments an MCP holds, as [call, index] pairs. */
function openOn(draft: Draft<RecordingState>, mcp: string): [string, number][] {
  return Object.entries(draft.calls).flatMap(([call, rec]) =>
    rec.segments.flatMap((seg, i): [string, number][] =>
      seg.mcp === mcp && seg.state === 'open' ? [[call, i]] : [],
    ),
  );
}

/** The real model, except that a crashed MCP's open segments end up in the given state. */
function crashLeaves(state: 'open' | 'stored') {
  return createRecording({
    handlers: {
      processCrashed: (draft, event, ctx) => {
        const open = openOn(draft, event.node);
        handlers.processCrashed(draft, event, ctx);
        for (const [call, i] of open)
          draft.calls[call as keyof typeof draft.calls]!.segments[i]!.state = state;
      },
    },
  });
}

export const mcpVariants: readonly VariantSpec[] = [
  {
    id: 'least-used-ignores-load',
    model: 'recording',
    config: 'no-retry',
    title:
      'The group is set to least used, but RM never reads the option and goes round robin, giving a session to a busier MCP',
    breaks: mcpBalancing,
    build: () => {
      const rotating = (ctx: Context): Context => ({
        ...ctx,
        config: { ...ctx.config, balancing: 'round-robin' },
      });
      return createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) =>
            handlers.recordingRequested(draft, event, rotating(ctx)),
          reRecordRequested: (draft, event, ctx) =>
            handlers.reRecordRequested(draft, event, rotating(ctx)),
        },
      });
    },
  },
  {
    id: 'round-robin-stuck',
    model: 'recording',
    config: 'small',
    title:
      'RM forgets its place in the round robin: every new session starts again from the first MCP it believes up',
    breaks: mcpBalancing,
    build: () => {
      const forget = (draft: Draft<RecordingState>) => {
        draft.rms.rm1.lastMcp = 'none';
        draft.rms.rm2.lastMcp = 'none';
      };
      return createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            forget(draft);
            handlers.recordingRequested(draft, event, ctx);
          },
          reRecordRequested: (draft, event, ctx) => {
            forget(draft);
            handlers.reRecordRequested(draft, event, ctx);
          },
        },
      });
    },
  },
  {
    id: 'crash-leaves-segment-open',
    model: 'recording',
    config: 'small',
    title:
      "An MCP's crash is not seen by the segments it was recording: they stay open on a dead MCP",
    breaks: mcpCrashEndsSegments,
    build: () => crashLeaves('open'),
  },
  {
    id: 'crash-keeps-lost-audio',
    model: 'recording',
    config: 'audio-lost',
    title:
      "Where the audio before a crash is lost, a crashed MCP's segments are counted as stored all the same",
    breaks: mcpCrashEndsSegments,
    build: () => crashLeaves('stored'),
  },
  {
    id: 'close-ends-stored-segments',
    model: 'recording',
    config: 'small',
    title:
      "The call's BYE closes every segment of the call, the ones already stored among them, which are then written again",
    breaks: segmentLifecycle,
    build: () =>
      createRecording({
        handlers: {
          byeRouted: (draft, event, ctx) => {
            handlers.byeRouted(draft, event, ctx);
            for (const segment of recordOf(draft.calls, event.call).segments)
              if (segment.state === 'stored') segment.state = 'closed';
          },
        },
      }),
  },
  {
    id: 'dead-mcp-stores',
    model: 'recording',
    config: 'small',
    title: 'A finished segment is written to storage by its MCP even after that MCP crashed',
    breaks: segmentLifecycle,
    build: () =>
      createRecording({
        guards: {
          segmentStored: (state, event) =>
            recordOf(state.calls, event.call).segments[event.segment]?.state === 'closed',
        },
      }),
  },
  {
    id: 'retry-spends-two',
    model: 'recording',
    config: 'single-mcp',
    title:
      'A retry of a recording request that found no RM or MCP counts twice against maxRecordRetries',
    breaks: retriesSpent,
    build: () =>
      createRecording({
        handlers: {
          recordingRequested: (draft, event, ctx) => {
            handlers.recordingRequested(draft, event, ctx);
            const rec = recordOf(draft.calls, event.call);
            if (rec.status === 'waiting') rec.retriesLeft -= 1;
          },
          reRecordRequested: (draft, event, ctx) => {
            handlers.reRecordRequested(draft, event, ctx);
            const rec = recordOf(draft.calls, event.call);
            if (rec.status === 'waiting') rec.retriesLeft -= 1;
          },
        },
      }),
  },
  {
    id: 'rm2-crash-hits-mcp',
    model: 'recording',
    config: 'small',
    title:
      'A crash of rm2 is taken for the crash of an MCP of that name: rm2 goes on running, and the pool gains a dead member',
    breaks: faultsHitWhatTheyName,
    build: () =>
      createRecording({
        handlers: {
          processCrashed: (draft, event, ctx) => {
            if (event.node !== 'rm2') return handlers.processCrashed(draft, event, ctx);
            (draft.mcps as Record<string, 'up' | 'down'>).rm2 = 'down';
          },
        },
      }),
  },
];
