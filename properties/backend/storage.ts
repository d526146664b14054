/**
 * What Cassandra keeps (GIR: Web Services and Cassandra run "in a N+1 cluster"; the model's
 * simplification, cassandra.ts: a node keeps what it wrote across a crash, and there is no
 * repair that would move a copy): a copy a node has written is there for good. Read from the
 * replica table of each segment's row before and after every step.
 */
import type { BackendEvent } from '../../model/backend/events.ts';
import type { BackendState } from '../../model/backend/state.ts';
import type { StepProperty } from '../engine/property.ts';

/**
 * Excludes: a written copy that a crash, a retried write or any other step turns back into a
 * pending one or removes.
 * Shown by: retry-forgets-copies.
 */
export const writtenCopiesKept: StepProperty<BackendState, BackendEvent> = {
  id: 'backend.written-copies-kept',
  kind: 'step',
  clauses: ['GIR-WS-1'],
  statement:
    'A copy of a row that a Cassandra node has written stays written: no crash, retry or other step takes it back.',
  check(before, event, after) {
    for (const [seg, copies] of Object.entries(before.replicas)) {
      for (const [node, copy] of Object.entries(copies ?? {})) {
        if (copy !== 'written') continue;
        const now = after.replicas[seg as never]?.[node as never];
        if (now !== 'written')
          return `${event.type} left the copy of ${seg} on ${node} ${now ?? 'gone'} after it was written`;
      }
    }
    return undefined;
  },
};
