import { describe, expect, it } from 'vitest';
import { invitationState } from '../../../shared/workspace/invitationState';
import type { Invitation } from '../../../shared/workspace/tables';
import { createI18n } from '../../app/i18n';
import { accessLabel, stateLabel } from './labels';

const legacy: Invitation = {
  id: 'i-old',
  customerId: 'c-1',
  delegatedAdmin: 'dap',
  gdap: null,
  language: 'en',
  link: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=x&msppId=0&DAP=true',
  status: 'sent',
  sentAt: '2026-01-05T00:00:00.000Z',
  acceptedAt: null,
  remindedAt: [],
};
const gdap: Invitation = { ...legacy, delegatedAdmin: 'gdap', gdap: { roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'], durationDays: 365, approvalLink: '' }, sentAt: '2026-09-06T09:00:00.000Z' };

describe('invitation labels', () => {
  it('show a stored DAP invitation as needing GDAP and an unanswered GDAP request as expired after 90 days, in English and Japanese', () => {
    const en = createI18n('en').t;
    const ja = createI18n('ja').t;
    expect(stateLabel(en, invitationState(legacy, '2026-12-05'))).toBe('Needs GDAP');
    expect(stateLabel(ja, invitationState(legacy, '2026-12-05'))).toBe('GDAP が必要');
    expect(accessLabel(en, legacy)).toBe('Needs GDAP (asked for legacy DAP, which is no longer granted)');
    expect(stateLabel(en, invitationState(gdap, '2026-12-04'))).toBe('Sent');
    expect(stateLabel(en, invitationState(gdap, '2026-12-05'))).toBe('GDAP approval expired (90 days unanswered)');
    expect(stateLabel(ja, invitationState(gdap, '2026-12-05'))).toBe('GDAP の承認期限切れ (90 日間未回答)');
  });
});
