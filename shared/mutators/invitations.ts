import { z } from 'zod';
import { can, roleLabels } from '../domain/roles';
import { resellerInvitationLink } from '../domain/invitation';
import { DelegatedAdmin, GdapRequest, Id, IsoDateTime, type InvitationStatus } from '../workspace/tables';
import { MutationError, defineMutator, mustGet } from './define';

/** An invitation's status in Japanese (renderer/features/invite/i18n/ja.json `status.*`). */
const statusJa: Record<InvitationStatus, string> = { draft: '下書き', sent: '送信済み', accepted: '承認済み', expired: '期限切れ', cancelled: '取り消し済み' };

export const createInvitation = defineMutator({
  name: 'invite.create',
  args: z
    .object({
      id: Id,
      customerId: Id,
      delegatedAdmin: DelegatedAdmin,
      gdap: GdapRequest.nullable().default(null),
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
      ? { en: 'Prepared a reseller invitation', ja: 'リセラー招待を準備しました' }
      : {
          en: `Prepared a reseller invitation with delegated admin (${a.delegatedAdmin})`,
          ja: `委任管理者 (${a.delegatedAdmin.toUpperCase()}) 付きのリセラー招待を準備しました`,
        },
  async run(tx, a, ctx) {
    // Only roles allowed to ask for delegated admin may build an invitation that asks for it.
    if (a.delegatedAdmin !== 'none' && !can(ctx.actor.role, 'invite.delegatedAdmin')) {
      throw new MutationError('forbidden', {
        en: `the role ${ctx.actor.role} cannot request delegated admin privileges`,
        ja: `ロール「${roleLabels[ctx.actor.role].ja}」は委任された管理者特権を要求できません`,
      });
    }
    await mustGet(tx, 'customers', a.customerId);
    const partner = await tx.get('partner', 'partner');
    if (!partner?.partnerTenantId) {
      throw new MutationError('invalid', {
        en: 'the partner profile has no partner tenant id: set it in Settings first',
        ja: 'パートナー プロファイルにパートナー テナント ID がありません。先に [設定] で入力してください',
      });
    }
    if (await tx.get('invitations', a.id)) throw new MutationError('invalid', { en: `invitation ${a.id} already exists`, ja: `招待 ${a.id} は既に存在します` });
    await tx.put('invitations', {
      ...a,
      link: resellerInvitationLink({ partnerTenantId: partner.partnerTenantId, legacyDap: false }),
      status: 'draft',
      sentAt: null,
      acceptedAt: null,
      remindedAt: [],
    });
    return a.customerId;
  },
});

const byId = z.object({ id: Id }).strict();

export const markInvitationSent = defineMutator({
  name: 'invite.markSent',
  args: byId,
  permission: 'invite.send',
  describe: () => ({ en: 'Marked the invitation as sent', ja: '招待を送信済みにしました' }),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'draft') throw new MutationError('invalid', { en: `the invitation is ${inv.status}, not a draft`, ja: `この招待は下書きではありません (状態: ${statusJa[inv.status]})` });
    await tx.update('invitations', a.id, { status: 'sent', sentAt: ctx.now });
    const customer = await mustGet(tx, 'customers', inv.customerId);
    if (customer.stage === 'not-started') await tx.update('customers', customer.id, { stage: 'invited' });
    return inv.customerId;
  },
});

export const markInvitationAccepted = defineMutator({
  name: 'invite.markAccepted',
  args: z.object({ id: Id, acceptedAt: IsoDateTime.optional() }).strict(),
  permission: 'invite.send',
  describe: () => ({ en: "Recorded the customer's acceptance of the invitation", ja: '顧客による招待の承諾を記録しました' }),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent' && inv.status !== 'expired') {
      throw new MutationError('invalid', {
        en: `only a sent invitation can be accepted; this one is ${inv.status}`,
        ja: `承認済みにできるのは送信済みの招待だけです (この招待の状態: ${statusJa[inv.status]})`,
      });
    }
    await tx.update('invitations', a.id, { status: 'accepted', acceptedAt: a.acceptedAt ?? ctx.now });
    const customer = await mustGet(tx, 'customers', inv.customerId);
    if (customer.stage === 'not-started' || customer.stage === 'invited') {
      await tx.update('customers', customer.id, { stage: 'accepted' });
    }
    return inv.customerId;
  },
});

export const markInvitationExpired = defineMutator({
  name: 'invite.markExpired',
  args: byId,
  permission: 'invite.send',
  describe: () => ({ en: 'Marked the invitation as expired', ja: '招待を期限切れにしました' }),
  async run(tx, a) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent') throw new MutationError('invalid', { en: `only a sent invitation can expire; this one is ${inv.status}`, ja: `期限切れにできるのは送信済みの招待だけです (この招待の状態: ${statusJa[inv.status]})` });
    await tx.update('invitations', a.id, { status: 'expired' });
    return inv.customerId;
  },
});

export const remindInvitation = defineMutator({
  name: 'invite.remind',
  args: byId,
  permission: 'invite.send',
  describe: () => ({ en: 'Reminded the customer of the invitation', ja: '招待について顧客にリマインドしました' }),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent') throw new MutationError('invalid', { en: `only a sent invitation can be reminded; this one is ${inv.status}`, ja: `リマインドできるのは送信済みの招待だけです (この招待の状態: ${statusJa[inv.status]})` });
    await tx.update('invitations', a.id, { remindedAt: [...inv.remindedAt, ctx.now].slice(-100) });
    return inv.customerId;
  },
});

export const cancelInvitation = defineMutator({
  name: 'invite.cancel',
  args: byId,
  permission: 'invite.send',
  describe: () => ({ en: 'Cancelled the invitation', ja: '招待を取り消しました' }),
  async run(tx, a) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status === 'accepted') throw new MutationError('invalid', { en: 'an accepted invitation cannot be cancelled', ja: '承認済みの招待は取り消せません' });
    await tx.update('invitations', a.id, { status: 'cancelled' });
    return inv.customerId;
  },
});
