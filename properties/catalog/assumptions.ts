/**
 * The assumptions register: where the documents are silent or ambiguous, the choice the models
 * make, and the config options that check both readings where both are plausible. Ids A-n follow
 * the project's domain notes; M-n are the models' own simplifications.
 */

export interface Assumption {
  readonly id: string;
  readonly topic: string;
  readonly problem: string;
  readonly choice: string;
  /** Config fields or named configs that check the other reading. */
  readonly options: readonly string[];
}

export const assumptions: readonly Assumption[] = [
  {
    id: 'A-10',
    topic: 'Which calls SIP Server HA preserves',
    problem:
      'GIR says "all established sessions"; BC says "zero or minimal loss of stable, in-setup, or new calls"; calls missing on a restarted backup are resynchronized only later.',
    choice:
      'A call that is established and acknowledged by the backup survives; in-setup and unsynced calls may be lost (a witness shows it). A failover while the backup still waits for its resync (or after the old primary came back as a backup) is a double failure: it excuses only the calls the promoted backup never received, never one it held itself.',
    options: [],
  },
  {
    id: 'A-11',
    topic: '"Instantaneous recovery"',
    problem:
      'Failure detection takes the ADDP timeout (twice: silence, then the poll) plus the optional disconnect-switchover timeout.',
    choice:
      'Recovery is bounded in model time and fair steps, not instantaneous; the bound is part of the property.',
    options: ['addpTimeoutMs', 'disconnectSwitchoverTimeoutMs (config recheck)'],
  },
  {
    id: 'A-12',
    topic: 'Split brain',
    problem:
      'Neither document mentions it; a disconnected old primary keeps its Virtual IP while SCS promotes the backup.',
    choice:
      'Without fencing, two primaries are allowed only while a host is partitioned or SCS is resolving what it found on reconnecting, and must become one within a bound after the heal. With fencing the invariant is strict.',
    options: ['fencing (config fencing)'],
  },
  {
    id: 'M-1',
    topic: 'Sync messages on the HA link',
    problem: 'The documents do not describe the sync protocol.',
    choice:
      'The primary sends each change of a call or agent; a newer value supersedes one still in flight; the backup acknowledges with the delivery; messages can be lost (a fault).',
    options: ['messageLoss'],
  },
  {
    id: 'M-2',
    topic: 'Resynchronization after the HA link comes up',
    problem:
      'Genesys documents batches of missing calls after the link is re-established, not their exact exchange.',
    choice:
      'The two sides exchange what they hold, then one batch carries every missing entry (calls and agents).',
    options: [],
  },
  {
    id: 'M-3',
    topic: 'Manual switchover',
    problem:
      'A switchover right after the HA link comes up, before resync, is a documented double failure.',
    choice:
      'The operator switches over only a synchronized pair (backup ready, all acknowledged, nothing in flight); the link stays up.',
    options: [],
  },
  {
    id: 'M-4',
    topic: 'LCA reports and SCS commands',
    problem: 'The documents do not give the latency of LCA reports or SCS commands.',
    choice:
      'An LCA report reaches SCS at once while the host is reachable; an SCS command takes effect only on a reachable host (fencing aside). A partition cuts a host from SCS and the HA link but not from SIP traffic.',
    options: [],
  },
];
