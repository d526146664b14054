/**
 * The recording path inside the back end. Its events run the recording model's own declarations
 * on the `rec` sub-state (kinds, labels, lifelines and fault budgets with them: a fault of the
 * path spends the path's or the SIP Server pair's budget, in the sub-state); the back end adds
 * what a stored segment and a posted one mean for it, and routes the shared crash and restart
 * events by node.
 */
import { embed, local, OWN_BUDGET } from '../kernel/tables.ts';
import type { Context as RecordingContext } from '../recording/context.ts';
import type { RecordingEvent } from '../recording/events.ts';
import { events as recordingEvents } from '../recording/reducer.ts';
import type { Context, Decls, EventOf } from './context.ts';
import { crashBackend, isUp, restartBackend } from './environment.ts';
import { isBackendNode } from './events.ts';
import { openOutbox } from './pipeline.ts';
import { type BackendState, segKey } from './state.ts';

const path = embed<BackendState, Context, RecordingContext, typeof recordingEvents>(
  recordingEvents,
  'rec',
  (ctx) => ctx.rec,
);

/** A crash or restart of one of the recording path's nodes (the node is not the back end's). */
const ofPath = <T extends 'processCrashed' | 'processRestarted'>(e: EventOf<T>) =>
  e as Extract<RecordingEvent, { type: T }>;

/** Every event of the recording path but its clock (the back end's clock composes the path's time). */
export const events: Decls<Exclude<RecordingEvent['type'], 'timeAdvanced'>> = {
  ...path,
  segmentStored: {
    ...path.segmentStored,
    handle: (draft, e, ctx) => {
      path.segmentStored.handle(draft, e, ctx);
      delete draft.writeFailed[segKey(e.call, e.segment)];
    },
  },
  metadataPosted: {
    ...path.metadataPosted,
    handle: (draft, e, ctx) => {
      path.metadataPosted.handle(draft, e, ctx);
      openOutbox(draft, e.call, e.segment);
    },
  },
  processCrashed: {
    kind: 'fault',
    guard: (s, e, ctx) =>
      isBackendNode(e.node) ? isUp(s, e.node) : path.processCrashed.guard(s, ofPath(e), ctx),
    handle: (draft, e, ctx) => {
      if (isBackendNode(e.node)) crashBackend(draft, e.node, ctx);
      else path.processCrashed.handle(draft, ofPath(e), ctx);
    },
    budget: (e) => (isBackendNode(e.node) ? OWN_BUDGET : path.processCrashed.budget?.(ofPath(e))),
    label: (e) => `${e.node} process crashes`,
    lifeline: (e) =>
      isBackendNode(e.node) ? local(e.node) : path.processCrashed.lifeline(ofPath(e)),
  },
  processRestarted: {
    kind: 'repair',
    guard: (s, e, ctx) =>
      isBackendNode(e.node) ? !isUp(s, e.node) : path.processRestarted.guard(s, ofPath(e), ctx),
    handle: (draft, e, ctx) => {
      if (isBackendNode(e.node)) restartBackend(draft, e.node, ctx);
      else path.processRestarted.handle(draft, ofPath(e), ctx);
    },
    label: (e) => `${e.node} process restarts`,
    lifeline: (e) =>
      isBackendNode(e.node) ? local(e.node) : path.processRestarted.lifeline(ofPath(e)),
  },
};
