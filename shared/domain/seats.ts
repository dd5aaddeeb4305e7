// Seats: the target quantity defaults to the current total, so the customer notices nothing.
// Fewer target seats than consumed ones leave users without a license.

export interface SeatCheck {
  quantity: number;
  targetQuantity: number;
  consumed: number;
  /** consumed - targetQuantity when positive, else 0. */
  shortfall: number;
  /** The total changes (DOMAIN.md: same total, nothing noticed). */
  changed: boolean;
}

export function checkSeats(quantity: number, consumed: number, targetQuantity: number = quantity): SeatCheck {
  return {
    quantity,
    targetQuantity,
    consumed,
    shortfall: Math.max(0, consumed - targetQuantity),
    changed: targetQuantity !== quantity,
  };
}

/**
 * Splits an SKU's consumed seats over its subscriptions in order, each up to its size, the rest on
 * the last one: Graph reports consumption per SKU, not per subscription.
 */
export function allocateConsumed(consumed: number, sizes: readonly number[]): number[] {
  const out: number[] = [];
  let left = consumed;
  sizes.forEach((size, i) => {
    const take = i === sizes.length - 1 ? left : Math.min(left, size);
    out.push(take);
    left -= take;
  });
  return out;
}
