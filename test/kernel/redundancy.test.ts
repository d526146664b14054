import { describe, expect, it } from 'vitest';
import { failMember, resendFrom } from '../../model/kernel/active-active.ts';
import * as singleton from '../../model/kernel/active-standby.ts';
import { firstUp } from '../../model/kernel/n-plus-one.ts';
import type { Timers } from '../../model/kernel/timers.ts';

const IDS = ['a', 'b'] as const;

describe('kernel: N+1 pool', () => {
  it('should take the first member that is up, and none when all are down', () => {
    const up: Record<string, boolean> = { n1: false, n2: true, n3: true };
    expect(firstUp(['n1', 'n2', 'n3'], (m) => up[m]!)).toBe('n2');
    expect(firstUp(['n1'], (m) => up[m]!)).toBeUndefined();
  });
});

describe('kernel: active-active pair', () => {
  it('should lose a failed member’s work and make its client send it again', () => {
    const member = {
      process: 'up' as 'up' | 'down',
      work: { k1: 'busy' } as Record<string, string>,
    };
    failMember(member);
    expect(member).toEqual({ process: 'down', work: {} });
    const sentTo: Record<string, 'm1' | 'm2' | 'none'> = { k1: 'm1', k2: 'm2', k3: 'none' };
    resendFrom(sentTo, 'm1');
    expect(sentTo).toEqual({ k1: 'none', k2: 'm2', k3: 'none' });
  });
});

describe('kernel: active/standby singleton', () => {
  it('should arm the standby’s timer only while it sees no active member', () => {
    const m = singleton.initialMembers(IDS);
    const timers: Timers<string> = {};
    const rearm = () => singleton.rearm(IDS, m, timers, (id) => `t:${id}`, 10);
    rearm();
    expect(timers).toEqual({});
    singleton.fail(m, 'a');
    rearm();
    expect(timers).toEqual({ 't:b': 10 });
    singleton.takeOver(IDS, m, 'b');
    rearm();
    expect(timers).toEqual({});
    expect(singleton.actives(IDS, m)).toEqual(['b']);
    singleton.restart(m, 'a');
    expect(m.a.role).toBe('standby');
  });

  it('should let a cut standby take over, and make the older active step down on the heal', () => {
    const m = singleton.initialMembers(IDS);
    m.a.cut = true;
    expect(singleton.seesActive(IDS, m, 'b')).toBe(false);
    singleton.takeOver(IDS, m, 'b');
    expect(singleton.actives(IDS, m)).toEqual(['a', 'b']);
    singleton.heal(IDS, m);
    expect(singleton.actives(IDS, m)).toEqual(['b']);
    expect(m.b.epoch).toBe(1);
  });
});
