import { describe, expect, it } from 'vitest';
import { parseDirectorySubscriptions, parseLicenseDetails, parseOrganization, parseSubscribedSkus, parseTenantExports, parseUsers } from './graph';
import { parseOffers } from './offers';
import { parsePartnerCenterCustomer, parsePartnerCenterSubscriptions } from './partnerCenter';
import { classifyChannel } from '../domain/tenant';
import { readFixture } from '../../test/support/fixtures';
import { importErrorOf } from '../../test/support/importErrors';

const read = readFixture;

const importError = importErrorOf;

describe('Graph exports', () => {
  it('reads subscribedSkus: seats, part numbers, plans', () => {
    const skus = parseSubscribedSkus(read('graph/subscribedSkus.list.response.json'), 'subscribedSkus.json');
    expect(skus).toHaveLength(2);
    expect(skus[0]).toMatchObject({ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuPartNumber: 'ENTERPRISEPREMIUM', consumedUnits: 14 });
    expect(skus[0]!.prepaidUnits.enabled).toBe(25);
    expect(skus[1]!.capabilityStatus).toBe('Suspended');
    expect(skus[1]!.subscriptionIds).toEqual(['15c301e0-c769-4f12-bab1-1e8519a7a6f1']);
  });

  it('reads directory/subscriptions with owner and lifecycle date', () => {
    const subs = parseDirectorySubscriptions(read('graph/directory.subscriptions.list.response.json'), 'subscriptions.json');
    expect(subs).toEqual([
      expect.objectContaining({
        id: '860697e3-b0aa-4196-a6c6-7ec361ed58f7',
        skuPartNumber: 'MyPartNumber',
        totalLicenses: 25,
        isTrial: false,
        ownerTenantId: '331af819-4e0b-49f7-a6bf-14e1165ad3a0',
        nextLifecycleDateTime: '2023-02-01T00:00:00Z',
      }),
    ]);
    expect(classifyChannel(subs[0]!.ownerTenantId, '331AF819-4E0B-49F7-A6BF-14E1165AD3A0')).toBe('own');
    expect(classifyChannel(subs[0]!.ownerTenantId, '11111111-1111-1111-1111-111111111111')).toBe('other-partner');
    expect(classifyChannel(null, '11111111-1111-1111-1111-111111111111')).toBe('direct');
    expect(classifyChannel(undefined, '11111111-1111-1111-1111-111111111111')).toBe('unknown');
  });

  it('a bad date names the file, the record, its id and the field', () => {
    const body = JSON.parse(read('graph/directory.subscriptions.list.response.json')) as { value: Record<string, unknown>[] };
    const second = { ...body.value[0]!, id: '4c9d8a1e-0000-4000-8000-000000000002', nextLifecycleDateTime: '2015-11-25T06: 41: 12Z' };
    const e = importError(() => parseDirectorySubscriptions(JSON.stringify({ value: [body.value[0], second] }), 'subscriptions.json'));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.record).toBe(2);
    expect(e.field).toBe('nextLifecycleDateTime');
    expect(e.message).toBe(
      'subscriptions.json: record 2 (id 4c9d8a1e-0000-4000-8000-000000000002): field nextLifecycleDateTime: "2015-11-25T06: 41: 12Z" is not an ISO 8601 date-time',
    );
  });

  it('invalid JSON and wrong shapes are ImportErrors naming the file', () => {
    expect(importError(() => parseSubscribedSkus('{"value": [', 'subscribedSkus.json'))).toMatchObject({ code: 'INVALID_JSON', file: 'subscribedSkus.json' });
    expect(importError(() => parseSubscribedSkus('{"values": []}', 'subscribedSkus.json'))).toMatchObject({ code: 'INVALID_SHAPE', field: 'value' });
    const sku = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
    const e = importError(() => parseSubscribedSkus(`{"value": [{"skuId": "${sku}", "consumedUnits": "many"}]}`, 'subscribedSkus.json'));
    expect(e).toMatchObject({ code: 'INVALID_SHAPE', record: 1, field: 'consumedUnits' });
    expect(e.message).toMatch(new RegExp(`^subscribedSkus\\.json: record 1 \\(id ${sku}\\): field consumedUnits: "many"`));
    const notGuid = importError(() => parseDirectorySubscriptions('{"value": [{"id": "4c9", "skuId": "E3"}]}', 'subscriptions.json'));
    expect(notGuid.message).toBe('subscriptions.json: record 1 (id 4c9): field id: "4c9": is not a GUID');
    const owner = importError(() => parseDirectorySubscriptions(`{"value": [{"id": "${sku}", "skuId": "${sku}", "ownerTenantId": "contoso"}]}`, 'subscriptions.json'));
    expect(owner.field).toBe('ownerTenantId');
  });

  it('reads users: direct and group-based assignment, disabled plans (the documentation example)', () => {
    const users = parseUsers(read('graph/user.licenseAssignmentStates.example.json'), 'users.json');
    expect(users).toHaveLength(1);
    const lic = new Map(users[0]!.licenses.map((l) => [l.skuId, l]));
    expect(lic.get('157870f6-e050-4b3c-ad5e-0f0a377c8f4d')).toMatchObject({ direct: true, assignedByGroups: [] });
    expect(lic.get('1f3174e2-ee9d-49e9-b917-e8d84650f895')).toMatchObject({ direct: false, assignedByGroups: ['e61ff361-5baf-41f0-b2fd-380a6a5e406a'] });
    // Assigned twice, once by a group with a plan disabled and once directly with nothing disabled.
    expect(lic.get('240622ac-b9b8-4d50-94e2-dad19a3bf4b5')).toMatchObject({ direct: true, disabledPlans: [] });
    expect(users[0]!.userPrincipalName).toBe('e61ff361-5baf-41f0-b2fd-380a6a5e406a');
  });

  it('names nested fields with their path', () => {
    const text = JSON.stringify({
      value: [
        { id: 'u1', assignedLicenses: [] },
        { id: 'u2', userPrincipalName: 'bo@contoso.com', assignedLicenses: [{ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df' }, { skuId: 'E3' }] },
      ],
    });
    expect(importError(() => parseUsers(text, 'users.json')).message).toBe('users.json: record 2 (id u2): field assignedLicenses[1].skuId: "E3": is not a GUID');
  });

  it('reads assignedLicenses with disabled plans', () => {
    const text = JSON.stringify({
      value: [{ id: 'u1', userPrincipalName: 'ann@contoso.com', assignedLicenses: [{ skuId: 'C7DF2760-2C81-4EF7-B578-5B5392B571DF', disabledPlans: ['8C098270-9DD4-4350-9B30-BA4703F3B36B'] }] }],
    });
    expect(parseUsers(text, 'users.json')[0]).toEqual({
      id: 'u1',
      userPrincipalName: 'ann@contoso.com',
      licenses: [{ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', disabledPlans: ['8c098270-9dd4-4350-9b30-ba4703f3b36b'], assignedByGroups: [], direct: true }],
    });
  });

  it('reads the organization country', () => {
    expect(parseOrganization('{"value":[{"countryLetterCode":"jp"}]}', 'organization.json')).toEqual({ countryLetterCode: 'JP', tenantId: null, defaultDomain: null });
    expect(parseOrganization('{"countryLetterCode":"US"}', 'organization.json')).toMatchObject({ countryLetterCode: 'US' });
    expect(importError(() => parseOrganization('{"value":[{"countryLetterCode":"Japan"}]}', 'organization.json')).field).toBe('countryLetterCode');
  });

  it('reads the organization id as the tenant id and its default verified domain', () => {
    const body = {
      value: [
        {
          id: 'EEBD1B55-5360-4438-A11D-5C06918C3014',
          countryLetterCode: 'JP',
          verifiedDomains: [
            { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: false, isInitial: true, name: 'contoso.onmicrosoft.com', type: 'Managed' },
            { capabilities: 'Email', isDefault: true, isInitial: false, name: 'Contoso.co.jp', type: 'Managed' },
          ],
        },
      ],
    };
    expect(parseOrganization(JSON.stringify(body), 'organization.json')).toEqual({ countryLetterCode: 'JP', tenantId: 'eebd1b55-5360-4438-a11d-5c06918c3014', defaultDomain: 'contoso.co.jp' });
    const e = importError(() => parseOrganization('{"value":[{"id":"o","countryLetterCode":"US"}]}', 'organization.json'));
    expect(e).toMatchObject({ field: 'id', record: 1 });
    expect(e.message).toBe('organization.json: record 1: field id: "o" is not a tenant id (a GUID)');
  });
});

describe('Partner Center exports', () => {
  it('the documentation subscription list has a broken date: reported, not crashed', () => {
    const e = importError(() => parsePartnerCenterSubscriptions(read('partner-center/subscriptions.list.response.json'), 'subscriptions.list.response.json'));
    expect(e.code).toBe('INVALID_DATE');
    expect(e.record).toBe(1);
    expect(e.recordId).toBe('83ef9d05-4169-4ef9-9657-0e86b1eab1de');
    expect(e.field).toBe('creationDate');
    expect(e.message).toContain('"2015-11-25T06: 41: 12Z" is not an ISO 8601 date-time');
  });

  it('reads a corrected subscription list, the offer id from the offer link', () => {
    const text = read('partner-center/subscriptions.list.response.json').replace(/(\d{2}): (\d{2}): (\d{2})Z/g, '$1:$2:$3Z');
    const subs = parsePartnerCenterSubscriptions(text, 'subscriptions.list.response.json');
    expect(subs[0]).toMatchObject({ offerId: '0cca44d6-68e9-4762-94ee-31ece98783b9', quantity: 1, status: 'active', autoRenewEnabled: false, commitmentEndDate: '2016-12-12T08:00:00Z' });
  });

  it('reads offers and the customer country', () => {
    const offers = parseOffers(read('partner-center/offers.list.response.json'), 'offers.json');
    expect(offers).toEqual([expect.objectContaining({ productId: 'c52ea49f-fe5d-4e95-93ba-1de91d380f89', isAvailableForPurchase: true })]);
    const c = parsePartnerCenterCustomer(read('partner-center/customer.get.response.json'), 'customer.json');
    expect(c.country).toBe('US');
  });
});

describe('tolerance', () => {
  it('null collections read as empty (some exports write null for [])', () => {
    const users = parseUsers(
      JSON.stringify({ value: [{ id: 'u', userPrincipalName: null, assignedLicenses: null, licenseAssignmentStates: null }] }),
      'users.json',
    );
    expect(users).toEqual([{ id: 'u', userPrincipalName: 'u', licenses: [] }]);
    const skus = parseSubscribedSkus(
      JSON.stringify({ value: [{ skuId: 'C7DF2760-2C81-4EF7-B578-5B5392B571DF', servicePlans: null, subscriptionIds: null }] }),
      'subscribedSkus.json',
    );
    expect(skus[0]).toMatchObject({ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', servicePlans: [], subscriptionIds: [], consumedUnits: 0 });
    const subs = parseDirectorySubscriptions(
      JSON.stringify({ value: [{ id: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', ownerTenantId: ' ' }] }),
      'subscriptions.json',
    );
    expect(subs[0]!.ownerTenantId).toBeNull();
  });
});

describe('licenseDetails', () => {
  it('reads the documentation response: the user from @odata.context, disabled plans from provisioningStatus', () => {
    const text = read('graph/user.licenseDetails.list.response.json');
    const u = parseLicenseDetails(text, 'licenseDetails/x.json', 'cy@contoso.com');
    expect(u.id).toBe('48d31887-5fad-4d73-a9f5-3c356e68a038');
    expect(u.userPrincipalName).toBe('cy@contoso.com');
    expect(u.licenses.map((l) => [l.skuId, l.disabledPlans])).toEqual([
      ['c7df2760-2c81-4ef7-b578-5b5392b571df', []],
      ['725422ed-e205-400e-ab0a-3899d8a398ca', []],
    ]);
    const disabled = text.replace('"PendingProvisioning"', '"Disabled"');
    expect(parseLicenseDetails(disabled, 'd.json').licenses[0]!.disabledPlans).toEqual(['cd31b152-6326-4d1b-ae1b-997b625182e6']);
    expect(() => parseLicenseDetails('{"value": []}', 'd.json')).toThrow('d.json: field @odata.context: names no user, and no user name was given');
  });

  it('adds licenseDetails users that users.json does not have', () => {
    const inv = parseTenantExports({
      users: { text: JSON.stringify({ value: [{ id: '48d31887-5fad-4d73-a9f5-3c356e68a038', userPrincipalName: 'cy@contoso.com', assignedLicenses: [] }] }), file: 'users.json' },
      licenseDetails: [
        { text: read('graph/user.licenseDetails.list.response.json'), file: 'a.json', userName: 'cy@contoso.com' },
        { text: JSON.stringify({ value: [{ skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', servicePlans: [] }] }), file: 'b.json', userName: 'dee@contoso.com' },
      ],
    });
    expect(inv.users.map((u) => [u.userPrincipalName, u.licenses.length])).toEqual([
      ['cy@contoso.com', 0],
      ['dee@contoso.com', 1],
    ]);
  });
});
