/**
 * The recording path's entries of the assumptions register: A-1..A-9 follow the project's domain
 * notes (section 7); R-n are the recording-path model's own simplifications.
 */
import type { Assumption } from './assumptions.ts';

export const recordingAssumptions: readonly Assumption[] = [
  {
    id: 'A-1',
    topic: 'Resource Manager HA mode',
    problem:
      'GIR "Scalability" says the RMs run Active-Active; its "Resource Manager" paragraph says active/hot-standby or active/active.',
    choice:
      'The mode is a config option and both are checked: active-standby (one Virtual IP; the standby serves only after the active fails) and active-active (SIP Server sends new sessions to both in turn).',
    options: ['rmMode (configs active-standby, active-active)'],
  },
  {
    id: 'A-2',
    topic: '"The remaining instance will become active"',
    problem:
      'In active-active both RMs are active already, so the sentence only fits active-standby.',
    choice:
      "Active-standby: the standby takes the Virtual IP and the primary role. Active-active: the survivor keeps serving and SIP Server sends it the failed RM's in-dialog requests too.",
    options: ['rmMode'],
  },
  {
    id: 'A-3',
    topic: 'Affinity needs replication',
    problem:
      'Only sessions replicated before the failure can keep their affinity; the document does not say when replication happens.',
    choice:
      'Synchronous by default: the peer has a session in the step that creates it, and affinity is strict. With lag, only sessions that reached the survivor keep it; a session its accepting RM never had acknowledged may be rejected, never routed elsewhere (the property is weakened to exactly that, and no notice of an MCP failure is owed for such a session).',
    options: ['replication (config lagged)'],
  },
  {
    id: 'A-4',
    topic: 'How RM notifies SIP Server',
    problem: 'The mechanism of "Resource Manager notifies SIP Server" is not described.',
    choice:
      'An abstract notification per session on the failed MCP, sent by each serving RM that holds the session, after RM detects the failure (mcpDetectMs); an RM that fails meanwhile delays it to its peer taking over (rmDetectMs). The model records the notice SIP Server receives as a ghost fact.',
    options: ['mcpDetectMs'],
  },
  {
    id: 'A-5',
    topic: 'Join, then re-record',
    problem: '"first joins ... then attempts to record the call again".',
    choice:
      'A strict ordering: no new recording session for a call before its endpoints are joined.',
    options: [],
  },
  {
    id: 'A-6',
    topic: '"The same parameters"',
    problem: 'Whether the recording-session id is reused is not said.',
    choice:
      'IVR Profile, tenant and recording target are the same; the MCP and the segment (a fresh id) may differ.',
    options: [],
  },
  {
    id: 'A-7',
    topic: '"Most likely will select another MCP"',
    problem: 'Not a guarantee.',
    choice:
      "Strong form on RM's view: RM never selects an MCP it believes down. The failed MCP may be selected again once RM sees it back, and an MCP that died unnoticed may be selected.",
    options: ['balancing'],
  },
  {
    id: 'A-8',
    topic: 'No MCP available',
    problem: 'What happens when a re-record request fails is not said.',
    choice:
      'SIP Server retries after retryIntervalMs up to maxRecordRetries times, then gives up; the call continues, joined, either way. Recording is claimed to resume only when some MCP is up and known up.',
    options: ['maxRecordRetries', 'retryIntervalMs (configs single-mcp, no-retry)'],
  },
  {
    id: 'A-9',
    topic: 'Audio recorded before an MCP crash',
    problem:
      'The loss bound "detection plus failover time" comes from a streaming architecture; in GIR the MCP writes the file, so an open segment may be lost whole.',
    choice:
      'preCrashAudio is a config option: kept (the segment is stored, and the recording gap is bounded) or lost (the segment is lost, and no gap bound is claimed).',
    options: ['preCrashAudio (config audio-lost)'],
  },
  {
    id: 'R-1',
    topic: "RM's view of the MCP pool",
    problem: 'Each RM pings the MCPs on its own; the documents do not describe it.',
    choice:
      'Both RMs share one view, changed only by detection: a failure after mcpDetectMs, a recovery at the first answer. The detecting step also notifies SIP Server.',
    options: ['mcpDetectMs'],
  },
  {
    id: 'R-2',
    topic: 'RM failure and heartbeat',
    problem: 'Heartbeat timing, restart and resync of a failed RM are not in the GIR document.',
    choice:
      'The peer (and SIP Server) notice a failed RM after rmDetectMs; a failed RM stays down for the run (no restart or resync). Each RM replicates the sessions it writes over its own link, with the kernel hot-standby block.',
    options: ['rmDetectMs'],
  },
  {
    id: 'R-3',
    topic: 'SIP Server pair inside the recording path',
    problem: 'The full SIP Server pair multiplies the state space.',
    choice:
      "The pair runs sip-ha's own handlers with no agents, no lost sync messages, no partitions, no manual switchover and no restarts; the recording client's state is known to whichever SIP Server serves; a call the new primary does not know after a failover is over, with its recording.",
    options: ['sip'],
  },
  {
    id: 'R-4',
    topic: "SIP Server's reaction time",
    problem: 'The time between the notification, the join and the re-record is not given.',
    choice:
      'No model time passes while SIP Server can join or re-record; a request to an RM that is down fails at once and counts as an attempt.',
    options: ['retryIntervalMs'],
  },
  {
    id: 'R-5',
    topic: 'MCP restart',
    problem: 'A quick restart could hide a failure from RM.',
    choice:
      'An MCP restarts only after RM has declared it failed; a kept segment of a crashed MCP has its metadata posted once the MCP is back.',
    options: [],
  },
  {
    id: 'R-6',
    topic: 'Storage',
    problem: 'S3 "is already designed to scale"; a disk array "can be scaled".',
    choice:
      "Storage never loses data or refuses a write; a finished segment is written to the deployment's storage (S3 or disk), then its metadata is posted. A write attempt that fails and is redone is the back-end model's fault (A-27).",
    options: ['storage'],
  },
  {
    id: 'R-7',
    topic: 'IVR Profile selection',
    problem:
      'The GIR document says only that RM selects the appropriate IVR Profile for the tenant.',
    choice:
      "A profile named by the request is used only if the request's tenant owns it; otherwise the tenant's dialed-number mapping, otherwise its default. In-dialog requests are never re-mapped.",
    options: ['requests', 'tenants', 'profiles'],
  },
  {
    id: 'R-8',
    topic: 'Calls and BYE routing',
    problem: 'A BYE may not reach the MCP that holds the session.',
    choice:
      'Each call id is used once; the MCP ends the open segment when the media stops, whether or not the BYE reaches it, so routing is judged on where RM sent the BYE.',
    options: [],
  },
];
