// Partner Center offer list (`GET /v1/offers?country=`): legacy offers whose `product.id` is the SKU
// GUID. Only what purchasability needs is kept.
import { z } from 'zod';
import type { OfferAvailability } from '../domain/catalog';
import { collection, parseJsonText, parseRecord } from './json';

const Offer = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  isAvailableForPurchase: z.boolean(),
  product: z.object({ id: z.string().min(1) }),
});

export function parseOffers(text: string, file: string): OfferAvailability[] {
  const items = collection(parseJsonText(text, file), 'items', file);
  return items.map((raw, i) => {
    const o = parseRecord(Offer, raw, i, file);
    return {
      productId: o.product.id.trim().toLowerCase(),
      isAvailableForPurchase: o.isAvailableForPurchase,
      ...(o.id !== undefined ? { offerId: o.id } : {}),
      ...(o.name !== undefined ? { name: o.name } : {}),
    };
  });
}
