// @vitest-environment jsdom
// The case file's Partner Center parts with a fake host (named so: Partner Center and the Microsoft
// sign-in cannot run here; the main process's side is tested against the local contract server in
// electron/main/partnerCenter.test.ts) over a workspace written by the real mutators (Dexie on
// fake-indexeddb): the agreement's "Check in Partner Center" and "Record in Partner Center", and the
// transfers' "Create in Partner Center" and "Refresh from Partner Center", each into the stored rows;
// disabled with the reason in a browser or signed out; Partner Center's refusals in both languages.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostError, type HostApi, type MicrosoftState, type PartnerCenterAgreementResult, type PartnerCenterTransfersResult, type PartnerCenterTransferResult, type PartnerCenterRecordAgreementResult } from '../../../shared/ipc/contract';
import { type UiLanguage } from '../../app/i18n';
import { createWebHost } from '../../host/webHost';
import { workspaceDb } from '../../workspace/workspace';
import { CaseFile } from './CaseFile';
import { observeFixedLayout, renderInApp } from '../../../test/support/components';
import { fixtureTenant, mutateLocally, seedContoso, localSync } from '../../../test/support/localWorkspace';

const tenant = fixtureTenant;
const E5 = tenant.skus.find((s) => s.skuPartNumber === 'ENTERPRISEPREMIUM')!;
const CUSTOMER_TENANT = 'b67f0b00-f9e8-4c57-bcb5-0b8b95c6ccf0';
const OTHER_PARTNER = '7c8db11f-1e5e-4472-8386-f0b627d1f3e1';
const THIRD_PARTNER = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const PC_TRANSFER = '67c5b05b-09b5-47ba-9047-5056fe2afa4f';
// Three subscriptions another partner sold (the first with its commerce id), and one a third partner sold.
const subscriptions = Array.from({ length: 4 }, (_, i) => ({
  ...tenant.subscriptions![0]!,
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  commerceSubscriptionId: i === 0 ? '7291BFBF-1772-4C5B-A624-18B6152CD8CB' : null,
  skuId: E5.skuId,
  skuPartNumber: E5.skuPartNumber,
  totalLicenses: i + 1,
  ownerTenantId: i === 3 ? THIRD_PARTNER : OTHER_PARTNER,
  nextLifecycleDateTime: '2027-03-31T00:00:00Z',
}));
const webHost = createWebHost({ window, version: 'test' });
const signedIn: MicrosoftState = { available: true, configured: true, account: { oid: 'o', tenantId: 'partner', username: 'aiko@fabrikam.example', name: 'Aiko' } };

const mutate = mutateLocally;

/** The web host with a Microsoft sign-in and Partner Center answers given by the test; every call recorded. */
function fakeDesktopHost(
  answers: {
    state?: MicrosoftState;
    agreement?: () => PartnerCenterAgreementResult;
    recordAgreement?: () => PartnerCenterRecordAgreementResult;
    createTransfer?: () => PartnerCenterTransferResult;
    transfers?: () => PartnerCenterTransfersResult;
  } = {},
) {
  const calls: [string, unknown][] = [];
  const answer =
    <T,>(name: string, give: (() => T) | undefined) =>
    async (args: unknown) => {
      calls.push([name, args]);
      if (!give) throw new Error(`${name} was not expected`);
      return give();
    };
  const host: HostApi = {
    ...webHost,
    microsoftAccount: async () => answers.state ?? signedIn,
    partnerCenterAgreement: answer('agreement', answers.agreement),
    partnerCenterRecordAgreement: answer('recordAgreement', answers.recordAgreement),
    partnerCenterCreateTransfer: answer('createTransfer', answers.createTransfer),
    partnerCenterTransfers: answer('transfers', answers.transfers),
  };
  return { host, calls };
}

beforeAll(async () => {
  observeFixedLayout();
  localSync(webHost);
  await seedContoso({ subscriptions, tenantId: CUSTOMER_TENANT });
});

afterEach(cleanup);
afterAll(() => workspaceDb().close());

function show(host: HostApi, language: UiLanguage = 'en') {
  return renderInApp(<CaseFile customerId="contoso" />, { language, host });
}

const disabled = (e: HTMLElement) => e.hasAttribute('disabled') || e.getAttribute('aria-disabled') === 'true';

/** Clicks `button` once it is enabled: the Partner Center buttons wait for the host to say it may read. */
async function clickWhenEnabled(button: HTMLElement): Promise<void> {
  await waitFor(() => expect(disabled(button)).toBe(false));
  fireEvent.click(button);
}
const stored = () => workspaceDb().customers.get('contoso');

describe('case file: the Microsoft Customer Agreement through Partner Center (fake host)', () => {
  beforeEach(() => mutate('customer.clearAgreement', { id: 'contoso' }));

  it('is disabled with the reason in a browser, and signed out', async () => {
    show(webHost);
    let part = await screen.findByTestId('pc-agreement');
    expect(await within(part).findByText('Partner Center needs the desktop app.')).toBeTruthy();
    expect(disabled(within(part).getByRole('button', { name: 'Check in Partner Center' }))).toBe(true);
    expect(disabled(within(part).getByRole('button', { name: 'Record in Partner Center' }))).toBe(true);
    cleanup();
    show(fakeDesktopHost({ state: { available: true, configured: true, account: null } }).host, 'ja');
    part = await screen.findByTestId('pc-agreement');
    expect(await within(part).findByText('パートナー センターを使うには、設定で Microsoft にサインインしてください。')).toBeTruthy();
    expect(disabled(within(part).getByRole('button', { name: 'パートナー センターで確認' }))).toBe(true);
  });

  it('"Check in Partner Center" records what Partner Center holds: when, who, read from Partner Center', async () => {
    const { host, calls } = fakeDesktopHost({
      agreement: () => ({ ok: true, agreement: { dateAgreed: '2019-07-24', contact: { firstName: 'Tania', lastName: 'Carter', email: 'someone@example.com' }, templateId: '117a77b0-9360-443b-8795-c6dedc750cf9' } }),
    });
    show(host);
    const part = await screen.findByTestId('pc-agreement');
    const check = within(part).getByRole('button', { name: 'Check in Partner Center' });
    await clickWhenEnabled(check);
    await waitFor(async () => expect((await stored())?.agreement).toEqual({ acceptedOn: '2019-07-24', attestedBy: 'Tania Carter (someone@example.com), read from Partner Center' }));
    expect(calls).toEqual([['agreement', { customerTenantId: CUSTOMER_TENANT }]]);
    expect((await screen.findByTestId('agreement-record')).textContent).toBe('Accepted on 2019-07-24, attested by Tania Carter (someone@example.com), read from Partner Center.');
  });

  it('says when Partner Center holds none, and shows its refusal in the screen\'s language; nothing recorded', async () => {
    show(fakeDesktopHost({ agreement: () => ({ ok: true, agreement: null }) }).host);
    let part = await screen.findByTestId('pc-agreement');
    let check = within(part).getByRole('button', { name: 'Check in Partner Center' });
    await clickWhenEnabled(check);
    expect((await within(part).findByRole('status')).textContent).toContain('Partner Center holds no attestation of the Microsoft Customer Agreement for this customer.');
    cleanup();
    show(fakeDesktopHost({ agreement: () => ({ ok: false, code: 'forbidden', params: { call: 'customerAgreements', status: 403, requestId: 'r-1', attempts: 1 } }) }).host, 'ja');
    part = await screen.findByTestId('pc-agreement');
    check = within(part).getByRole('button', { name: 'パートナー センターで確認' });
    await clickWhenEnabled(check);
    // Partner Center's refusal comes as a code and parameters, worded from the Japanese catalog.
    expect((await within(part).findByRole('status')).textContent).toBe(
      'パートナー センターが顧客のマイクロソフト顧客契約への同意の記録を拒否しました (403 Forbidden)。パートナー センターで「管理エージェントまたは営業担当エージェント」ロールが必要です。また、アプリのサインインにパートナー センターのアクセス許可 (user_impersonation) が必要です。パートナー センターの管理者にロールの付与を依頼し、もう一度サインインしてください。',
    );
    expect((await stored())?.agreement).toBeNull();
  });

  it('"Record in Partner Center" checks what a person entered, sends it, and records it in the case file', async () => {
    const { host, calls } = fakeDesktopHost({
      recordAgreement: () => ({ ok: true, agreement: { dateAgreed: '2026-11-02', contact: { firstName: 'Kenji', lastName: 'Sato', email: 'kenji@contoso.example' }, templateId: '117a77b0-9360-443b-8795-c6dedc750cf9' } }),
    });
    show(host);
    const part = await screen.findByTestId('pc-agreement');
    const submit = within(part).getByRole('button', { name: 'Record in Partner Center' });
    await clickWhenEnabled(submit);
    expect(await within(part).findByText('Enter the first name of the person who accepted.')).toBeTruthy();
    expect(within(part).getByText('Enter the day the customer accepted.')).toBeTruthy();
    expect(calls).toHaveLength(0);
    fireEvent.change(within(part).getByLabelText(/^First name/), { target: { value: 'Kenji' } });
    fireEvent.change(within(part).getByLabelText(/^Last name/), { target: { value: 'Sato' } });
    fireEvent.change(within(part).getByLabelText(/^Email/), { target: { value: 'kenji@contoso.example' } });
    fireEvent.change(within(part).getByLabelText(/^Day the customer accepted/), { target: { value: '2026-11-02' } });
    fireEvent.click(submit);
    await waitFor(async () => expect((await stored())?.agreement).toEqual({ acceptedOn: '2026-11-02', attestedBy: 'Kenji Sato (kenji@contoso.example), recorded in Partner Center' }));
    expect(calls).toEqual([['recordAgreement', { customerTenantId: CUSTOMER_TENANT, dateAgreed: '2026-11-02', firstName: 'Kenji', lastName: 'Sato', email: 'kenji@contoso.example' }]]);
  });
});

describe('case file: partner-to-partner transfers through Partner Center (fake host)', () => {
  beforeEach(() => workspaceDb().transfers.clear());

  const created = (): PartnerCenterTransferResult => ({
    ok: true,
    transfer: { id: PC_TRANSFER, partnerCenterStatus: 'Active', status: 'requested', partial: false, sourcePartnerTenantId: OTHER_PARTNER, sourcePartnerName: null, lastModifiedTime: null, lines: [] },
  });

  it('is disabled with the reason in a browser', async () => {
    show(webHost);
    const part = await screen.findByTestId('pc-transfers');
    expect(await within(part).findByText('Partner Center needs the desktop app.')).toBeTruthy();
    expect(disabled(within(part).getByRole('button', { name: 'Create in Partner Center (0 selected)' }))).toBe(true);
    expect(disabled(within(part).getByRole('button', { name: 'Refresh from Partner Center' }))).toBe(true);
  });

  it('"Create in Partner Center" sends the selected lines of one partner and tracks the request under Partner Center\'s id', async () => {
    const { host, calls } = fakeDesktopHost({ createTransfer: created });
    show(host);
    const section = await screen.findByTestId('transfers');
    const boxes = await within(section).findAllByRole('checkbox');
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[1]!);
    const create = within(section).getByRole('button', { name: 'Create in Partner Center (2 selected)' });
    await clickWhenEnabled(create);
    await waitFor(async () => expect(await workspaceDb().transfers.get(PC_TRANSFER)).toBeTruthy());
    expect(calls).toEqual([
      ['createTransfer', { customerTenantId: CUSTOMER_TENANT, sourcePartnerTenantId: OTHER_PARTNER, subscriptionIds: ['7291bfbf-1772-4c5b-a624-18b6152cd8cb', subscriptions[1]!.id] }],
    ]);
    const transfer = (await workspaceDb().transfers.get(PC_TRANSFER))!;
    expect(transfer).toMatchObject({ status: 'requested', sourceKeys: [subscriptions[0]!.id, subscriptions[1]!.id], note: `Created in Partner Center (transfer ${PC_TRANSFER})` });
    expect((await within(section).findByRole('status')).textContent).toContain(`Partner Center created the transfer request ${PC_TRANSFER} (subscriptions: 2)`);
  });

  it('refuses lines of two partners in words before asking Partner Center, and shows Partner Center\'s refusal in Japanese', async () => {
    const { host, calls } = fakeDesktopHost({
      createTransfer: () => ({ ok: false, code: 'conflict', params: { call: 'createTransfer', status: 409, attempts: 1, description: 'Subscription is already part of another transfer request.', partnerCenterCode: '800002' } }),
    });
    show(host, 'ja');
    const section = await screen.findByTestId('transfers');
    const boxes = await within(section).findAllByRole('checkbox');
    fireEvent.click(boxes[2]!);
    fireEvent.click(boxes[3]!);
    const create = within(section).getByRole('button', { name: 'パートナー センターで作成 (2 件選択)' });
    await clickWhenEnabled(create);
    expect((await within(section).findByRole('status')).textContent).toContain('選択したサブスクリプションは 2 社の異なるパートナーが保持しています');
    expect(calls).toHaveLength(0);
    fireEvent.click(boxes[3]!);
    fireEvent.click(within(section).getByRole('button', { name: 'パートナー センターで作成 (1 件選択)' }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe(
        'パートナー センターの既存の情報と矛盾するため、移管の依頼が拒否されました (409 Conflict)。例えば、サブスクリプションが既に別の移管に含まれている、または同意が既に登録されている場合です。変更する前にパートナー センターで現在の状態を確認してください。 パートナー センターの説明: 「Subscription is already part of another transfer request.」 (コード 800002)。',
      ),
    );
    expect(calls).toHaveLength(1);
    expect(await workspaceDb().transfers.count()).toBe(0);
  });

  it('a sign-in that expired meanwhile is said in words, and nothing changes', async () => {
    await mutate('transfer.request', { id: PC_TRANSFER, customerId: 'contoso', sourceKeys: [subscriptions[0]!.id] });
    const { host } = fakeDesktopHost({
      transfers: () => {
        throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
      },
    });
    show(host);
    const section = await screen.findByTestId('transfers');
    const refresh = within(section).getByRole('button', { name: 'Refresh from Partner Center' });
    await clickWhenEnabled(refresh);
    expect((await within(section).findByRole('status')).textContent).toBe('The Microsoft sign-in has expired or is missing. Sign in with Microsoft again in Settings.');
    expect((await workspaceDb().transfers.get(PC_TRANSFER))?.status).toBe('requested');
  });

  it('"Refresh from Partner Center" records the statuses Partner Center reports, through each step', async () => {
    await mutate('transfer.request', { id: PC_TRANSFER, customerId: 'contoso', sourceKeys: [subscriptions[0]!.id] });
    await mutate('transfer.request', { id: 'by-hand', customerId: 'contoso', sourceKeys: [subscriptions[1]!.id] });
    const { host, calls } = fakeDesktopHost({
      transfers: () => ({
        ok: true,
        transfers: [
          {
            id: PC_TRANSFER.toUpperCase(),
            partnerCenterStatus: 'PartiallyComplete',
            status: 'completed',
            partial: true,
            sourcePartnerTenantId: OTHER_PARTNER,
            sourcePartnerName: 'Contoso Partner',
            lastModifiedTime: '2026-12-01T00:00:00Z',
            lines: [{ subscriptionId: subscriptions[0]!.id, name: 'Office 365 E5', quantity: 1, status: 'Failed', error: 'Quantity mismatch' }],
          },
        ],
      }),
    });
    show(host);
    const section = await screen.findByTestId('transfers');
    const refresh = within(section).getByRole('button', { name: 'Refresh from Partner Center' });
    await clickWhenEnabled(refresh);
    await waitFor(async () => expect((await workspaceDb().transfers.get(PC_TRANSFER))?.status).toBe('completed'));
    expect(calls).toEqual([['transfers', { customerTenantId: CUSTOMER_TENANT }]]);
    const transfer = (await workspaceDb().transfers.get(PC_TRANSFER))!;
    expect(transfer.approved?.by).toBe('This computer');
    expect(transfer.completed?.by).toBe('This computer');
    expect(transfer.note).toBe('Partner Center: completed, but some subscriptions failed: Office 365 E5 (Quantity mismatch)');
    expect((await workspaceDb().transfers.get('by-hand'))?.status).toBe('requested');
    expect((await within(section).findByRole('status')).textContent).toBe('Read from Partner Center: transfers updated 1, unchanged 0, not found in Partner Center 1.');
  });
});
