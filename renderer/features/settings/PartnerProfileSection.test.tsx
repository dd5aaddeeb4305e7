// @vitest-environment jsdom
// The partner profile's "Read the link from Partner Center" with a fake host (named so: Electron
// cannot run here; the main-process side is tested in electron/main/partnerCenter.test.ts against a
// local contract server): the link and tenant fill the form for a person to check and save;
// Partner Center's refusal is said in the screen's language; a browser or a missing sign-in says why not.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi, MicrosoftState, PartnerCenterLinkResult } from '../../../shared/ipc/contract';
import { PartnerProfileSection } from './PartnerProfileSection';
import { renderInApp, stubResizeObserver } from '../../../test/support/components';

stubResizeObserver();

const PARTNER = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const LINK = `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`;
const signedIn: MicrosoftState = { available: true, configured: true, account: { oid: 'o', tenantId: PARTNER, username: 'aiko@fabrikam.example', name: 'Aiko' } };

function show(state: MicrosoftState, answer: () => Promise<PartnerCenterLinkResult>, language: 'en' | 'ja' = 'en') {
  const host = { microsoftAccount: async () => state, partnerCenterRelationshipLink: answer } as unknown as HostApi;
  return renderInApp(<PartnerProfileSection />, { language, host });
}

afterEach(cleanup);

describe('PartnerProfileSection: the link from Partner Center (fake host)', () => {
  it('fills the link and the partner tenant id, for a person to check and save', async () => {
    show(signedIn, async () => ({ ok: true, url: LINK, partnerTenantId: PARTNER, legacyDap: false }));
    const button = await screen.findByRole('button', { name: 'Read the link from Partner Center' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await screen.findByText('Read from Partner Center: check the link and save the profile.');
    expect((screen.getByLabelText('Reseller relationship link') as HTMLInputElement).value).toBe(LINK);
    expect((screen.getByLabelText('Partner tenant id') as HTMLInputElement).value).toBe(PARTNER);
  });

  it("says Partner Center's refusal in Japanese on a Japanese screen", async () => {
    show(signedIn, async () => ({ ok: false, code: 'forbidden', params: { call: 'relationshipLink', status: 403, requestId: 'r-1', attempts: 1 } }), 'ja');
    const button = await screen.findByRole('button', { name: 'パートナー センターからリンクを読み込む' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await screen.findByText(
      'パートナー センターが再販業者関係の依頼リンクを拒否しました (403 Forbidden)。パートナー センターで「管理エージェント」ロールが必要です。また、アプリのサインインにパートナー センターのアクセス許可 (user_impersonation) が必要です。パートナー センターの管理者にロールの付与を依頼し、もう一度サインインしてください。',
    );
  });

  it('is disabled with the reason in a browser and without a Microsoft sign-in', async () => {
    const never = async (): Promise<PartnerCenterLinkResult> => {
      throw new Error('not called');
    };
    show({ available: false, configured: false, account: null }, never);
    await screen.findByText('Reading from Partner Center needs the desktop app.');
    expect(screen.getByRole('button', { name: 'Read the link from Partner Center' }).hasAttribute('disabled')).toBe(true);
    cleanup();
    show({ available: true, configured: true, account: null }, never);
    await screen.findByText('Sign in with Microsoft (Review & sync) to read the link from Partner Center.');
  });
});
