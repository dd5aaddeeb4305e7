// @vitest-environment jsdom
// The role in the screens: the real invite, tracking and settings components, with the signed-in
// person's role set where the sync controller sets it (useSyncStore's user, from sign-in or /me).
// What the role may not do is disabled and the screen says who may, in English and Japanese;
// before anyone signs in the local profile's role (an admin agent) rules, as the mutators do.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import type { Conflict, Invitation } from '../../shared/workspace/tables';
import type { Stored } from '../db/database';
import { type UiLanguage } from '../app/i18n';
import { ComposeStep } from '../features/invite/ComposeStep';
import type { AccessChoice } from '../features/invite/DelegatedAdminStep';
import { InvitationTracking } from '../features/invite/InvitationTracking';
import { CatalogSection } from '../features/settings/CatalogSection';
import { Problems } from '../features/review-sync/ReviewSyncPage';
import { PartnerProfileSection } from '../features/settings/PartnerProfileSection';
import { useSyncStore } from '../sync/controller';
import { workspaceDb } from './workspace';
import type { HostApi } from '../../shared/ipc/contract';
import { observeFixedLayout, renderInApp } from '../../test/support/components';
import { customerRow } from '../../test/support/workspaceRows';

// jsdom has no layout: the tracking list's virtualizer only needs to be told a size.
beforeAll(() => {
  observeFixedLayout();
});

afterEach(() => {
  cleanup();
  useSyncStore.setState({ user: null });
});

const customer = customerRow({ domain: 'contoso.com', stage: 'invited', createdAt: '2026-11-01T00:00:00Z' });

const sent: Invitation = {
  id: 'i1',
  customerId: 'c1',
  delegatedAdmin: 'none',
  gdap: null,
  language: 'en',
  link: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438#/BillingAccounts/partner-invitation',
  status: 'sent',
  sentAt: '2026-11-20T09:00:00Z',
  acceptedAt: null,
  remindedAt: [],
};

function disabled(element: HTMLElement): boolean {
  return element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true';
}

function signIn(role: Role) {
  useSyncStore.setState({ user: { id: 'u1', email: 'kenji@fabrikam.example', name: 'Kenji Sato', role } });
}

// A fake host (no Electron here) that answers as a browser does: no Microsoft sign-in.
const browserHost = { microsoftAccount: async () => ({ available: false, configured: false, account: null }) } as unknown as HostApi;

function show(ui: ReactNode, language: UiLanguage = 'en') {
  return renderInApp(ui, { language, host: browserHost });
}

const reseller: AccessChoice = { delegatedAdmin: 'none', roles: [], durationDays: 730, approvalLinks: {}, autoExtend: false };
const compose = (access = reseller) => <ComposeStep customers={[customer]} access={access} onBack={() => {}} onCreated={() => {}} />;
const tracking = <InvitationTracking invitations={[sent]} customers={[customer]} partner={null} />;

const SEND_REASON = 'Only an Admin agent or a Sales agent can send invitations. You are signed in as a Billing agent.';

describe('a Billing agent', () => {
  it('cannot press "Create invitations", and reads who can', () => {
    signIn('billing-agent');
    show(compose());
    expect(disabled(screen.getByRole('button', { name: 'Create invitations' }))).toBe(true);
    expect(screen.getByRole('note').textContent).toBe(SEND_REASON);
  });

  it('cannot mark an invitation accepted, remind, expire or cancel it, and reads who can', async () => {
    signIn('billing-agent');
    show(tracking);
    const accepted = await screen.findByRole('button', { name: 'Mark accepted' });
    expect(disabled(accepted)).toBe(true);
    for (const b of screen.getAllByRole('button')) expect(disabled(b)).toBe(true);
    expect(screen.getByRole('note').textContent).toBe(SEND_REASON);
  });

  it('reads the reason in Japanese', () => {
    signIn('billing-agent');
    show(compose(), 'ja');
    expect(screen.getByRole('note').textContent).toBe('招待を送信することができるのは管理エージェントまたは営業担当エージェントだけです。現在のロールは課金エージェントです。');
  });
});

describe('a Sales agent', () => {
  it('may create reseller invitations and mark them accepted, with no note', async () => {
    signIn('sales-agent');
    show(compose());
    expect(disabled(screen.getByRole('button', { name: 'Create invitations' }))).toBe(false);
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    show(tracking);
    expect(disabled(await screen.findByRole('button', { name: 'Mark accepted' }))).toBe(false);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('may not create an invitation that asks for delegated admin', () => {
    signIn('sales-agent');
    show(compose({ ...reseller, delegatedAdmin: 'gdap' }));
    expect(disabled(screen.getByRole('button', { name: 'Create invitations' }))).toBe(true);
    expect(screen.getByRole('note').textContent).toBe('Only an Admin agent can request delegated admin. You are signed in as a Sales agent.');
  });
});

describe('before anyone signs in', () => {
  it("the local profile's role (an admin agent) may do everything, as the mutators let it", async () => {
    show(compose({ ...reseller, delegatedAdmin: 'gdap' }));
    expect(disabled(screen.getByRole('button', { name: 'Create invitations' }))).toBe(false);
    cleanup();
    show(tracking);
    expect(disabled(await screen.findByRole('button', { name: 'Mark accepted' }))).toBe(false);
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('Settings', () => {
  it('lets only an Admin agent save the partner profile', async () => {
    signIn('sales-agent');
    show(<PartnerProfileSection />);
    expect(disabled(await screen.findByRole('button', { name: 'Save profile' }))).toBe(true);
    expect(screen.getByRole('note').textContent).toBe('Only an Admin agent can edit the partner profile. You are signed in as a Sales agent.');
    cleanup();
    signIn('admin-agent');
    show(<PartnerProfileSection />);
    expect(disabled(await screen.findByRole('button', { name: 'Save profile' }))).toBe(false);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lets a Sales agent import the catalog, not a Billing agent', async () => {
    const csv = new File(['Product_Display_Name,String_Id,GUID\n'], 'licensing.csv', { type: 'text/csv' });
    signIn('sales-agent');
    const { container } = show(<CatalogSection />);
    fireEvent.change(container.querySelector('input[accept=".csv,text/csv"]')!, { target: { files: [csv] } });
    await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Import catalog' }))).toBe(false));
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    signIn('billing-agent');
    const billing = show(<CatalogSection />);
    fireEvent.change(billing.container.querySelector('input[accept=".csv,text/csv"]')!, { target: { files: [csv] } });
    expect(disabled(screen.getByRole('button', { name: 'Import catalog' }))).toBe(true);
    expect(screen.getByRole('note').textContent).toBe(
      'Only an Admin agent or a Sales agent can import the catalog or an offer list. You are signed in as a Billing agent.',
    );
  });

  it('follows a sign-in while the screen is open', async () => {
    show(<PartnerProfileSection />);
    expect(disabled(await screen.findByRole('button', { name: 'Save profile' }))).toBe(false);
    signIn('billing-agent');
    await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Save profile' }))).toBe(true));
  });
});

describe('Review and sync', () => {
  // As a pull stores it: the server records a conflict when a change arrives on a stale base.
  const conflict = (id: string, table: string, field: string, current: string, proposed: string): Stored<Conflict> => ({
    _v: 1,
    id,
    table,
    recordId: table === 'partner' ? 'partner' : 'c1',
    field,
    current: { value: current, by: 'Aiko Tanaka', version: 3 },
    proposed: { value: proposed, by: 'Kenji Sato', mutation: `m-${id}` },
    status: 'open',
    resolution: null,
    resolvedBy: null,
  });

  it("disables resolving a conflict the role could not make, by the conflict mutator's own rule", async () => {
    await workspaceDb().conflicts.bulkPut([conflict('k1', 'customers', 'stage', 'invited', 'accepted'), conflict('k2', 'partner', 'country', 'JP', 'US')]);
    signIn('sales-agent');
    show(<Problems />);
    const conflicts = await screen.findAllByTestId('conflict');
    const byTable = new Map(conflicts.map((c) => [c.textContent!.includes('"country"') ? 'partner' : 'customers', c]));
    const buttons = (table: string) => [...byTable.get(table)!.querySelectorAll('button')];
    expect(buttons('customers').map(disabled)).toEqual([false, false]);
    expect(buttons('partner').map(disabled)).toEqual([true, true]);
    expect(byTable.get('partner')!.querySelector('[data-testid="permission-note"]')!.textContent).toBe(
      'Only an Admin agent can edit the partner profile. You are signed in as a Sales agent.',
    );
    await workspaceDb().conflicts.clear();
  });
});
