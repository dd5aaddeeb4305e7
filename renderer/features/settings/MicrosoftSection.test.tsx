// @vitest-environment jsdom
// Settings → Sign in with Microsoft, with a fake host (named so): the registration is saved through
// the host's settings, refused in words when malformed, and the account shown is what the host says;
// the Graph and Partner Center addresses are Microsoft's by default, checked, and reset to Microsoft's.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type HostApi, type MicrosoftState, type Settings, type SettingsPatch } from '../../../shared/ipc/contract';
import { createI18n } from '../../app/i18n';
import { SettingsProvider } from '../../ui/SettingsProvider';
import { HostProvider } from '../../host/HostProvider';
import { MicrosoftSection } from './MicrosoftSection';
import { stubResizeObserver } from '../../../test/support/components';

stubResizeObserver();

function fakeHost(state: MicrosoftState) {
  let settings: Settings = { ...defaultSettings };
  const host = {
    getSettings: async () => settings,
    setSettings: async (patch: SettingsPatch) => (settings = { ...settings, ...patch }),
    microsoftAccount: async () => ({ ...state, configured: settings.microsoftClientId !== '' }),
    microsoftSignOut: async () => {
      state = { ...state, account: null };
      return null;
    },
  } as unknown as HostApi;
  return { host, settings: () => settings };
}

function renderWith(host: HostApi, language: 'en' | 'ja' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={host}>
          <SettingsProvider fallback={null}>
            <MicrosoftSection />
          </SettingsProvider>
        </HostProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('Settings: Sign in with Microsoft (fake host)', () => {
  it('saves the client id and the server scope, and refuses a malformed authority in words', async () => {
    const { host, settings } = fakeHost({ available: true, configured: false, account: null });
    renderWith(host);
    expect((await screen.findByTestId('microsoft-account')).textContent).toMatch(/^Not set up/);
    fireEvent.change(screen.getByRole('textbox', { name: /Application \(client\) id/ }), { target: { value: ' 11111111-2222-3333-4444-555555555555 ' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Team server API scope/ }), { target: { value: 'api://cspw-server/access_as_user' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Authority/ }), { target: { value: 'http://login.example.com/organizations' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Microsoft sign-in' }));
    expect(await screen.findByText('The authority must be an https:// address (plain http only to 127.0.0.1).')).toBeTruthy();
    expect(settings().microsoftClientId).toBe('');

    fireEvent.change(screen.getByRole('textbox', { name: /Authority/ }), { target: { value: 'https://login.microsoftonline.com/organizations' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Microsoft sign-in' }));
    await waitFor(() => expect(settings().microsoftClientId).toBe('11111111-2222-3333-4444-555555555555'));
    expect(settings().microsoftServerScope).toBe('api://cspw-server/access_as_user');
    expect((await screen.findByTestId('microsoft-account')).textContent).toMatch(/^Not signed in with Microsoft/);
  });

  it("keeps Microsoft's clouds as the Graph and Partner Center addresses by default, saves a local server, refuses plain http elsewhere in words, and resets to Microsoft", async () => {
    const { host, settings } = fakeHost({ available: true, configured: true, account: null });
    renderWith(host);
    const graph = (await screen.findByRole('textbox', { name: /Microsoft Graph address/ })) as HTMLInputElement;
    const partnerCenter = screen.getByRole('textbox', { name: /Partner Center address/ }) as HTMLInputElement;
    expect(graph.value).toBe('https://graph.microsoft.com');
    expect(partnerCenter.value).toBe('https://api.partnercenter.microsoft.com');

    fireEvent.change(graph, { target: { value: 'http://graph.example.com' } });
    fireEvent.change(partnerCenter, { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Microsoft sign-in' }));
    expect(await screen.findByText('The Microsoft Graph address must be an https:// address (plain http only to 127.0.0.1 or localhost).')).toBeTruthy();
    expect(screen.getByText('The Partner Center address must be an https:// address (plain http only to 127.0.0.1 or localhost).')).toBeTruthy();
    expect(settings()).toMatchObject({ graphBaseUrl: 'https://graph.microsoft.com', partnerCenterBaseUrl: 'https://api.partnercenter.microsoft.com' });

    // A local contract server (tests) and another cloud are accepted.
    fireEvent.change(graph, { target: { value: ' https://graph.microsoft.us ' } });
    fireEvent.change(partnerCenter, { target: { value: 'http://127.0.0.1:4381' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save Microsoft sign-in' }));
    await waitFor(() => expect(settings()).toMatchObject({ graphBaseUrl: 'https://graph.microsoft.us', partnerCenterBaseUrl: 'http://127.0.0.1:4381' }));
    expect(screen.queryByText(/address must be an https:\/\/ address/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reset to Microsoft' }));
    expect(await screen.findByText("The Microsoft Graph and Partner Center addresses are Microsoft's again.")).toBeTruthy();
    expect(settings()).toMatchObject({ graphBaseUrl: 'https://graph.microsoft.com', partnerCenterBaseUrl: 'https://api.partnercenter.microsoft.com' });
    expect(graph.value).toBe('https://graph.microsoft.com');
    expect(partnerCenter.value).toBe('https://api.partnercenter.microsoft.com');
  });

  it('says the addresses and their refusal in Japanese', async () => {
    const { host, settings } = fakeHost({ available: true, configured: true, account: null });
    renderWith(host, 'ja');
    const partnerCenter = await screen.findByRole('textbox', { name: /パートナー センターのアドレス/ });
    fireEvent.change(partnerCenter, { target: { value: 'http://partnercenter.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Microsoft サインインの設定を保存' }));
    expect(await screen.findByText('パートナー センターのアドレスは https:// で始まるアドレスにしてください (http は 127.0.0.1 または localhost のみ)。')).toBeTruthy();
    expect(settings().partnerCenterBaseUrl).toBe('https://api.partnercenter.microsoft.com');
    expect(screen.getByRole('button', { name: 'Microsoft の既定に戻す' })).toBeTruthy();
  });

  it('shows who is signed in, and signs out', async () => {
    const { host } = fakeHost({ available: true, configured: true, account: { oid: 'o', tenantId: 'tid-1', username: 'aiko@fabrikam.example', name: 'Aiko' } });
    renderWith(host);
    expect((await screen.findByTestId('microsoft-account')).textContent).toBe('Signed in with Microsoft as Aiko (aiko@fabrikam.example), tenant tid-1.');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out of Microsoft' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sign out of Microsoft' })).toBeNull());
  });

  it('is absent where the host cannot sign in with Microsoft (a browser)', async () => {
    const { host } = fakeHost({ available: false, configured: false, account: null });
    let asked = false;
    const ask = host.microsoftAccount;
    host.microsoftAccount = async (args) => {
      asked = true;
      return ask(args);
    };
    const { container } = renderWith(host);
    await waitFor(() => expect(asked).toBe(true));
    await new Promise((r) => setTimeout(r, 0));
    expect(container.querySelector('section')).toBeNull();
  });
});
