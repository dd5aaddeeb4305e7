import { describe, expect, it } from 'vitest';
import { resellerInvitationLink } from '../../../shared/domain/invitation';
import { createI18n } from '../../app/i18n';
import { MAX_MAILTO_LENGTH, mailtoLink } from '../../output/mailto';
import { buildInviteEmail, emailAsText, type InviteEmailInput } from './inviteEmail';

const i18n = createI18n('en');
const en = i18n.getFixedT('en');
const ja = i18n.getFixedT('ja');
const partnerTenantId = '3b33e682-00c3-41ee-9dd2-a548adf56438';
// The relationship id of Microsoft's sample (fixtures/graph/delegatedAdminRelationship.create.response.json).
const approvalLink =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';

const base: InviteEmailInput = {
  partnerName: 'Fabrikam CSP',
  customerName: 'Contoso',
  resellerLink: resellerInvitationLink({ partnerTenantId, legacyDap: false }),
  delegatedAdmin: 'none',
  gdap: null,
};

describe('the invitation email', () => {
  it('names the partner and the customer and carries the reseller link, in English', () => {
    const email = buildInviteEmail(base, en);
    expect(email.subject).toBe('Fabrikam CSP: Microsoft reseller relationship request for Contoso');
    expect(email.body).toContain('Dear Contoso team,');
    expect(email.body).toContain(`\n\n${base.resellerLink}\n\n`);
    expect(email.body).toContain('Global Administrator');
    expect(email.body).not.toContain('GDAP');
    expect(email.body.trimEnd().endsWith('Fabrikam CSP')).toBe(true);
  });

  it('is all Japanese for a Japanese customer, whatever the UI language', () => {
    const email = buildInviteEmail(base, ja);
    expect(email.subject).toBe('【Fabrikam CSP】Microsoft リセラー関係のご承認のお願い (Contoso 様)');
    expect(email.body).toContain('Contoso ご担当者様');
    expect(email.body).toContain('グローバル管理者');
    expect(email.body).toContain(base.resellerLink);
    expect(email.body).not.toMatch(/Dear|Best regards|Accepting/);
  });

  it('lists the GDAP roles by name, the duration and the approval link', () => {
    const email = buildInviteEmail(
      {
        ...base,
        delegatedAdmin: 'gdap',
        gdap: { roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a', '29232cdf-9323-42fd-ade2-1d097af3e4de'], durationDays: 730, approvalLink },
      },
      en,
    );
    expect(email.body).toContain('for 730 days:\n- License Administrator\n- Exchange Administrator');
    expect(email.body).toContain(`\n\n${approvalLink}\n\n`);
    const inJapanese = buildInviteEmail({ ...base, delegatedAdmin: 'gdap', gdap: { roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'], durationDays: 90, approvalLink } }, ja);
    expect(inJapanese.body).toContain('90 日間');
    expect(inJapanese.body).toContain('- ライセンス管理者');
  });

  it('never promises legacy DAP: a reseller link asks for the relationship only', () => {
    const email = buildInviteEmail({ ...base, delegatedAdmin: 'none', resellerLink: resellerInvitationLink({ partnerTenantId, legacyDap: false }) }, en);
    expect(email.body).toContain('DAP=false');
    expect(email.body).not.toContain('administer your organization');
  });

  it('marks a reminder in the subject and the opening', () => {
    const email = buildInviteEmail({ ...base, reminder: true }, en);
    expect(email.subject).toBe('Reminder: Fabrikam CSP: Microsoft reseller relationship request for Contoso');
    expect(email.body).toContain('We are writing again');
    expect(buildInviteEmail({ ...base, reminder: true }, ja).subject.startsWith('【再送】')).toBe(true);
  });

  it('copies as subject line then body', () => {
    const email = buildInviteEmail(base, en);
    expect(emailAsText(email, en)).toBe(`Subject: ${email.subject}\n\n${email.body}`);
  });
});

describe('the mailto link', () => {
  it('encodes recipients, subject and a CRLF body that decode back to the email', () => {
    const email = buildInviteEmail(base, ja);
    const url = mailtoLink(['admin@contoso.com', ' it@contoso.com '], email)!;
    expect(url.startsWith('mailto:admin%40contoso.com,it%40contoso.com?subject=')).toBe(true);
    const params = new URL(url).searchParams;
    expect(params.get('subject')).toBe(email.subject);
    expect(params.get('body')).toBe(email.body.replace(/\n/g, '\r\n'));
  });

  it('is refused when too long for the host to open', () => {
    const email = buildInviteEmail({ ...base, customerName: '株式会社'.repeat(300) }, ja);
    expect(mailtoLink([], email)).toBeNull();
    const short = mailtoLink([], buildInviteEmail(base, ja));
    expect(short!.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
  });
});
