// Every change is described in both UI languages: the activity log is read by teammates who may use
// either. Each registered mutator needs representative arguments here (a new mutator fails the
// first test until it has some), covering the branches of its describe.
import { describe, expect, it } from 'vitest';
import { words } from '../../test/support/activityWords';
import { isActivityCode } from './activityCodes';
import { mutators } from './index';

const GUID = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const SKU_ROW = {
  skuId: GUID,
  skuPartNumber: 'ENTERPRISEPACK',
  capabilityStatus: 'Enabled',
  consumedUnits: 1,
  prepaidUnits: { enabled: 1, suspended: 0, warning: 0, lockedOut: 0 },
  subscriptionIds: [],
  servicePlans: [],
};
const CATALOG_ROW = { skuId: GUID, partNumber: 'ENTERPRISEPACK', name: 'Office 365 E3', servicePlans: [], purchasable: true };

interface Sample {
  args: unknown;
  /** Texts that stay as they are in both languages: ids, part numbers, file names, dates. */
  kept?: string[];
}

const samples: Record<string, Sample[]> = {
  'partner.update': [{ args: { name: 'Fabrikam CSP', country: 'JP' } }, { args: { relationshipLink: 'https://example.com' } }],
  'customer.create': [{ args: { id: 'c-1', name: 'Contoso' }, kept: ['Contoso'] }],
  'customer.update': [{ args: { id: 'c-1', name: 'Contoso', tenantId: GUID, channel: 'direct', notes: 'n' } }],
  'customer.setStage': [{ args: { id: 'c-1', stage: 'not-started' } }, { args: { id: 'c-1', stage: 'old-ended' } }],
  'customer.delete': [{ args: { id: 'c-1' } }],
  'customer.setBillingAccount': [{ args: { id: 'c-1', billingAccount: 'mca' } }, { args: { id: 'c-1', billingAccount: 'mosa' } }],
  'customer.recordAgreement': [{ args: { id: 'c-1', acceptedOn: '2026-11-20', attestedBy: 'Aiko' }, kept: ['2026-11-20', 'Aiko'] }],
  'customer.clearAgreement': [{ args: { id: 'c-1' } }],
  'customer.createMany': [{ args: { file: 'Customers.csv', customers: [{ id: 'c-2', name: 'Northwind', tenantId: GUID }] }, kept: ['Customers.csv', '1'] }],
  'customer.setOwnSubscriptions': [
    {
      args: { id: 'c-1', file: 'subscriptions.csv', subscriptions: [{ id: GUID, name: 'Office 365 E3', offerId: null, quantity: 5, status: 'Active', commitmentEndDate: null, reseller: '' }] },
      kept: ['subscriptions.csv', '1'],
    },
  ],
  'invitation.create': [
    { args: { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'none', language: 'ja' } },
    {
      args: { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'gdap', gdap: { roles: ['User Administrator'], durationDays: 730, approvalLink: '' }, language: 'en' },
    },
    { args: { id: 'i-1', customerId: 'c-1', delegatedAdmin: 'dap', language: 'en' } },
  ],
  'invitation.markSent': [{ args: { id: 'i-1' } }],
  'invitation.markAccepted': [{ args: { id: 'i-1', acceptedAt: '2026-11-24T10:00:00.000Z' } }],
  'invitation.markExpired': [{ args: { id: 'i-1' } }],
  'invitation.remind': [{ args: { id: 'i-1' } }],
  'invitation.cancel': [{ args: { id: 'i-1' } }],
  'plan.create': [{ args: { id: 'p-1', customerId: 'c-1', asOf: '2026-11-24' }, kept: ['2026-11-24'] }],
  'plan.setStatus': [{ args: { id: 'p-1', status: 'ready' } }, { args: { id: 'p-1', status: 'approved' } }],
  'planLine.add': [
    { args: { id: 'l-1', planId: 'p-1', sourceSkuId: 'ENTERPRISEPACK', targetSkuId: null, quantity: 25 }, kept: ['25'] },
  ],
  'planLine.setTarget': [
    { args: { lineId: 'l-1', targetSkuId: 'SPE_E3', quantity: 25 }, kept: ['25'] },
    { args: { lineId: 'l-1', targetSkuId: null, quantity: 0 } },
  ],
  'planLine.setOrderDate': [{ args: { lineId: 'l-1', orderDate: '2027-01-15' }, kept: ['2027-01-15'] }, { args: { lineId: 'l-1', orderDate: null } }],
  'planLine.remove': [{ args: { lineId: 'l-1' } }],
  'plan.save': [
    {
      args: {
        customerId: 'c-1',
        planId: 'p-1',
        asOf: '2026-12-01',
        add: [{ id: 'l-1', sourceSkuId: 'ENTERPRISEPACK', sourceSubscriptionId: null, targetSkuId: 'SPE_E3', quantity: 25, orderDate: null }],
        change: [{ id: 'l-2', fields: { quantity: 3 } }],
        remove: ['l-3'],
      },
    },
  ],
  'planLine.setTerm': [{ args: { lineId: 'l-1', term: 'P3Y', billingFrequency: 'annual' } }, { args: { lineId: 'l-1', term: 'P1M', billingFrequency: 'monthly' } }],
  'planLine.setOldEndScheduled': [{ args: { lineId: 'l-1', scheduledOn: '2027-03-01' }, kept: ['2027-03-01'] }, { args: { lineId: 'l-1', scheduledOn: null } }],
  'transfer.request': [{ args: { id: 't-1', customerId: 'c-1', sourceKeys: ['s-1', 's-2'] }, kept: ['2'] }],
  'transfer.setStatus': [{ args: { id: 't-1', status: 'approved' } }, { args: { id: 't-1', status: 'rejected' } }],
  'finding.acknowledge': [{ args: { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss', reason: 'Nobody uses it' }, kept: ['service-loss', 'Nobody uses it'] }],
  'finding.unacknowledge': [{ args: { customerId: 'c-1', lineKey: 'l-1', code: 'service-loss' }, kept: ['service-loss'] }],
  'conflict.resolve': [{ args: { id: 'k-1', keep: 'current' } }, { args: { id: 'k-1', keep: 'proposed' } }],
  'tenant.importChunk': [{ args: { importId: 'imp-1', customerId: 'c-1', kind: 'skus', rows: [SKU_ROW] } }],
  'tenant.importCommit': [
    {
      args: { importId: 'imp-1', customerId: 'c-1', files: ['users.json', 'subscribedSkus.json'], counts: { skus: 1, subscriptions: 0, users: 0 } },
      kept: ['users.json, subscribedSkus.json'],
    },
  ],
  'tenant.importDiscard': [{ args: { importId: 'imp-9', customerId: 'c-1' } }],
  'catalog.importChunk': [{ args: { importId: 'cat-1', rows: [CATALOG_ROW] } }],
  'catalog.importCommit': [{ args: { importId: 'cat-1', files: ['products.csv'], count: 1, hasOffers: false }, kept: ['products.csv'] }],
  'catalog.markDiscontinued': [{ args: { skuId: GUID, discontinued: true } }, { args: { skuId: GUID, discontinued: false } }],
};

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('describe', () => {
  it('has representative arguments for every registered mutator', () => {
    expect(Object.keys(samples).sort()).toEqual([...mutators.keys()].sort());
  });

  for (const [name, mutator] of mutators) {
    it(`${name}: a code the renderer words, in English and Japanese texts that differ`, () => {
      for (const sample of samples[name] ?? []) {
        const described = mutator.describe(mutator.args.parse(sample.args));
        expect(isActivityCode(described.code), described.code).toBe(true);
        const text = { en: words({ ...described, summary: '' }, 'en'), ja: words({ ...described, summary: '' }, 'ja') };
        expect(text.en.trim()).not.toBe('');
        expect(text.ja.trim()).not.toBe('');
        expect(text.ja).not.toBe(text.en);
        expect(text.ja).toMatch(japanese);
        expect(text.en).not.toMatch(japanese);
        for (const kept of sample.kept ?? []) {
          expect(text.en).toContain(kept);
          expect(text.ja).toContain(kept);
        }
      }
    });
  }

  it('differ between branches in both languages', () => {
    const texts = (name: string) =>
      (samples[name] ?? []).map((s) => {
        const described = mutators.get(name)!.describe(mutators.get(name)!.args.parse(s.args));
        return { en: words({ ...described, summary: '' }, 'en'), ja: words({ ...described, summary: '' }, 'ja') };
      });
    for (const name of ['invitation.create', 'planLine.setOrderDate', 'conflict.resolve', 'catalog.markDiscontinued', 'customer.setStage', 'plan.setStatus']) {
      const all = texts(name);
      expect(new Set(all.map((t) => t.en)).size, name).toBe(all.length);
      expect(new Set(all.map((t) => t.ja)).size, name).toBe(all.length);
    }
  });
});
