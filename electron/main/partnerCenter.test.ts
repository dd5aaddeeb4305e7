// partnerCenter.relationshipLink through the IPC dispatch, against the local Partner Center
// contract server: the token is asked for Partner Center's scope, the base URL comes from Settings,
// and Partner Center's refusals reach the renderer as words in both languages.
import { afterEach, describe, expect, it } from 'vitest';
import { HostError, PartnerCenterLinkResult } from '../../shared/ipc/contract';
import { startPcServer, type PcServer } from '../../test/contract/pcServer';
import { createHandlers, type HandlerServices } from './ipc/handlers';
import { dispatch } from './ipc/register';
import { createPartnerCenterService } from './partnerCenter';

const servers: PcServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function setup(pc: PcServer, getAccessToken: (scopes: string[]) => Promise<{ accessToken: string; expiresAt: number }>) {
  const asked: string[][] = [];
  const partnerCenter = createPartnerCenterService({
    baseUrl: () => pc.origin,
    microsoft: {
      getAccessToken: (scopes) => {
        asked.push(scopes);
        return getAccessToken(scopes);
      },
    },
    fetch: (url, init) => fetch(url, init as RequestInit),
  });
  const handlers = createHandlers({ partnerCenter } as unknown as HandlerServices);
  const event = { sender: {}, senderFrame: { url: 'app://workspace/index.html' } };
  const call = () => dispatch('partnerCenter.relationshipLink', handlers['partnerCenter.relationshipLink'], event, {}, { isTrustedSender: () => true });
  return { call, asked };
}

describe('partnerCenter.relationshipLink (local contract server)', () => {
  it('reads the link with a token for Partner Center from the sign-in, at the address in Settings', async () => {
    const pc = await startPcServer();
    servers.push(pc);
    const { call, asked } = setup(pc, async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 }));
    const reply = await call();
    expect(reply).toEqual({
      ok: true,
      value: {
        ok: true,
        url: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation',
        partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
        legacyDap: false,
      },
    });
    expect(asked).toEqual([['https://api.partnercenter.microsoft.com/user_impersonation']]);
    expect(pc.requests.map((r) => [r.path, r.headers.authorization])).toEqual([['/v1/customers/relationshiprequests', 'Bearer pc-token-1']]);
  });

  it('a user who is not an Admin agent gets the reason in English and Japanese, not a host failure', async () => {
    const pc = await startPcServer({ forbidden: new Set(['relationshipLink']) });
    servers.push(pc);
    const { call } = setup(pc, async () => ({ accessToken: 'pc-token-1', expiresAt: Date.now() + 3_600_000 }));
    const reply = await call();
    expect(reply.ok).toBe(true);
    const value = PartnerCenterLinkResult.parse(reply.ok ? reply.value : null);
    expect(value).toMatchObject({ ok: false, code: 'forbidden' });
    if (value.ok) throw new Error('expected a refusal');
    expect(value.en).toContain('your account needs the Admin agent role in Partner Center');
    expect(value.ja).toContain('「管理エージェント」ロールが必要です');
  });

  it('without a Microsoft sign-in nothing is sent, and the host says so', async () => {
    const pc = await startPcServer();
    servers.push(pc);
    const { call } = setup(pc, async () => {
      throw new HostError('MICROSOFT_SIGNED_OUT', 'Not signed in with Microsoft.');
    });
    expect(await call()).toEqual({ ok: false, error: { code: 'MICROSOFT_SIGNED_OUT', message: 'Not signed in with Microsoft.' } });
    expect(pc.requests).toHaveLength(0);
  });
});
