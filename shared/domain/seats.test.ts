import { describe, expect, it } from 'vitest';
import { allocateConsumed, checkSeats } from './seats';

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
