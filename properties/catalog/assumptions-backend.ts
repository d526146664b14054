/**
 * The back end's entries of the assumptions register: A-25..A-28 follow the project's domain
 * notes (section 7); B-R-n are the back-end model's own simplifications.
 */
import type { Assumption } from './assumptions.ts';

export const backendAssumptions: readonly Assumption[] = [
  {
    id: 'A-25',
    topic: 'N+1 semantics',
    problem:
      'GIR says Web Services, Cassandra, the SpeechMiner UI and Interaction Receivers run "N+1" without saying what is tolerated.',
    choice:
      'A request succeeds while one member is up (the client tries the members in turn), and the pool is sized so that N members carry the load. Cassandra: replication factor and consistency level are config (defaults 3 and quorum), and an acknowledged row must survive one node failure.',
    options: ['webServices, receivers, uiInstances, sizing', 'replicationFactor, consistency'],
  },
  {
    id: 'A-26',
    topic: 'Recording Processor "active-active, and active-backup"',
    problem: 'Read as "supports either mode"; neither mechanism nor de-duplication is documented.',
    choice:
      'Both modes are checked. Active-active: each POST is handled by one Processor that is up; MCP posts again while its POST is unacknowledged and the Processor has failed. Active-backup: only the active Processor takes POSTs. Delivery is at least once; Web Services and SpeechMiner key what they store by the recording, so a retry changes nothing.',
    options: ['processorMode (configs default, active-backup)'],
  },
  {
    id: 'A-27',
    topic: '"Reliable shared storage"',
    problem: 'SpeechMiner needs reliable shared storage; S3 "is already designed to scale".',
    choice:
      "SpeechMiner's shared storage, S3 and the disk array never lose data or refuse a write for capacity (R-6). The back-end model adds one fault the recording-path model leaves out: an MCP write attempt that does not complete (a broken connection); MCP keeps the file, writes it again, and posts the metadata only after a write succeeded.",
    options: [],
  },
  {
    id: 'A-28',
    topic: 'UPlatform Scheduler active/standby',
    problem:
      'How the standby detects the failure, and what prevents two actives, is not documented.',
    choice:
      'The standby takes over after not seeing an active member for takeoverMs (default 10 s). A partition can make two actives; when it heals the member that became active earlier steps down. At most one active outside partitions.',
    options: ['takeoverMs', 'partitions (config active-backup)'],
  },
  {
    id: 'B-R-1',
    topic: 'Standby pairs share one mechanism',
    problem: 'The Processor in active-backup mode and the Scheduler are both active/standby pairs.',
    choice:
      'Both use the kernel active/standby block (heartbeat timeout, epochs, step-down on heal); the Processor partition is checked in the active-backup config.',
    options: ['processorMode', 'partitions'],
  },
  {
    id: 'B-R-2',
    topic: 'When a Processor answers MCP',
    problem: 'The document does not say when the Processor acknowledges the metadata POST.',
    choice:
      'Only after both submissions succeeded, Web Services first and then SpeechMiner (the documents give no order; with this one a Web Services outage also holds back indexing); MCP learns at once that a connection to a failed Processor broke and posts again. A Processor answers over the POST, so only while the MCP that posted is up.',
    options: [],
  },
  {
    id: 'B-R-3',
    topic: 'Cassandra replicas',
    problem: 'Hinted handoff and repair are not part of the documents.',
    choice:
      'Left out: a replica that misses a write stays without it; a node keeps what it wrote across a crash; the replicas of every row are the first nodes; reads use the write consistency level.',
    options: ['cassandraNodes, replicationFactor, consistency'],
  },
  {
    id: 'B-R-4',
    topic: 'Playback path',
    problem: 'Which component asks the Crypto Server to decrypt is not in the GIR paragraphs.',
    choice:
      "Playback goes through a SpeechMiner UI instance to the first Crypto Server that answers; the key is the one the recording's IVR Profile certificate names (the configuration check makes sure the key store holds it for that tenant).",
    options: ['certificates, keystore'],
  },
];
