import { describe, expect, it } from 'vitest';
import { suggestedOrderDate } from '../../../shared/domain/engine';
import { lineFormSchema } from './lineForm';

describe('a line\'s dates and quantity', () => {
  it('suggests ordering on the day the old subscription ends, or today once it has ended', () => {
    expect(suggestedOrderDate('2025-09-30', '2025-06-01')).toBe('2025-09-30');
    expect(suggestedOrderDate('2025-05-01', '2025-06-01')).toBe('2025-06-01');
    expect(suggestedOrderDate(null, '2025-06-01')).toBeNull();
  });

  it('refuses an order date after the 30-day window, before the plan date, or not a real day', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: '2025-10-30' });
    const ok = { targetSkuId: 'x', quantity: 25 };
    expect(schema.safeParse({ ...ok, orderDate: '2025-10-30' }).success).toBe(true);
    expect(schema.safeParse({ ...ok, orderDate: '' }).success).toBe(true);
    const message = (orderDate: string) => schema.safeParse({ ...ok, orderDate }).error?.issues[0]?.message;
    expect(message('2025-10-31')).toBe('afterDeadline');
    expect(message('2025-05-31')).toBe('beforePlanDate');
    expect(message('2025-02-30')).toBe('date');
  });

  it('lets a late order through once the window has already closed', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: '2023-03-03' });
    expect(schema.safeParse({ targetSkuId: '', quantity: 0, orderDate: '2025-06-02' }).success).toBe(true);
  });

  it('takes whole license counts only', () => {
    const schema = lineFormSchema({ asOf: '2025-06-01', deadline: null });
    for (const quantity of [Number.NaN, 1.5, -1, 10_000_001]) {
      expect(schema.safeParse({ targetSkuId: '', quantity, orderDate: '' }).error?.issues[0]?.message).toBe('quantity');
    }
  });
});
