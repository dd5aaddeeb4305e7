import { z } from 'zod';
import { GDAP_AUTO_EXTEND_DAYS, gdapRequestProblems, type GdapProblem } from '../domain/gdap';
import { checkRegion, type RegionCheck } from '../domain/region';
import { regionName } from '../domain/regionNames';
import { can, roleLabels } from '../domain/roles';
import { resellerInvitationLink } from '../domain/invitation';
import { GdapRequest, Id, IsoDateTime, StoredDelegatedAdmin, type InvitationStatus } from '../workspace/tables';
import { activity } from './activityCodes';
import { MutationError, defineMutator, mustGet } from './define';
import type { Bilingual } from './words';

/** An invitation's status in Japanese (renderer/features/invite/i18n/ja.json `status.*`). */
const statusJa: Record<InvitationStatus, string> = { draft: '下書き', sent: '送信済み', accepted: '承認済み', expired: '期限切れ', cancelled: '取り消し済み' };

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
      throw new MutationError('INVALID', {
        en: 'legacy delegated admin (DAP) can no longer be requested: ask for a GDAP admin relationship instead',
        ja: '従来の委任された管理者特権 (DAP) は現在は依頼できません。代わりに GDAP 管理者関係を依頼してください',
      });
    }
    // Only roles allowed to ask for delegated admin may build an invitation that asks for it.
    if (a.delegatedAdmin !== 'none' && !can(ctx.actor.role, 'invite.delegatedAdmin')) {
      throw new MutationError('FORBIDDEN', {
        en: `the role ${ctx.actor.role} cannot request delegated admin privileges`,
        ja: `ロール「${roleLabels[ctx.actor.role].ja}」は委任された管理者特権を要求できません`,
      });
    }
    if (a.gdap) {
      const problems = gdapRequestProblems({ durationDays: a.gdap.durationDays, roleIds: a.gdap.roles, autoExtend: a.gdap.autoExtend ?? false });
      if (problems.length > 0) throw new MutationError('INVALID', joinWords(problems.map(gdapProblemWords)));
    }
    const customer = await mustGet(tx, 'customers', a.customerId);
    const partner = await tx.get('partner', 'partner');
    if (!partner?.partnerTenantId) {
      throw new MutationError('INVALID', {
        en: 'the partner profile has no partner tenant id: set it in Settings first',
        ja: 'パートナー プロファイルにパートナー テナント ID がありません。先に [設定] で入力してください',
      });
    }
    const region = checkRegion(partner.country, customer.country);
    if (!region.ok) throw new MutationError('INVALID', regionRefusal(region, partner.country, customer.name));
    if (await tx.get('invitations', a.id)) throw new MutationError('INVALID', { en: `invitation ${a.id} already exists`, ja: `招待 ${a.id} は既に存在します` });
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

/** A GDAP problem in words (the invite wizard shows the same rules from its catalogs). */
export function gdapProblemWords(problem: GdapProblem): Bilingual {
  switch (problem.code) {
    case 'no-roles':
      return { en: 'a GDAP request needs at least one Microsoft Entra role', ja: 'GDAP の要求には Microsoft Entra ロールが 1 つ以上必要です' };
    case 'duration-out-of-range':
      return {
        en: `a GDAP admin relationship lasts from 1 to ${problem.maxDays} days`,
        ja: `GDAP 管理者関係の期間は 1 日から ${problem.maxDays} 日までです`,
      };
    case 'auto-extend-with-global-admin':
      return {
        en: `a GDAP request that includes Global Administrator cannot be extended automatically (by ${GDAP_AUTO_EXTEND_DAYS} days)`,
        ja: `グローバル管理者を含む GDAP の要求は自動延長 (${GDAP_AUTO_EXTEND_DAYS} 日) できません`,
      };
  }
}

function joinWords(list: Bilingual[]): Bilingual {
  return { en: list.map((w) => w.en).join('; '), ja: list.map((w) => w.ja).join('。') };
}

function regionRefusal(region: Exclude<RegionCheck, { ok: true }>, partnerCountry: string, customerName: string): Bilingual {
  if (region.reason === 'unknown-country') {
    if (region.country.trim() === '' && region.country === partnerCountry) {
      return { en: 'the partner profile has no country: set it in Settings first', ja: 'パートナー プロファイルに国がありません。先に [設定] で入力してください' };
    }
    if (region.country.trim() === '') {
      return { en: `the customer ${customerName} has no country: the CSP region cannot be checked`, ja: `顧客「${customerName}」の国が未入力のため、CSP リージョンを確認できません` };
    }
    return { en: `the country ${region.country} is in no CSP region this app knows`, ja: `国 ${region.country} はこのアプリが知っているどの CSP リージョンにも属していません` };
  }
  return {
    en: `the customer ${customerName} is in the CSP region ${regionName(region.customerRegion, 'en')}, outside the partner's region ${regionName(region.partnerRegion, 'en')}`,
    ja: `顧客「${customerName}」の CSP リージョン (${regionName(region.customerRegion, 'ja')}) はパートナーのリージョン (${regionName(region.partnerRegion, 'ja')}) の外にあります`,
  };
}

const byId = z.object({ id: Id }).strict();

export const invitationMarkSent = defineMutator({
  name: 'invitation.markSent',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.markSent'),
  async run(tx, a, ctx) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'draft') throw new MutationError('INVALID', { en: `the invitation is ${inv.status}, not a draft`, ja: `この招待は下書きではありません (状態: ${statusJa[inv.status]})` });
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
      throw new MutationError('INVALID', {
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

export const invitationMarkExpired = defineMutator({
  name: 'invitation.markExpired',
  args: byId,
  permission: 'invite.send',
  describe: () => activity('invitation.markExpired'),
  async run(tx, a) {
    const inv = await mustGet(tx, 'invitations', a.id);
    if (inv.status !== 'sent') throw new MutationError('INVALID', { en: `only a sent invitation can expire; this one is ${inv.status}`, ja: `期限切れにできるのは送信済みの招待だけです (この招待の状態: ${statusJa[inv.status]})` });
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
    if (inv.status !== 'sent') throw new MutationError('INVALID', { en: `only a sent invitation can be reminded; this one is ${inv.status}`, ja: `リマインドできるのは送信済みの招待だけです (この招待の状態: ${statusJa[inv.status]})` });
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
    if (inv.status === 'accepted') throw new MutationError('INVALID', { en: 'an accepted invitation cannot be cancelled', ja: '承認済みの招待は取り消せません' });
    await tx.update('invitations', a.id, { status: 'cancelled' });
    return inv.customerId;
  },
});
