// What the case file sends to Partner Center for a transfer request, and what a refresh records.
import { describe, expect, it } from 'vitest';
import type { TenantInventory, TenantSubscription } from '../../../shared/domain/tenant';
import type { PartnerCenterTransferSummary } from '../../../shared/ipc/contract';
import type { Transfer } from '../../../shared/workspace/tables';
import { refreshFromPartnerCenter, transferRequestOf } from './pcTransfers';

const A = '7c8db11f-1e5e-4472-8386-f0b627d1f3e1';
const B = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
const sub = (id: string, owner: string | null, commerce: string | null = null): TenantSubscription => ({
  id,
  skuId: 'sku',
  skuPartNumber: 'ENTERPRISEPREMIUM',
  status: 'Enabled',
  totalLicenses: 1,
  isTrial: false,
  ownerTenantId: owner,
  ownerType: owner ? 'Company' : null,
  createdDateTime: null,
  nextLifecycleDateTime: null,
  commerceSubscriptionId: commerce,
});
const inventory = (subscriptions: TenantSubscription[] | null): TenantInventory => ({ countryLetterCode: 'JP', skus: [], subscriptions, users: [] });
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const S3 = '00000000-0000-4000-8000-000000000003';

describe('transferRequestOf', () => {
  it("gives the subscriptions' commerce ids (the directory id when absent) and their one current partner", () => {
    expect(transferRequestOf([S1, S2], inventory([sub(S1, A.toUpperCase(), '7291BFBF-1772-4C5B-A624-18B6152CD8CB'), sub(S2, A)]))).toEqual({
      ok: true,
      sourcePartnerTenantId: A,
      subscriptionIds: ['7291bfbf-1772-4c5b-a624-18b6152cd8cb', S2],
    });
  });

  it('refuses lines known only by product, of no known partner, or of two partners', () => {
    expect(transferRequestOf(['sku:abc'], inventory(null))).toEqual({ ok: false, reason: 'noSubscription', keys: ['sku:abc'] });
    expect(transferRequestOf([S1], inventory([sub(S1, null)]))).toEqual({ ok: false, reason: 'noPartner', keys: [S1] });
    expect(transferRequestOf([S1, S3], inventory([sub(S1, A), sub(S3, B)]))).toMatchObject({ ok: false, reason: 'severalPartners', keys: [A, B] });
  });
});

describe('refreshFromPartnerCenter', () => {
  const local = (id: string, status: Transfer['status']): Transfer => ({
    id,
    customerId: 'c',
    lineIds: [],
    sourceKeys: [S1],
    status,
    requested: { by: 'Aiko', at: '2026-12-01T00:00:00.000Z' },
    approved: null,
    completed: null,
    rejected: null,
    note: '',
  });
  const remote = (id: string, status: PartnerCenterTransferSummary['status'], word: string): PartnerCenterTransferSummary => ({
    id,
    partnerCenterStatus: word,
    status,
    partial: false,
    sourcePartnerTenantId: A,
    sourcePartnerName: null,
    lastModifiedTime: null,
    lines: [],
  });
  const T1 = 'ab724652-3442-4912-8615-61525bb9903d';
  const T2 = '38a00d97-421c-4c33-8ae4-c8750604e02c';
  const T3 = 'f10421cd-d4af-4939-82b9-cd0e75022759';
  const T4 = 'ddb933ad-02f4-4678-a09a-7fecca481acc';

  it("matches by Partner Center's id and records every step; an unknown word, a step back and a transfer Partner Center does not list are left as they are", () => {
    const plan = refreshFromPartnerCenter(
      [local(T1, 'requested'), local(T2, 'completed'), local(T3, 'approved'), local(T4, 'requested'), local('by-hand', 'requested')],
      [remote(T1.toUpperCase(), 'completed', 'Complete'), remote(T2, 'rejected', 'Reject'), remote(T3, 'approved', 'Accepted'), remote(T4, null, 'OnHold')],
    );
    expect(plan.moves.map((m) => [m.transfer.id, m.steps])).toEqual([[T1, ['approved', 'completed']]]);
    expect(plan.conflicting.map((c) => c.transfer.id)).toEqual([T2]);
    expect(plan.unchanged).toBe(1);
    expect(plan.unknown).toEqual([{ transfer: local(T4, 'requested'), word: 'OnHold' }]);
    expect(plan.notInPartnerCenter).toBe(1);
  });
});
