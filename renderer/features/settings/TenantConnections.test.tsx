// @vitest-environment jsdom
// Settings › Sign in with Microsoft › Customer tenants (GDAP), with a fake host (named so) and the
// workspace database in fake-indexeddb: the relationships the host answers are listed with their
// status, end day, auto-extension, whether they read licenses (else the role to ask for), and
// whether the customer is in this workspace; Graph's refusal is shown in the screen's language.
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GdapRelationship, GraphRelationshipsResult, HostApi, MicrosoftState } from '../../../shared/ipc/contract';
import { createI18n } from '../../app/i18n';
import { HostProvider } from '../../host/HostProvider';
import { workspaceDb } from '../../workspace/workspace';
import { TenantConnections } from './TenantConnections';
import { stubResizeObserver } from '../../../test/support/components';

stubResizeObserver();

const CONTOSO = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const signedIn: MicrosoftState = { available: true, configured: true, account: { oid: 'o', tenantId: '0f0e0d0c-0b0a-4909-8807-060504030201', username: 'aiko@fabrikam.example', name: 'Aiko' } };

const relationships: GdapRelationship[] = [
  {
    id: 'rel-1',
    displayName: 'Contoso licenses',
    customerTenantId: CONTOSO.toUpperCase(),
    customerName: 'Contoso',
    status: 'active',
    endDateTime: '2028-01-31T09:00:00Z',
    autoExtendDuration: 'P180D',
    roles: ['88d8e3e3-8f55-4a1e-953a-9b9898b8876b'],
    readsLicenses: true,
  },
  {
    id: 'rel-2',
    displayName: 'Fourth Coffee helpdesk',
    customerTenantId: 'aaaaaaaa-bbbb-4ccc-8ddd-000000000002',
    customerName: 'Fourth Coffee',
    status: 'approvalPending',
    endDateTime: null,
    autoExtendDuration: 'PT0S',
    roles: ['fe930be7-5e62-47db-91af-98c3a49a38b1'],
    readsLicenses: false,
  },
];

beforeAll(async () => {
  // A workspace customer with Contoso's tenant id (lower case, as people type it).
  await workspaceDb().customers.put({ id: 'c-1', name: 'Contoso Japan', domain: 'contoso.example', tenantId: CONTOSO, country: 'JP', channel: 'direct', stage: 'assess', notes: '', createdAt: '2026-01-01T00:00:00.000Z', tenantImportId: null } as never);
});

function show(state: MicrosoftState, answer: () => Promise<GraphRelationshipsResult>, language: 'en' | 'ja' = 'en') {
  let calls = 0;
  const host = {
    graphRelationships: async () => {
      calls++;
      return answer();
    },
  } as unknown as HostApi;
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={host}>
          <TenantConnections state={state} />
        </HostProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
  return { calls: () => calls };
}

afterEach(cleanup);

describe('Settings: customer tenants (GDAP) (fake host, fake-indexeddb)', () => {
  it('lists the relationships with what each can read and whether the customer is in the workspace', async () => {
    show(signedIn, async () => ({ ok: true, relationships, pages: 1 }));
    fireEvent.click(screen.getByRole('button', { name: 'Read from Microsoft' }));
    const table = await screen.findByTestId('gdap-relationships');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Customer', 'Relationship name', 'Status', 'Ends on', 'Auto-extend', 'Can read licenses', 'In this workspace']);
    const [contoso, fourth] = within(table).getAllByRole('row').slice(1);
    await waitFor(() => expect(within(contoso!).getAllByRole('cell').at(-1)?.textContent).toBe('Yes (Contoso Japan)'));
    expect(within(contoso!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      `Contoso${CONTOSO.toUpperCase()}`,
      'Contoso licenses',
      'Active',
      'Jan 31, 2028',
      'By 180 days',
      'Yes',
      'Yes (Contoso Japan)',
    ]);
    expect(within(fourth!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Fourth Coffeeaaaaaaaa-bbbb-4ccc-8ddd-000000000002',
      'Fourth Coffee helpdesk',
      "Waiting for the customer's approval",
      '—',
      'No',
      'No: ask the customer for Directory Readers (or Global Reader)',
      'No',
    ]);
  });

  it('says it in Japanese on a Japanese screen, and shows Graph’s refusal in Japanese', async () => {
    let refuse = false;
    show(signedIn, async () => (refuse ? { ok: false, code: 'forbidden', params: { url: 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300', page: 1, status: 403 } } : { ok: true, relationships, pages: 1 }), 'ja');
    fireEvent.click(screen.getByRole('button', { name: 'Microsoft から読み込む' }));
    const table = await screen.findByTestId('gdap-relationships');
    const fourth = within(table).getAllByRole('row')[2]!;
    expect(within(fourth).getAllByRole('cell').map((c) => c.textContent).slice(2)).toEqual(['顧客の承認待ち', '—', 'なし', '不可: 顧客に「ディレクトリ閲覧者 (またはグローバル閲覧者)」ロールを依頼してください', 'なし']);
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('180 日ずつ');
    refuse = true;
    fireEvent.click(screen.getByRole('button', { name: 'Microsoft から読み込む' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Microsoft Graph がGDAP 関係の一覧の表示を拒否しました (403 Forbidden) (https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300、1 ページ目)。アプリ登録に委任されたアクセス許可 DelegatedAdminRelationship.Read.All とパートナー テナントでの管理者の同意が必要です。また、お使いのアカウントに GDAP 関係を閲覧できるパートナー ロール (パートナー センターの管理エージェントなど) が必要です。パートナー テナントの管理者に依頼し、もう一度サインインしてください。',
    );
  });

  it('is disabled with the reason in a browser, before set-up and when signed out, asking the host nothing', async () => {
    const never = async (): Promise<GraphRelationshipsResult> => {
      throw new Error('not called');
    };
    const cases: [MicrosoftState, string][] = [
      [{ available: false, configured: false, account: null }, 'Reading your GDAP relationships needs the desktop app.'],
      [{ available: true, configured: false, account: null }, 'Set up Microsoft sign-in (the client id above) to read your GDAP relationships.'],
      [{ available: true, configured: true, account: null }, 'Sign in with Microsoft (Review & sync) to read your GDAP relationships.'],
    ];
    for (const [state, reason] of cases) {
      const shown = show(state, never);
      expect(screen.getByText(reason)).toBeTruthy();
      const button = screen.getByRole('button', { name: 'Read from Microsoft' });
      expect(button.hasAttribute('disabled')).toBe(true);
      fireEvent.click(button);
      expect(shown.calls()).toBe(0);
      cleanup();
    }
  });
});
