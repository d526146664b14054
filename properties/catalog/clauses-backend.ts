/**
 * Clauses of the GIR document's "High Availability" paragraphs on the back end: Web Services and
 * Cassandra, Recording Processor, Recording Crypto Server and SpeechMiner, checked by the
 * back-end model (properties/backend). GIR-SCALE-5 (storage before metadata) is in
 * clauses-recording.ts; the back-end model judges it too.
 */
import type { Clause } from './clauses.ts';

const ha = 'High Availability';
const ws = `${ha} › Web Services and Cassandra`;
const rp = `${ha} › Recording Processor`;
const rcs = `${ha} › Recording Crypto Server`;
const sm = `${ha} › SpeechMiner`;

export const backendClauses: readonly Clause[] = [
  {
    id: 'GIR-HA-1',
    document: 'GIR',
    section: ha,
    anchor: 'supported High Availability and failover modes',
    claim:
      'The section lists the HA and failover mode of each GIR component; each mode is checked in the paragraph that states it.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'An introduction; the paragraphs that follow are the clauses.',
  },
  {
    id: 'GIR-WS-1',
    document: 'GIR',
    section: ws,
    anchor: 'Web Services and Cassandra runs in a N+1 cluster',
    claim:
      'Web Services answers while at least one node is up, an N+1 pool carries its load with one member failed, and a row Cassandra acknowledged survives one node failure and stays readable.',
    kind: 'safety',
    assumptions: ['A-25', 'B-R-3'],
  },
  {
    id: 'GIR-WS-2',
    document: 'GIR',
    section: ws,
    anchor: 'see Initializing the Cassandra database',
    claim: 'A pointer to the Cassandra set-up guide.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'A cross-reference, not a claim.',
  },
  {
    id: 'GIR-RP-1',
    document: 'GIR',
    section: rp,
    anchor: 'runs in both active-active, and active-backup modes',
    claim:
      'Either mode loses no metadata: in active-active a failed Processor’s work is taken by the other; in active-backup at most one Processor is active outside a partition and the backup takes over after the active fails.',
    kind: 'safety',
    assumptions: ['A-26', 'B-R-1'],
  },
  {
    id: 'GIR-RP-2',
    document: 'GIR',
    section: rp,
    anchor: 'The Recording Processor runs in both',
    claim:
      'Derived from the two modes with A-26 (the document states no delivery rule): whichever Processor handles a metadata POST, and however often it is retried after a crash, it takes effect once in Web Services and once in SpeechMiner.',
    kind: 'safety',
    assumptions: ['A-26', 'B-R-2'],
  },
  {
    id: 'GIR-RCS-1',
    document: 'GIR',
    section: rcs,
    anchor: 'The Recording Crypto Server runs in active-active pair mode',
    claim:
      "Playback decryption succeeds while one Crypto Server is up, with the key of the recording's tenant named by the IVR Profile that recorded it.",
    kind: 'safety',
    assumptions: ['B-R-4'],
  },
  {
    id: 'GIR-SM-1',
    document: 'GIR',
    section: sm,
    anchor: 'requires reliable shared storage that can be accessed (read/write)',
    claim:
      'Every SpeechMiner component reads and writes one shared storage, assumed reliable (A-27). The model reads the requirement as: what the Receivers write there is what the Scheduler indexes, so every stored recording reaches it and is indexed once single failures stop.',
    kind: 'liveness',
    assumptions: ['A-27'],
  },
  {
    id: 'GIR-SM-5',
    document: 'GIR',
    section: sm,
    anchor: 'all SpeechMiner machines must refer to the same UNC path',
    claim:
      'A deployment whose SpeechMiner machines map different UNC paths is rejected by the configuration check.',
    kind: 'configuration',
    assumptions: [],
    notModelled:
      'A rule on the deployment, not on its behaviour: the back-end config check rejects machines that map different UNC paths, with one line naming both (test/backend/scenarios.test.ts, the configuration check).',
  },
  {
    id: 'GIR-SM-2',
    document: 'GIR',
    section: sm,
    anchor: 'SpeechMiner UI—You can deploy N+1 active instances',
    claim:
      'The UI pool carries its load with one instance failed, and playback goes through any instance that is up.',
    kind: 'safety',
    assumptions: ['A-25'],
  },
  {
    id: 'GIR-SM-3',
    document: 'GIR',
    section: sm,
    anchor: 'SpeechMiner Interaction Receiver—You can deploy N+1 active instances',
    claim:
      "A Processor's submission reaches SpeechMiner while one Interaction Receiver is up, and takes effect once.",
    kind: 'safety',
    assumptions: ['A-25', 'A-26'],
  },
  {
    id: 'GIR-SM-4',
    document: 'GIR',
    section: sm,
    anchor: 'the standby instance automatically takes over to become the active',
    claim:
      'At most one Scheduler task is active outside a partition, and when the active one fails the standby becomes active within a bound.',
    kind: 'safety',
    assumptions: ['A-28', 'B-R-1'],
  },
];
