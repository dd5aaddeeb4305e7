import { describe, expect, it } from 'vitest';
import { suggestedOrderDate } from '../../../shared/domain/engine';
import { lineFormSchema } from './lineForm';

const ANNUAL = { term: 'P1Y', billingFrequency: 'annual' } as const;

describe('a line\'s dates and quantity', () => {
  it('suggests ordering on the day the old subscription ends, or today once it has ended', () => {
    expect(suggestedOrderDate('2025-09-30', '2025-06-01')).toBe('2025-09-30');
    expect(suggestedOrderDate('2025-05-01', '2025-06-01')).toBe('2025-06-01');
    expect(suggestedOrderDate(null, '2025-06-01')).toBeNull();
  });

  it('refuses an order date after the 30-day window, before the plan date, or not a real day', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: '2025-10-30' });
    const ok = { targetSkuId: 'x', quantity: 25, ...ANNUAL };
    expect(schema.safeParse({ ...ok, orderDate: '2025-10-30' }).success).toBe(true);
    expect(schema.safeParse({ ...ok, orderDate: '' }).success).toBe(true);
    const message = (orderDate: string) => schema.safeParse({ ...ok, orderDate }).error?.issues[0]?.message;
    expect(message('2025-10-31')).toBe('afterDeadline');
    expect(message('2025-05-31')).toBe('beforePlanDate');
    expect(message('2025-02-30')).toBe('date');
  });

  it('lets a late order through once the window has already closed', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: '2023-03-03' });
    expect(schema.safeParse({ targetSkuId: '', quantity: 0, orderDate: '2025-06-02', ...ANNUAL }).success).toBe(true);
  });

  it('takes whole license counts only', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: null });
    for (const quantity of [Number.NaN, 1.5, -1, 10_000_001]) {
      expect(schema.safeParse({ targetSkuId: '', quantity, orderDate: '', ...ANNUAL }).error?.issues[0]?.message).toBe('quantity');
    }
  });

  it('offers only the billing frequencies Partner Center has for the term, and refuses a 3-year term under 100 seats from 2025-04-01', () => {
    const schema = lineFormSchema({ asOf: '2026-12-01', deadline: null });
    const line = { targetSkuId: 'x', orderDate: '' };
    const issues = (v: object) => schema.safeParse({ ...line, ...v }).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ quantity: 10, term: 'P1M', billingFrequency: 'monthly' })).toEqual([]);
    expect(issues({ quantity: 10, term: 'P1M', billingFrequency: 'annual' })).toEqual([['billingFrequency', 'billingFrequency']]);
    expect(issues({ quantity: 10, term: 'P1Y', billingFrequency: 'triennial' })).toEqual([['billingFrequency', 'billingFrequency']]);
    expect(issues({ quantity: 99, term: 'P3Y', billingFrequency: 'triennial' })).toEqual([['term', 'threeYearMinimum']]);
    expect(issues({ quantity: 100, term: 'P3Y', billingFrequency: 'monthly' })).toEqual([]);
    // Before the minimum took effect, a small 3-year order was allowed.
    const before = lineFormSchema({ asOf: '2025-03-31', deadline: null });
    expect(before.safeParse({ ...line, quantity: 10, term: 'P3Y', billingFrequency: 'triennial' }).success).toBe(true);
  });
});
