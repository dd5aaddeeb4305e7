import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, parseIsoDateTime, utcDay } from './dates';
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

describe('calendar arithmetic (properties against Date)', () => {
  const instant = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9998, 11, 31)), noInvalidDate: true });

  it('parseIsoDateTime and utcDay agree with Date on every instant', () => {
    fc.assert(
      fc.property(instant, (d) => {
        const iso = d.toISOString();
        if (!/^\d{4}-/.test(iso)) return; // toISOString writes years beyond 9999 as +0YYYYY
        expect(parseIsoDateTime(iso)).toBe(d.getTime());
        expect(utcDay(iso)).toBe(iso.slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('addDays and daysBetween agree with Date and invert each other', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const day = d.toISOString().slice(0, 10);
        const expected = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n));
        if (expected.getUTCFullYear() < 1 || expected.getUTCFullYear() > 9999) return;
        const later = addDays(day, n);
        expect(later).toBe(expected.toISOString().slice(0, 10));
        expect(daysBetween(day, later)).toBe(n);
        expect(isLocalDate(later)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('offsets are applied: the same instant written in two zones is the same day in UTC', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -12 * 60, max: 14 * 60 }), (d, offsetMin) => {
        const local = new Date(d.getTime() + offsetMin * 60_000).toISOString();
        if (!/^\d{4}-/.test(local)) return;
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseIsoDateTime(local.replace('Z', zone))).toBe(d.getTime());
      }),
      { numRuns: 1000 },
    );
  });
});
