import { describe, expect, it } from 'vitest';
import { advanceBy, canAdvanceAll, earliestDeadlineMs } from '../../model/kernel/clock.ts';
import { isDue, type Timers } from '../../model/kernel/timers.ts';

/** What the kernel's clock does to one timer set. */
const nextDeadlineMs = <Id extends string>(timers: Timers<Id>) => earliestDeadlineMs([timers]);
const canAdvance = <Id extends string>(timers: Timers<Id>) => canAdvanceAll([timers]);
const advanceToNextDeadline = <Id extends string>(timers: Timers<Id>) =>
  advanceBy(timers, nextDeadlineMs(timers) ?? 0);

type Id = 'addp' | 'recheck' | 'restart';

describe('kernel: timers', () => {
  it('should report the earliest deadline over several timer sets, wherever it is', () => {
    expect(earliestDeadlineMs([{ addp: 9000 }, { recheck: 5000, restart: 7000 }])).toBe(5000);
    expect(earliestDeadlineMs([{ addp: 3000 }, { recheck: 5000 }])).toBe(3000);
    expect(earliestDeadlineMs([{}, { recheck: undefined }])).toBeUndefined();
  });

  it('should report no deadline when no timer is pending', () => {
    expect(nextDeadlineMs<Id>({})).toBeUndefined();
    expect(nextDeadlineMs<Id>({ addp: undefined })).toBeUndefined();
  });

  it('should report the smallest pending deadline', () => {
    expect(nextDeadlineMs<Id>({ addp: 9000, recheck: 5000, restart: 7000 })).toBe(5000);
    expect(nextDeadlineMs<Id>({ addp: 9000, recheck: undefined })).toBe(9000);
    expect(nextDeadlineMs<Id>({ addp: 0, recheck: 5000 })).toBe(0);
  });

  it('should allow time to advance only when a timer is pending and none is due', () => {
    expect(canAdvance<Id>({})).toBe(false);
    expect(canAdvance<Id>({ addp: undefined })).toBe(false);
    expect(canAdvance<Id>({ addp: 0 })).toBe(false);
    expect(canAdvance<Id>({ addp: 0, recheck: 5000 })).toBe(false);
    expect(canAdvance<Id>({ addp: 1 })).toBe(true);
    expect(canAdvance<Id>({ addp: 9000, recheck: 5000 })).toBe(true);
  });

  it('should subtract the earliest deadline from every pending timer', () => {
    const timers: Timers<Id> = { addp: 9000, recheck: 5000, restart: 7000 };
    advanceToNextDeadline(timers);
    expect(timers).toEqual({ addp: 4000, recheck: 0, restart: 2000 });
  });

  it('should leave absent timers absent when advancing', () => {
    const timers: Timers<Id> = { addp: 3000, recheck: undefined };
    advanceToNextDeadline(timers);
    expect(timers.addp).toBe(0);
    expect(timers.recheck).toBeUndefined();
    expect(timers.restart).toBeUndefined();
    expect('restart' in timers).toBe(false);
  });

  it('should make a timer due after advancing and forbid advancing again', () => {
    const timers: Timers<Id> = { addp: 3000, recheck: 8000 };
    advanceToNextDeadline(timers);
    expect(isDue(timers, 'addp')).toBe(true);
    expect(isDue(timers, 'recheck')).toBe(false);
    expect(canAdvance(timers)).toBe(false);
  });

  it('should do nothing when advancing with no timer pending', () => {
    const timers: Timers<Id> = {};
    advanceToNextDeadline(timers);
    expect(timers).toEqual({});
  });

  it('should treat only a zero timer as due', () => {
    const timers: Timers<Id> = { addp: 0, recheck: 1 };
    expect(isDue(timers, 'addp')).toBe(true);
    expect(isDue(timers, 'recheck')).toBe(false);
    expect(isDue(timers, 'restart')).toBe(false);
  });
});
