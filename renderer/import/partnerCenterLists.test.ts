// Partner Center's API customer list as the CSV import's rows: each record keeps its place in
// Partner Center's whole list, so refused and repeated records interleave as they came.
import { describe, expect, it } from 'vitest';
import { customerListFromPartnerCenter, createManyArgs, groupCustomerList, PARTNER_CENTER_LIST_SOURCE } from './partnerCenterLists';

const A = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const B = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const C = '0cca44d6-68e9-4762-94ee-31ece98783b9';

const answer = {
  ok: true as const,
  customers: [
    { tenantId: A, companyName: 'Contoso', domain: 'contoso.co.jp', country: 'JP', relationship: 'reseller' },
    { tenantId: B, companyName: 'Fabrikam', domain: 'fabrikam.com', country: null, relationship: '' },
    { tenantId: C, companyName: 'Northwind', domain: '', country: 'US', relationship: 'advisor' },
  ],
  // Place 2 refused, place 4 repeats Contoso: the customers kept are places 1, 3 and 5.
  refused: [{ position: 2, id: 'x', reason: 'tenantNotGuid', params: { tenant: 'x' } }],
  duplicates: [{ position: 4, tenantId: A, companyName: 'Contoso again' }],
  pages: 1,
};

describe('customerListFromPartnerCenter', () => {
  it("numbers the kept customers by the places left after refused and repeated records, a repeat pointing to its first", () => {
    const rows = customerListFromPartnerCenter(answer);
    expect(rows.customers.map((c) => [c.row, c.tenantId, c.country])).toEqual([
      [1, A, 'JP'],
      [3, B, undefined],
      [5, C, 'US'],
    ]);
    expect(rows.duplicates).toEqual([{ row: 4, firstRow: 1, tenantId: A, name: 'Contoso again' }]);
    expect(rows.refused).toEqual([{ row: 2, field: 'x', record: { reason: 'tenantNotGuid', params: { tenant: 'x' } } }]);
  });

  it('goes through the same grouping and change as the file: known tenants skipped, the country carried when given', () => {
    const preview = groupCustomerList(customerListFromPartnerCenter(answer), PARTNER_CENTER_LIST_SOURCE, [{ tenantId: C.toUpperCase(), name: 'Northwind Traders' }], 'partnerCenter');
    expect(preview).toMatchObject({ file: PARTNER_CENTER_LIST_SOURCE, source: 'partnerCenter' });
    expect(preview.inWorkspace.map((c) => c.existingName)).toEqual(['Northwind Traders']);
    let n = 0;
    expect(createManyArgs(preview, () => `id-${++n}`)).toEqual({
      file: PARTNER_CENTER_LIST_SOURCE,
      customers: [
        { id: 'id-1', name: 'Contoso', domain: 'contoso.co.jp', tenantId: A, country: 'JP', stage: 'accepted' },
        { id: 'id-2', name: 'Fabrikam', domain: 'fabrikam.com', tenantId: B, stage: 'not-started' },
      ],
    });
  });
});
