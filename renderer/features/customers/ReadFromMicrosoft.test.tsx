// @vitest-environment jsdom
// "Read from Microsoft" with a fake host (named so) and a recorded import run: disabled with the
// reason in words in a browser, signed out, or without a tenant id; a read hands the pages to the
// import as `graphPages`; a missing GDAP role is said with the role to ask for, in both languages.
import 'fake-indexeddb/auto';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, type GraphPages, type HostApi, type MicrosoftState } from '../../../shared/ipc/contract';
import { createI18n } from '../../app/i18n';
import { HostProvider } from '../../host/HostProvider';
import type { ImportRequest } from '../../import/importProtocol';
import type { ImportRun } from '../../import/useImport';
import { workspaceDb } from '../../workspace/workspace';
import { GRAPH_READ_SOURCE } from '../../../shared/import/graph';
import { GraphReadDate, ReadFromMicrosoft } from './ReadFromMicrosoft';
import { stubResizeObserver } from '../../../test/support/components';

stubResizeObserver();

const TENANT = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const signedIn: MicrosoftState = { available: true, configured: true, account: { oid: 'o', tenantId: 'partner', username: 'aiko@fabrikam.example', name: 'Aiko' } };
const PAGES: GraphPages = { subscribedSkus: [], subscriptions: [], users: [{ file: 'Microsoft Graph /v1.0/users page 1', text: '{"value":[]}' }] };

function fakeHost(state: MicrosoftState, read: () => Promise<GraphPages>) {
  const asked: string[] = [];
  const host = {
    microsoftAccount: async () => state,
    graphReadTenant: async ({ tenantId }: { tenantId: string }) => {
      asked.push(tenantId);
      return read();
    },
    graphCancelRead: async () => null,
    onGraphProgress: () => () => undefined,
  } as unknown as HostApi;
  return { host, asked };
}

function recordedRun() {
  const requests: ImportRequest[] = [];
  const run: ImportRun = {
    progress: null,
    outcome: null,
    running: false,
    run: async (request) => {
      requests.push(typeof request === 'function' ? await request() : request);
      return { status: 'cancelled' };
    },
    cancel: () => undefined,
  };
  return { run, requests };
}

function renderWith(host: HostApi, tenantId: string, importRun: ImportRun, lang: 'en' | 'ja' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <HostProvider host={host}>
          <ReadFromMicrosoft customerId="c-contoso" tenantId={tenantId} importRun={importRun} disabled={false} />
        </HostProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}

const button = () => screen.getByTestId('read-from-microsoft') as HTMLButtonElement;

afterEach(cleanup);

describe('Read from Microsoft (fake host)', () => {
  it('is disabled with the reason in words in a browser, when signed out, and without a tenant id', async () => {
    renderWith(fakeHost({ available: false, configured: false, account: null }, async () => PAGES).host, TENANT, recordedRun().run);
    expect(await screen.findByText('Reading from Microsoft needs the desktop app.')).toBeTruthy();
    expect(button().disabled).toBe(true);
    cleanup();
    renderWith(fakeHost({ available: true, configured: true, account: null }, async () => PAGES).host, TENANT, recordedRun().run);
    expect(await screen.findByText("Sign in with Microsoft in Settings to read the customer's tenant.")).toBeTruthy();
    expect(button().disabled).toBe(true);
    cleanup();
    renderWith(fakeHost(signedIn, async () => PAGES).host, '', recordedRun().run);
    expect(await screen.findByText("Enter the customer's tenant ID in its details to read it from Microsoft.")).toBeTruthy();
    expect(button().disabled).toBe(true);
  });

  it('reads the tenant and hands its pages to the import as graphPages', async () => {
    const { host, asked } = fakeHost(signedIn, async () => PAGES);
    const { run, requests } = recordedRun();
    renderWith(host, TENANT, run);
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(asked).toEqual([TENANT]);
    expect(requests[0]).toEqual({ kind: 'graphPages', customerId: 'c-contoso', pages: PAGES });
  });

  it('names the GDAP role to ask for when the relationship lacks it, in English and Japanese; nothing imported', async () => {
    for (const [lang, words] of [
      ['en', 'Directory Readers (or Global Reader)'],
      ['ja', 'ディレクトリ閲覧者 (またはグローバル閲覧者)'],
    ] as const) {
      const { run, requests } = recordedRun();
      renderWith(fakeHost(signedIn, () => Promise.reject(new HostError('GRAPH_FORBIDDEN', '403'))).host, TENANT, run, lang);
      await waitFor(() => expect(button().disabled).toBe(false));
      fireEvent.click(button());
      expect((await screen.findByText(new RegExp(words.replace(/[()]/g, '\\$&')))).textContent).toContain(words);
      expect(requests).toHaveLength(0);
      cleanup();
    }
  });

  it("words Graph's own error in the reader's language when a read fails otherwise; nothing imported", async () => {
    const url = `https://graph.microsoft.com/v1.0/users?$select=id&$skiptoken=x`;
    const detail = { code: 'http', params: { collection: 'users', url, page: 2, status: 500, tenant: TENANT, attempts: 3 } };
    for (const [lang, expected] of [
      ['en', `The tenant could not be read from Microsoft (Microsoft Graph answered 500 when reading the users and their licenses of the customer's tenant ${TENANT} (${url}, page 2) after 3 tries; nothing was imported. Try again later.). Nothing was imported.`],
      ['ja', `顧客のテナント ${TENANT}のユーザーとそのライセンスを読む際に Microsoft Graph が 500 を返しました (${url}、2 ページ目) (3 回試行)。何も取り込んでいません。時間をおいてやり直してください。`],
    ] as const) {
      const { run, requests } = recordedRun();
      renderWith(fakeHost(signedIn, () => Promise.reject(new HostError('GRAPH_READ_FAILED', 'Microsoft Graph read of users failed (http 500)', detail))).host, TENANT, run, lang);
      await waitFor(() => expect(button().disabled).toBe(false));
      fireEvent.click(button());
      const alert = await screen.findByText((text) => text.includes(expected));
      expect(alert.textContent).not.toContain('Microsoft Graph read of users failed');
      expect(requests).toHaveLength(0);
      cleanup();
    }
  });
});

describe('the case file says when its data was read from Microsoft', () => {
  const record = (id: string, files: string[]) => ({ id, kind: 'tenant' as const, customerId: 'c-contoso', status: 'committed' as const, baseImportId: null, files, counts: {}, received: {}, changes: {}, by: 'Aiko', at: '2026-12-05T08:30:00.000Z', _v: 1 });

  it('shows "Data read from Microsoft on <date>" for a live read, and nothing for a files import', async () => {
    await workspaceDb().imports.bulkPut([record('imp-read', [GRAPH_READ_SOURCE]), record('imp-files', ['users.json'])]);
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <GraphReadDate importId="imp-read" />
        <GraphReadDate importId="imp-files" />
      </I18nextProvider>,
    );
    expect((await screen.findByTestId('graph-read-date')).textContent).toBe('Data read from Microsoft on 2026-12-05');
    expect(screen.getAllByTestId('graph-read-date')).toHaveLength(1);
  });
});
