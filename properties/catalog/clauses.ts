/**
 * The clause catalog: every testable claim of the two documents that the models cover so far,
 * with a stable id, its section, a verbatim anchor phrase (at most 12 words) that locates it,
 * the claim in the project's own words, its kind, and the assumptions it rests on. Properties
 * name these ids; a test keeps both sides consistent and finds every anchor in the documents.
 */

export type DocumentId = 'GIR' | 'BC';

export interface Clause {
  readonly id: string;
  readonly document: DocumentId;
  readonly section: string;
  /** Verbatim from the document, at most 12 words. */
  readonly anchor: string;
  readonly claim: string;
  readonly kind: 'safety' | 'liveness' | 'configuration';
  readonly assumptions: readonly string[];
  /** Why the clause has no property, when it has none. */
  readonly notModelled?: string;
}

/** Which seed file each document is, by the start of its file name. */
export const DOCUMENT_FILES: Readonly<Record<DocumentId, string>> = {
  GIR: '000_',
  BC: '003_',
};

export const clauses: readonly Clause[] = [
  {
    id: 'GIR-SIP-1',
    document: 'GIR',
    section: 'High Availability › SIP Server',
    anchor: 'hot-standby instance will take over and will have knowledge',
    claim:
      'When the primary SIP Server fails, the hot-standby instance takes over and knows every established session.',
    kind: 'safety',
    assumptions: ['A-10', 'A-11', 'A-12', 'M-1', 'M-2', 'M-3'],
  },
  {
    id: 'GIR-SIP-2',
    document: 'GIR',
    section: 'High Availability › SIP Server',
    anchor: 'a failure of SIP Server will not affect the operation',
    claim:
      'A SIP Server failure does not disturb an established communication session or its established recording session.',
    kind: 'safety',
    assumptions: ['A-10', 'M-1'],
  },
  {
    id: 'BC-HA-1',
    document: 'BC',
    section: 'Business Continuity Relationship to High Availability',
    anchor: 'Genesys Management Layer initiates an HA failover',
    claim:
      'When a primary instance fails, the Management Layer fails it over to its backup at the same site.',
    kind: 'liveness',
    assumptions: ['A-11', 'M-4'],
  },
  {
    id: 'BC-HA-2',
    document: 'BC',
    section: 'Business Continuity Relationship to High Availability',
    anchor: 'these HA failovers are transparent to desktop applications',
    claim: 'Desktops built on the SDKs do not notice a local HA failover.',
    kind: 'safety',
    assumptions: ['A-16', 'B-1'],
  },
  {
    id: 'BC-HA-3',
    document: 'BC',
    section: 'Business Continuity Relationship to High Availability',
    anchor: 'employ synchronization (for example; call state, agent state)',
    claim:
      'A hot-standby pair synchronizes call state and agent state from the primary to the backup.',
    kind: 'safety',
    assumptions: ['M-1', 'M-2'],
  },
  {
    id: 'BC-HA-4',
    document: 'BC',
    section: 'Business Continuity Relationship to High Availability',
    anchor: 'zero or minimal loss of stable, in-setup, or new calls',
    claim:
      'Recovery after a failure loses no stable (established and synced) call; in-setup and new calls may be lost, and the model shows that such loss is reachable.',
    kind: 'safety',
    assumptions: ['A-10', 'A-11'],
  },
];
