import { describe, expect, it } from 'vitest';
import {
  connect,
  deliver,
  disconnect,
  emptyTable,
  isSynced,
  type LinkDraft,
  promote,
  type ReplicaDraft,
  resync,
  wipe,
  write,
} from '../../model/kernel/hot-standby.ts';

type K = 'c1' | 'c2';
type V = 'idle' | 'ringing' | 'talking';

const EMPTY: Record<K, V> = { c1: 'idle', c2: 'idle' };

function pair(connected = true): {
  primary: ReplicaDraft<K, V>;
  backup: ReplicaDraft<K, V>;
  link: LinkDraft<K, V>;
} {
  return {
    primary: { role: 'primary', table: { ...EMPTY }, acked: { ...EMPTY }, readiness: 'ready' },
    backup: { role: 'backup', table: { ...EMPTY }, acked: {}, readiness: 'ready' },
    link: { connected, inflight: {} },
  };
}

describe('kernel: hot-standby block', () => {
  it('should build a table with the empty value of every key', () => {
    expect(emptyTable<K, V>(['c1', 'c2'], () => 'idle')).toEqual(EMPTY);
    expect(emptyTable<K, string>(['c1', 'c2'], (k) => `${k}-x`)).toEqual({
      c1: 'c1-x',
      c2: 'c2-x',
    });
  });

  it('should send a write to the backup when the link is connected', () => {
    const { primary, link } = pair(true);
    write(primary, link, 'c1', 'ringing');
    expect(primary.table.c1).toBe('ringing');
    expect(link.inflight).toEqual({ c1: 'ringing' });
    expect(isSynced(primary, 'c1')).toBe(false);
  });

  it('should only change the primary table when the link is down', () => {
    const { primary, link } = pair(false);
    write(primary, link, 'c1', 'ringing');
    expect(primary.table.c1).toBe('ringing');
    expect(link.inflight).toEqual({});
  });

  it('should apply a delivered value on the backup and acknowledge it on the primary', () => {
    const { primary, backup, link } = pair();
    write(primary, link, 'c1', 'ringing');
    deliver(primary, backup, link, 'c1');
    expect(backup.table.c1).toBe('ringing');
    expect(primary.acked.c1).toBe('ringing');
    expect(link.inflight).toEqual({});
    expect('c1' in link.inflight).toBe(false);
    expect(isSynced(primary, 'c1')).toBe(true);
  });

  it('should do nothing when delivering a key with nothing in flight', () => {
    const { primary, backup, link } = pair();
    write(primary, link, 'c1', 'ringing');
    deliver(primary, backup, link, 'c2');
    expect(backup.table).toEqual(EMPTY);
    expect(primary.acked).toEqual(EMPTY);
    expect(link.inflight).toEqual({ c1: 'ringing' });
  });

  it('should let a newer value supersede the one in flight', () => {
    const { primary, backup, link } = pair();
    write(primary, link, 'c1', 'ringing');
    write(primary, link, 'c1', 'talking');
    expect(link.inflight).toEqual({ c1: 'talking' });
    deliver(primary, backup, link, 'c1');
    expect(backup.table.c1).toBe('talking');
    expect(primary.acked.c1).toBe('talking');
    expect(isSynced(primary, 'c1')).toBe(true);
  });

  it('should drop everything in flight when the link breaks', () => {
    const { primary, backup, link } = pair();
    write(primary, link, 'c1', 'ringing');
    write(primary, link, 'c2', 'talking');
    disconnect(link);
    expect(link.connected).toBe(false);
    expect(link.inflight).toEqual({});
    deliver(primary, backup, link, 'c1');
    expect(backup.table).toEqual(EMPTY);
  });

  it('should leave an already empty, disconnected link as it was (by value) on disconnect', () => {
    const link: LinkDraft<K, V> = { connected: false, inflight: {} };
    disconnect(link);
    expect(link).toEqual({ connected: false, inflight: {} });
  });

  it('should make acked a copy of the backup table and stay ready when the tables agree', () => {
    const { primary, backup, link } = pair(false);
    primary.acked = {};
    backup.readiness = 'resyncing';
    connect(primary, backup, link);
    expect(link.connected).toBe(true);
    expect(link.inflight).toEqual({});
    expect(primary.acked).toEqual(backup.table);
    expect(primary.acked).not.toBe(backup.table);
    expect(backup.readiness).toBe('ready');
  });

  it('should set the backup resyncing on connect when the tables differ', () => {
    const { primary, backup, link } = pair(false);
    write(primary, link, 'c2', 'talking');
    backup.table.c1 = 'ringing';
    connect(primary, backup, link);
    expect(primary.acked).toEqual({ c1: 'ringing', c2: 'idle' });
    expect(isSynced(primary, 'c1')).toBe(false);
    expect(isSynced(primary, 'c2')).toBe(false);
    expect(backup.readiness).toBe('resyncing');
  });

  it('should keep acked independent of the backup table after connect', () => {
    const { primary, backup, link } = pair(false);
    connect(primary, backup, link);
    backup.table.c1 = 'talking';
    expect(primary.acked.c1).toBe('idle');
  });

  it('should make the backup mirror the primary and be ready after resync', () => {
    const { primary, backup, link } = pair(false);
    write(primary, link, 'c1', 'ringing');
    write(primary, link, 'c2', 'talking');
    connect(primary, backup, link);
    expect(backup.readiness).toBe('resyncing');
    resync(primary, backup, link);
    expect(backup.table).toEqual({ c1: 'ringing', c2: 'talking' });
    expect(backup.table).not.toBe(primary.table);
    expect(primary.acked).toEqual(primary.table);
    expect(link.inflight).toEqual({});
    expect(backup.readiness).toBe('ready');
    expect(isSynced(primary, 'c1')).toBe(true);
    expect(isSynced(primary, 'c2')).toBe(true);
  });

  it('should promote a backup to primary with its own table and no acknowledgements', () => {
    const { backup } = pair();
    backup.table.c1 = 'talking';
    backup.acked = { c1: 'talking' };
    backup.readiness = 'resyncing';
    promote(backup);
    expect(backup.role).toBe('primary');
    expect(backup.readiness).toBe('ready');
    expect(backup.acked).toEqual({});
    expect(backup.table.c1).toBe('talking');
  });

  it('should wipe a member into an empty, resyncing backup', () => {
    const { primary } = pair();
    primary.table.c1 = 'talking';
    wipe(primary, EMPTY);
    expect(primary.role).toBe('backup');
    expect(primary.readiness).toBe('resyncing');
    expect(primary.table).toEqual(EMPTY);
    expect(primary.table).not.toBe(EMPTY);
    expect(primary.acked).toEqual({});
  });
});
