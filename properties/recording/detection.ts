/**
 * What the RM pair's failure detection may conclude (GIR: "Resource Manager notifies SIP Server
 * about the failure" of an MCP; the RM pair's heartbeat): RM declares an MCP failed only when it
 * is down and RM still believed it up, and declares an RM failed only when that RM is down.
 * Read from ground truth and the pair's view before the step; the detection timers that decide
 * when it happens are the model's and are not consulted.
 */
import type { RecordingEvent } from '../../model/recording/events.ts';
import type { RecordingState } from '../../model/recording/state.ts';
import type { StepProperty } from '../engine/property.ts';

/**
 * Excludes: a detection that declares a running MCP or RM failed, or declares an MCP failed twice
 * (RM already believed it down). A recovery's detection is not judged here: its guard reads the
 * same two fields; one declared twice is an idle step (no-idle-steps), one declared for a dead
 * MCP is caught by mcp-failure-notified.
 * Shown by: redetect-known-failure.
 */
export const detectionAccurate: StepProperty<RecordingState, RecordingEvent> = {
  id: 'recording.detection-accurate',
  kind: 'step',
  clauses: ['GIR-MCP-2', 'GIR-RM-2'],
  statement:
    'RM declares an MCP failed only when it is down and RM believed it up, and declares an RM failed only when that RM is down.',
  check(before, event) {
    switch (event.type) {
      case 'mcpFailureDetected':
        if (before.mcps[event.mcp] !== 'down')
          return `RM declared ${event.mcp} failed while it runs`;
        if (before.mcpView[event.mcp] !== 'up')
          return `RM declared ${event.mcp} failed when it already believed it down`;
        return undefined;
      case 'rmFailureDetected':
        return before.rms[event.rm].process === 'down'
          ? undefined
          : `${event.rm} was declared failed while it runs`;
      default:
        return undefined;
    }
  },
};
