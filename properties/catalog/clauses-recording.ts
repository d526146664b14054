/**
 * Clauses of the GIR document's "Scalability" tab and its "Resource Manager" and "Media Control
 * Platform" paragraphs, sentence by sentence, checked by the recording-path model
 * (properties/recording). The "SIP Server" paragraph is in clauses.ts (GIR-SIP-1/2); the model's
 * composition property names GIR-SIP-2.
 */
import type { Clause } from './clauses.ts';

const scalability = 'Scalability';
const rm = 'High Availability › Resource Manager';
const mcp = 'High Availability › Media Control Platform';

export const recordingClauses: readonly Clause[] = [
  {
    id: 'GIR-SCALE-1',
    document: 'GIR',
    section: scalability,
    anchor: 'uses the same unified media server instances',
    claim:
      'Recording is one more service of the same media servers (MCPs) that SIP Server uses for its other media services.',
    kind: 'configuration',
    assumptions: [],
    notModelled:
      'Other media services are not modelled; every MCP of the model serves recording sessions only.',
  },
  {
    id: 'GIR-SCALE-2',
    document: 'GIR',
    section: scalability,
    anchor: 'managed by a pair of Resource Managers running in Active-Active mode',
    claim: 'A pair of Resource Managers, both active, manages the MCP cluster.',
    kind: 'configuration',
    assumptions: ['A-1', 'A-2', 'R-3'],
  },
  {
    id: 'GIR-SCALE-3',
    document: 'GIR',
    section: scalability,
    anchor: 'selects the appropriate IVR Profile for the call',
    claim:
      "RM identifies the tenant of SIP Server's request and gives the session an IVR Profile of that tenant.",
    kind: 'safety',
    assumptions: ['R-7', 'R-8'],
  },
  {
    id: 'GIR-SCALE-4',
    document: 'GIR',
    section: scalability,
    anchor: 'able to handle call recording for any tenant',
    claim: 'Any MCP of the cluster can record for any tenant; the IVR Profile carries the tenant.',
    kind: 'safety',
    assumptions: ['A-7'],
  },
  {
    id: 'GIR-SCALE-5',
    document: 'GIR',
    section: scalability,
    anchor: 'MCP writes call recording to Amazon S3 or disk storage',
    claim:
      "MCP writes each finished recording to the deployment's storage (S3 or disk), and only then is its metadata posted onward.",
    kind: 'safety',
    assumptions: ['A-9', 'R-6'],
  },
  {
    id: 'GIR-SCALE-6',
    document: 'GIR',
    section: scalability,
    anchor: 'Amazon S3 being a cloud service is already designed to scale',
    claim: 'S3 storage scales by itself.',
    kind: 'configuration',
    assumptions: ['R-6'],
    notModelled: 'Capacity is not modelled; storage is assumed never to fail or refuse a write.',
  },
  {
    id: 'GIR-SCALE-7',
    document: 'GIR',
    section: scalability,
    anchor: 'such as a disk array that can be scaled for the cluster',
    claim: 'Premise deployments store recordings on a disk array sized for the MCP cluster.',
    kind: 'configuration',
    assumptions: ['R-6'],
    notModelled: 'Capacity is not modelled; disk storage is a label of the recording target.',
  },
  {
    id: 'GIR-SCALE-8',
    document: 'GIR',
    section: scalability,
    anchor: 'For more information on public keys and encryption',
    claim: 'Encryption with public keys is described in another guide.',
    kind: 'configuration',
    assumptions: [],
    notModelled: 'A pointer to another guide; encryption is not part of the recording-path model.',
  },
  {
    id: 'GIR-RM-1',
    document: 'GIR',
    section: rm,
    anchor: 'can operate in either active/hot-standby or active/active pair',
    claim:
      'The RM pair runs either active/hot-standby (one Virtual IP) or active/active (SIP Server spreads new sessions over both); both modes are checked.',
    kind: 'configuration',
    assumptions: ['A-1'],
  },
  {
    id: 'GIR-RM-2',
    document: 'GIR',
    section: rm,
    anchor: 'will become active and continue to accept incoming requests',
    claim:
      'When one RM fails, the remaining one serves (takes the Virtual IP in active-standby) and accepts requests within the heartbeat detection time.',
    kind: 'liveness',
    assumptions: ['A-2', 'R-2'],
  },
  {
    id: 'GIR-RM-3',
    document: 'GIR',
    section: rm,
    anchor: 'will remember the affinity of the recording sessions with Media Server',
    claim:
      'After an RM failure, the survivor routes in-dialog requests of existing recording sessions to the same MCP and recording target, never re-mapping them; under replication lag only for sessions that had reached it.',
    kind: 'safety',
    assumptions: ['A-3', 'R-2'],
  },
  {
    id: 'GIR-MCP-1',
    document: 'GIR',
    section: mcp,
    anchor: 'MCP becomes a single point of failure',
    claim:
      'While an MCP bridges a call its failure breaks the recording session and the media path through it; the recovery (notify, join, record again: GIR-MCP-2..4) must keep the call.',
    kind: 'safety',
    assumptions: ['A-9', 'R-5'],
  },
  {
    id: 'GIR-MCP-2',
    document: 'GIR',
    section: mcp,
    anchor: 'Resource Manager notifies SIP Server about the failure',
    claim:
      'RM notices a failed MCP after its detection time and notifies SIP Server for every session on it.',
    kind: 'liveness',
    assumptions: ['A-4', 'R-1'],
  },
  {
    id: 'GIR-MCP-3',
    document: 'GIR',
    section: mcp,
    anchor: 'SIP Server first joins the endpoints together',
    claim:
      'SIP Server joins the endpoints so the call continues, strictly before it requests a new recording session.',
    kind: 'safety',
    assumptions: ['A-5', 'R-4'],
  },
  {
    id: 'GIR-MCP-4',
    document: 'GIR',
    section: mcp,
    anchor: 'initiating a new recording session with the same parameters',
    claim:
      'SIP Server then records the call again in a new session with the same parameters, within a bound when an MCP is available; the gap is bounded by detection plus failover time when the audio before the crash is kept.',
    kind: 'liveness',
    assumptions: ['A-6', 'A-8', 'A-9', 'R-4'],
  },
  {
    id: 'GIR-MCP-5',
    document: 'GIR',
    section: mcp,
    anchor: 'RM most likely will select another MCP instance',
    claim:
      'While the failed MCP is unavailable RM selects another one: RM never selects an MCP it believes down.',
    kind: 'safety',
    assumptions: ['A-7', 'R-1'],
  },
];
