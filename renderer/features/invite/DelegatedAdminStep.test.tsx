// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../app/i18n';
import { DelegatedAdminStep, type AccessChoice } from './DelegatedAdminStep';
import { customerRow } from '../../../test/support/workspaceRows';

const customer = customerRow({ domain: 'contoso.com', createdAt: '2024-01-01T00:00:00Z' });
const approvalLink =
  'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';

function renderStep(role: 'admin-agent' | 'sales-agent' | 'billing-agent', onNext: (c: AccessChoice) => void, lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <DelegatedAdminStep customers={[customer]} role={role} initial={null} onBack={() => {}} onNext={onNext} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('the delegated admin step', () => {
  it('offers delegated admin only to roles allowed to request it, saying why', async () => {
    const onNext = vi.fn();
    renderStep('sales-agent', onNext);
    expect(screen.getByText(/Your role \(Sales agent\) cannot ask for delegated admin: only an Admin agent can\./)).toBeTruthy();
    expect((screen.getByRole('radio', { name: /GDAP admin relationship/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('radio', { name: /legacy|\bDAP\b/ })).toBeNull();
    expect((screen.getByRole('radio', { name: /^Reseller relationship only/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(onNext).toHaveBeenCalledWith({ delegatedAdmin: 'none', roles: [], durationDays: 730, autoExtend: false, approvalLinks: {} }));
  });

  it("names the signed-in role from the catalogs, in Japanese too", () => {
    renderStep('billing-agent', vi.fn(), 'ja');
    expect(screen.getByText(/^現在のロール \(課金エージェント\) では委任された管理者特権を依頼できません。/)).toBeTruthy();
  });

  it('hands on the GDAP roles, duration and each customer approval link once valid', async () => {
    const onNext = vi.fn();
    renderStep('admin-agent', onNext);
    fireEvent.click(screen.getByRole('radio', { name: /GDAP admin relationship/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Pick at least one role.')).toBeTruthy();
    expect(screen.getByText('Paste the approval link for this customer.')).toBeTruthy();
    expect(onNext).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('checkbox', { name: /^License Administrator/ }));
    fireEvent.change(screen.getByLabelText('Duration in days'), { target: { value: '180' } });
    fireEvent.change(screen.getByLabelText('GDAP approval link for Contoso'), { target: { value: approvalLink } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(onNext).toHaveBeenCalledWith({
        delegatedAdmin: 'gdap',
        roles: ['4d6ac14f-3453-41d0-bef9-a3e0c569773a'],
        durationDays: 180,
        autoExtend: false,
        approvalLinks: { c1: approvalLink },
      }),
    );
  });

  it('offers no legacy DAP, and says why', () => {
    renderStep('admin-agent', vi.fn());
    expect(screen.queryByRole('radio', { name: /legacy|\bDAP\b/ })).toBeNull();
    expect(screen.getByText(/Legacy delegated admin \(DAP\) can no longer be requested/)).toBeTruthy();
  });

  it('caps the duration at 730 days in words', async () => {
    const onNext = vi.fn();
    renderStep('admin-agent', onNext);
    fireEvent.click(screen.getByRole('radio', { name: /GDAP admin relationship/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^License Administrator/ }));
    const duration = screen.getByLabelText('Duration in days') as HTMLInputElement;
    expect(duration.max).toBe('730');
    fireEvent.change(duration, { target: { value: '731' } });
    fireEvent.change(screen.getByLabelText('GDAP approval link for Contoso'), { target: { value: approvalLink } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Enter a whole number of days from 1 to 730.')).toBeTruthy();
    expect(onNext).not.toHaveBeenCalled();
  });

  it('extends automatically when asked, and not with Global Administrator (the box is disabled with the reason)', async () => {
    const onNext = vi.fn();
    renderStep('admin-agent', onNext);
    fireEvent.click(screen.getByRole('radio', { name: /GDAP admin relationship/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^License Administrator/ }));
    const extend = screen.getByRole('checkbox', { name: 'Extend automatically' }) as HTMLInputElement;
    expect(screen.getByText(/the relationship extends by 180 days/)).toBeTruthy();
    fireEvent.click(extend);
    expect(extend.checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Global Administrator/ }));
    await waitFor(() => expect(extend.disabled).toBe(true));
    expect(extend.checked).toBe(false);
    expect(screen.getByText(/Not possible with Global Administrator/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('GDAP approval link for Contoso'), { target: { value: approvalLink } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(onNext).toHaveBeenCalledWith(expect.objectContaining({ autoExtend: false, roles: expect.arrayContaining(['62e90394-69f5-4237-9190-012177145e10']) })));
    // Without Global Administrator it is handed on.
    cleanup();
    const again = vi.fn();
    renderStep('admin-agent', again);
    fireEvent.click(screen.getByRole('radio', { name: /GDAP admin relationship/ }));
    fireEvent.click(await screen.findByRole('checkbox', { name: /^License Administrator/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Extend automatically' }));
    fireEvent.change(screen.getByLabelText('GDAP approval link for Contoso'), { target: { value: approvalLink } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(again).toHaveBeenCalledWith(expect.objectContaining({ autoExtend: true })));
  });

  it('speaks Japanese', async () => {
    render(
      <I18nextProvider i18n={createI18n('ja')}>
        <FluentProvider theme={webLightTheme}>
          <DelegatedAdminStep customers={[customer]} role="admin-agent" initial={null} onBack={() => {}} onNext={vi.fn()} />
        </FluentProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(/従来の委任された管理者特権 \(DAP\) は現在は依頼できません/)).toBeTruthy();
  });
});
