import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, parseIsoDateTime, utcDay } from './dates';
import { allocateConsumed, checkSeats } from './seats';
import { exceedsSubscriptionLimit, isActiveStatus, subscriptionTiming } from './timing';

describe('dates', () => {
  it('parses strict ISO 8601 only', () => {
    expect(parseIsoDateTime('2023-02-01T00:00:00Z')).toBe(Date.UTC(2023, 1, 1));
    expect(parseIsoDateTime('2023-02-01T09:00:00.1234567+09:00')).toBe(Date.UTC(2023, 1, 1, 0, 0, 0, 123));
    for (const bad of ['2015-11-25T06: 41: 12Z', '2023-02-30T00:00:00Z', '2023-02-01', '2023-02-01T24:00:00Z', '2023-02-01T00:00:00', '']) {
      expect(parseIsoDateTime(bad), bad).toBeNull();
    }
    expect(utcDay('2023-01-31T23:30:00-01:00')).toBe('2023-02-01');
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(addDays('2024-02-01', 30)).toBe('2024-03-02');
    expect(daysBetween('2024-12-31', '2025-01-30')).toBe(30);
  });
});

describe('timing', () => {
  it('an Enabled subscription expires at nextLifecycleDateTime; the deadline is 30 days later', () => {
    expect(subscriptionTiming('Enabled', '2023-02-01T00:00:00Z', '2022-12-01')).toEqual({
      expires: '2023-02-01',
      deadline: '2023-03-03',
      daysToExpiry: 62,
      daysToDeadline: 92,
      state: 'active',
    });
    expect(subscriptionTiming('Enabled', '2023-02-01T00:00:00Z', '2023-01-15').state).toBe('expiring-soon');
    expect(subscriptionTiming('Enabled', '2023-02-01T00:00:00Z', '2023-02-10').state).toBe('in-expired-window');
    expect(subscriptionTiming('Enabled', '2023-02-01T00:00:00Z', '2023-03-04').state).toBe('past-deadline');
  });

  it('for an expired (Warning) subscription nextLifecycleDateTime is the end of the window', () => {
    expect(subscriptionTiming('Warning', '2023-03-03T00:00:00Z', '2023-02-20')).toMatchObject({
      expires: '2023-02-01',
      deadline: '2023-03-03',
      daysToDeadline: 11,
      state: 'in-expired-window',
    });
    expect(subscriptionTiming('Enabled', null, '2023-01-01').state).toBe('unknown');
  });

  it('the 150 active subscriptions rule', () => {
    expect(exceedsSubscriptionLimit(100, 50)).toBe(false);
    expect(exceedsSubscriptionLimit(100, 51)).toBe(true);
    expect(isActiveStatus('Enabled')).toBe(true);
    expect(isActiveStatus(' warning ')).toBe(true);
    expect(isActiveStatus('Expired')).toBe(false);
  });
});

describe('seats', () => {
  it('the target defaults to the current total; a shortfall and any change are flagged', () => {
    expect(checkSeats(25, 14)).toEqual({ quantity: 25, targetQuantity: 25, consumed: 14, shortfall: 0, changed: false });
    expect(checkSeats(25, 14, 10)).toEqual({ quantity: 25, targetQuantity: 10, consumed: 14, shortfall: 4, changed: true });
    expect(checkSeats(25, 14, 30).changed).toBe(true);
  });

  it('splits per-SKU consumption over subscriptions in order', () => {
    expect(allocateConsumed(14, [10, 10])).toEqual([10, 4]);
    expect(allocateConsumed(25, [10, 10])).toEqual([10, 15]);
    expect(allocateConsumed(0, [5])).toEqual([0]);
    expect(allocateConsumed(3, [])).toEqual([]);
  });
});
