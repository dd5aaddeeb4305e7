import { z } from 'zod';
import { CountryCode, Guid, PartnerProfile } from '../workspace/tables';
import { defineMutator } from './define';
import { activity } from './activityCodes';

export const partnerUpdate = defineMutator({
  name: 'partner.update',
  args: z
    .object({
      name: z.string().trim().max(200).optional(),
      partnerTenantId: Guid.or(z.literal('')).optional(),
      country: CountryCode.or(z.literal('')).optional(),
      relationshipLink: z.string().trim().max(4096).optional(),
    })
    .strict(),
  permission: 'partner.edit',
  describe: (a) => activity('partner.update', { fields: Object.keys(a) }),
  async run(tx, a) {
    const current = await tx.get('partner', 'partner');
    if (!current) {
      await tx.put(
        'partner',
        PartnerProfile.parse({ id: 'partner', name: '', partnerTenantId: '', country: '', relationshipLink: '', ...a }),
      );
    } else {
      await tx.update('partner', 'partner', a);
    }
    return null;
  },
});
