// @vitest-environment jsdom
// The "Sign in with Microsoft" button of Review & sync: shown where the host can sign in with
// Microsoft (the desktop app), absent in a browser. The host is a fake one (named so); the flow
// behind it is tested in electron/main/microsoftSignIn.test.ts and server/sync/entraSession.test.ts.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostError, type HostApi, type MicrosoftState } from '../../../shared/ipc/contract';
import type { SyncController } from '../../sync/controller';
import { SessionError } from '../../../shared/sync/session';
import { renderInApp, stubResizeObserver } from '../../../test/support/components';
import { MicrosoftSignIn } from './ReviewSyncPage';

const signInWithMicrosoft = vi.fn<() => Promise<unknown>>();
const cancelMicrosoftSignIn = vi.fn();
/** A fake sync controller (named so): only the two calls this button makes. */
const fakeSync = { signInWithMicrosoft, cancelMicrosoftSignIn } as unknown as SyncController;

stubResizeObserver();

function fakeHost(state: MicrosoftState): HostApi {
  return { microsoftAccount: async () => state } as unknown as HostApi;
}

function renderWith(host: HostApi, lang: 'en' | 'ja' = 'en') {
  return renderInApp(<MicrosoftSignIn />, { language: lang, host, sync: fakeSync });
}

afterEach(cleanup);

describe('Sign in with Microsoft on Review & sync (fake host, fake sync controller)', () => {
  it('is offered where the host can sign in with Microsoft, in English and Japanese', async () => {
    renderWith(fakeHost({ available: true, configured: true, account: null }));
    expect(await screen.findByRole('button', { name: 'Sign in with Microsoft' })).toBeTruthy();
    cleanup();
    renderWith(fakeHost({ available: true, configured: true, account: null }), 'ja');
    expect(await screen.findByRole('button', { name: 'Microsoft でサインイン' })).toBeTruthy();
  });

  it('is not offered in a browser', async () => {
    const host = { microsoftAccount: vi.fn(async () => ({ available: false, configured: false, account: null })) } as unknown as HostApi;
    renderWith(host);
    await waitFor(() => expect(host.microsoftAccount).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Sign in with Microsoft' })).toBeNull();
  });

  it('waits for the browser with a cancel, and says in words when the sign-in was cancelled', async () => {
    let reject: (e: unknown) => void = () => {};
    signInWithMicrosoft.mockImplementation(() => new Promise((_, r) => (reject = r)));
    renderWith(fakeHost({ available: true, configured: true, account: null }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with Microsoft' }));
    expect(await screen.findByText('Finish signing in in your browser…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(cancelMicrosoftSignIn).toHaveBeenCalled();
    reject(new HostError('MICROSOFT_SIGN_IN_CANCELLED', 'Microsoft sign-in was cancelled.'));
    expect((await screen.findByRole('alert')).textContent).toContain('Microsoft sign-in was cancelled.');
  });

  it("says the server's refusal from its code and data in the reader's language, not the server's English detail", async () => {
    const detail = 'Sign-in refused: aiko@contoso.example (object id x) is not a member of Fabrikam on this server: ask your admin agent to add you (server:admin add-entra-user)';
    signInWithMicrosoft.mockRejectedValue(new SessionError('REFUSED', detail, 'ENTRA_PERSON_UNKNOWN', { account: 'aiko@contoso.example', organization: 'Fabrikam' }));
    renderWith(fakeHost({ available: true, configured: true, account: null }), 'ja');
    fireEvent.click(await screen.findByRole('button', { name: 'Microsoft でサインイン' }));
    expect((await screen.findByRole('alert')).textContent).toBe('aiko@contoso.example はこのサーバーの Fabrikam のメンバーではありません。管理エージェントに追加を依頼してください。');
  });
});
