// customerPlan.computePlan: a saved line whose target is the engine's own proposal reopens as that
// proposal ('equivalent'), not as a user's 'different' choice; another saved target stays 'different'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchOffer, prepareCatalog } from '../../../shared/domain/engine';
import { parseCatalogCsv, parseTenantExports } from '../../../shared/import/index';
import type { PlanLine } from '../../../shared/workspace/tables';
import { computePlan, type CustomerData } from '../../engine/customerPlan';

const fixtures = new URL('../../../../shared/fixtures/', import.meta.url);
const read = (path: string) => ({ text: readFileSync(new URL(path, fixtures), 'utf8'), file: path });
const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

describe('a saved plan reopens as it was saved', () => {
  // Office 365 E5 marked discontinued: the engine proposes an equivalent for it.
  const catalog = prepareCatalog(parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv').text, 'licensing.csv'), { discontinued: [E5] });
  const inventory = parseTenantExports({ subscribedSkus: read('graph/subscribedSkus.list.response.json') });
  const proposal = matchOffer(E5, catalog);
  const data = (targetSkuId: string | null): CustomerData => ({
    customer: { id: 'c', name: 'Contoso', domain: '', tenantId: '', country: 'JP', channel: 'unknown', stage: 'plan-ready', notes: '', createdAt: '2025-01-01T00:00:00Z', tenantImportId: 'i' },
    inventory,
    catalog,
    partner: null,
    plan: { id: 'p', customerId: 'c', status: 'ready', asOf: '2025-06-01', approvedBy: null },
    planLines: [{ id: 'l', planId: 'p', customerId: 'c', sourceSkuId: E5, sourceSubscriptionId: null, targetSkuId, quantity: 25, orderDate: null, decisionNote: '' } satisfies PlanLine],
    planLineVersions: { l: 1 },
    transfers: [],
    findingAcks: [],
  });
  const lineOf = (d: CustomerData) => computePlan(d).lines.find((l) => l.sourceSkuId === E5)!;

  it('keeps the proposal an equivalent', () => {
    expect(proposal.kind).toBe('equivalent');
    const line = lineOf(data(proposal.targetSkuId!.toUpperCase()));
    expect(line.match.kind).toBe('equivalent');
    expect(line.match.targetSkuId).toBe(proposal.targetSkuId);
  });

  it('keeps another chosen product a different one', () => {
    expect(proposal.targetSkuId).not.toBe(E3);
    const line = lineOf(data(E3));
    expect(line.match.kind).toBe('different');
    expect(line.match.targetSkuId).toBe(E3);
  });
});
