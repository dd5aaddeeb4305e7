import { z } from 'zod';
import { GDAP_AUTO_EXTEND_DAYS, GDAP_MAX_DURATION_DAYS, gdapRequestProblems } from '../domain/gdap';
import { checkRegion, type RegionCheck } from '../domain/region';
import { can } from '../domain/roles';
import { resellerInvitationLink } from '../domain/invitation';
import { GdapRequest, Id, IsoDateTime, StoredDelegatedAdmin } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';
import type { RefusalParams, RefusalReason } from './refusalCodes';


export const invitationCreate = defineMutator({
  name: 'invitation.create',
  args: z
    .object({
      id: Id,
      customerId: Id,
      // 'dap' parses so that an older app's request is refused with a reason, not a schema error.
      delegatedAdmin: StoredDelegatedAdmin,
      // The duration is checked in words by the GDAP rules (gdapRequestProblems), not by the schema.
      gdap: GdapRequest.extend({ durationDays: z.number().int().min(-100_000).max(100_000) }).nullable().default(null),
      language: z.enum(['en', 'ja']),
    })
    .strict()
    .refine((a) => (a.delegatedAdmin === 'gdap') === (a.gdap !== null), {
      message: 'GDAP roles and duration go with delegated admin "gdap", and only with it',
      path: ['gdap'],
    }),
  permission: 'invite.send',
  describe: (a) =>
    a.delegatedAdmin === 'none'
      ? activity('invitation.create.plain')
      : a.delegatedAdmin === 'gdap'
        ? activity('invitation.create.gdap', { days: a.gdap?.durationDays ?? '?', autoExtend: a.gdap?.autoExtend ? 1 : 0 })
        : activity('invitation.create.dap'),
  async run(tx, a, ctx) {
    if (a.delegatedAdmin === 'dap') {
      throw new MutationError('INVALID', 'invitation.dapRetired');
    }
    // Only roles allowed to ask for delegated admin may build an invitation that asks for it.
    if (a.delegatedAdmin !== 'none' && !can(ctx.actor.role, 'invite.delegatedAdmin')) {
      throw new MutationError('FORBIDDEN', 'invitation.delegatedAdminForbidden', { role: ctx.actor.role });
    }
    if (a.gdap) {
      const problems = gdapRequestProblems({ durationDays: a.gdap.durationDays, roleIds: a.gdap.roles, autoExtend: a.gdap.autoExtend ?? false });
      if (problems.length > 0) {
        throw new MutationError('INVALID', 'invitation.gdapProblems', { problems: problems.map((p) => p.code), maxDays: GDAP_MAX_DURATION_DAYS, autoExtendDays: GDAP_AUTO_EXTEND_DAYS });
      }
    }
    const customer = await mustGet(tx, 'customers', a.customerId);
    const partner = await tx.get('partner', 'partner');
    if (!partner?.partnerTenantId) {
      throw new MutationError('INVALID', 'invitation.noPartnerTenant');
    }
    const region = checkRegion(partner.country, customer.country);
    if (!region.ok) throw new MutationError('INVALID', ...regionRefusal(region, partner.country, customer.name));
    if (await tx.get('invitations', a.id)) throw new MutationError('INVALID', 'invitation.exists', { id: a.id });
    await tx.put('invitations', {
      ...a,
      delegatedAdmin: a.delegatedAdmin,
      gdap: a.gdap ? { ...a.gdap, autoExtend: a.gdap.autoExtend ?? false } : null,
      link: resellerInvitationLink({ partnerTenantId: partner.partnerTenantId, legacyDap: false }),
      status: 'draft',
      sentAt: null,
      acceptedAt: null,
      remindedAt: [],
    });
    return a.customerId;
  },
});

/** Why the region check refused the invitation, as a reason and parameters (region codes the renderer names). */
function regionRefusal(region: Exclude<RegionCheck, { ok: true }>, partnerCountry: string, customerName: string): [RefusalReason, RefusalParams] {
  if (region.reason === 'unknown-country') {
    if (region.country.trim() === '' && region.country === partnerCountry) return ['invitation.partnerNoCountry', {}];
    if (region.country.trim() === '') return ['invitation.customerNoCountry', { customer: customerName }];
    return ['invitation.countryNoRegion', { country: region.country }];
  }
  return ['invitation.outsideRegion', { customer: customerName, customerRegion: region.customerRegion, partnerRegion: region.partnerRegion }];
}

const byId = z.object({ id: Id }).strict();

export const invitationMarkSent = defineMutator({
  name: 'invitation.markSent',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.markSent'),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'draft') throw new MutationError('INVALID', 'invitation.notDraft', { status: inv.status });
    await tx.update('invitations', a.id, { status: 'sent', sentAt: ctx.now });
    const customer = await mustGet(tx, 'customers', inv.customerId);
    if (customer.stage === 'not-started') await tx.update('customers', customer.id, { stage: 'invited' });
    return inv.customerId;
  },
});

export const invitationMarkAccepted = defineMutator({
  name: 'invitation.markAccepted',
  args: z.object({ id: Id, acceptedAt: IsoDateTime.optional() }).strict(),
  permission: 'invite.send',
  describe: () => activity('invitation.markAccepted'),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent' && inv.status !== 'expired') {
      throw new MutationError('INVALID', 'invitation.acceptNotSent', { status: inv.status });
    }
    await tx.update('invitations', a.id, { status: 'accepted', acceptedAt: a.acceptedAt ?? ctx.now });
    const customer = await mustGet(tx, 'customers', inv.customerId);
    if (customer.stage === 'not-started' || customer.stage === 'invited') {
      await tx.update('customers', customer.id, { stage: 'accepted' });
    }
    return inv.customerId;
  },
});

export const invitationMarkExpired = defineMutator({
  name: 'invitation.markExpired',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.markExpired'),
  async run(tx, a) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent') throw new MutationError('INVALID', 'invitation.expireNotSent', { status: inv.status });
    await tx.update('invitations', a.id, { status: 'expired' });
    return inv.customerId;
  },
});

export const invitationRemind = defineMutator({
  name: 'invitation.remind',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.remind'),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent') throw new MutationError('INVALID', 'invitation.remindNotSent', { status: inv.status });
    await tx.update('invitations', a.id, { remindedAt: [...inv.remindedAt, ctx.now].slice(-100) });
    return inv.customerId;
  },
});

export const invitationCancel = defineMutator({
  name: 'invitation.cancel',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.cancel'),
  async run(tx, a) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status === 'accepted') throw new MutationError('INVALID', 'invitation.cancelAccepted');
    await tx.update('invitations', a.id, { status: 'cancelled' });
    return inv.customerId;
  },
});
