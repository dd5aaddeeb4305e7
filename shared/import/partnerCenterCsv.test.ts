// Partner Center's CSV lists, built in the layout fixtures/README.md documents (no public sample
// exists): UTF-8 with a BOM, CRLF line ends, quotes around a value holding a comma, and the
// documented columns in their order, with extra columns as a newer export may add.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BilingualImportError } from './adminCenterUsers';
import { importProblemIn } from './errors';
import { partnerCenterJsonKind, parsePartnerCenterCustomer, parsePartnerCenterSubscriptions, withPartnerCenterCustomer } from './partnerCenter';
import {
  PC_CUSTOMER_COLUMNS,
  PC_SUBSCRIPTION_COLUMNS,
  looksLikePartnerCenterCustomers,
  looksLikePartnerCenterSubscriptionsCsv,
  parsePartnerCenterCustomers,
  parsePartnerCenterSubscriptionsCsv,
  relationshipIsReseller,
} from './partnerCenterCsv';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const read = (p: string) => readFileSync(path.join(fixtures, p), 'utf8');

const BOM = '\uFEFF';
const csv = (lines: string[], sep = ',') => BOM + lines.map((l) => (sep === ',' ? l : l.replaceAll(',', sep))).join('\r\n') + '\r\n';

const A = 'eebd1b55-5360-4438-a11d-5c06918c3014';
const B = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
const C = '0cca44d6-68e9-4762-94ee-31ece98783b9';

function bilingual(f: () => unknown): BilingualImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof BilingualImportError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('Partner Center customer list (Customers > Export customers)', () => {
  const header = PC_CUSTOMER_COLUMNS.join(',');

  it('reads the documented columns, a quoted name with a comma, and ignores extra columns', () => {
    const text = csv([
      `${header},Tags`,
      `${A.toUpperCase()},"Contoso, Ltd.",Contoso.co.jp,Reseller,vip`,
      `${B},Fabrikam,fabrikam.onmicrosoft.com,Indirect reseller,`,
      `${C},Northwind,,None,`,
    ]);
    expect(looksLikePartnerCenterCustomers(text)).toBe(true);
    const r = parsePartnerCenterCustomers(text, 'Customers.csv');
    expect(r.customers).toEqual([
      { row: 2, tenantId: A, name: 'Contoso, Ltd.', domain: 'contoso.co.jp', relationship: 'Reseller' },
      { row: 3, tenantId: B, name: 'Fabrikam', domain: 'fabrikam.onmicrosoft.com', relationship: 'Indirect reseller' },
      { row: 4, tenantId: C, name: 'Northwind', domain: '', relationship: 'None' },
    ]);
    expect(r.duplicates).toEqual([]);
    expect(r.refused).toEqual([]);
    expect(r.customers.map((c) => relationshipIsReseller(c.relationship))).toEqual([true, true, false]);
  });

  it('keeps a tenant id once and lists its repeats; refuses a row without a tenant id or name, naming the row and column in both languages', () => {
    const r = parsePartnerCenterCustomers(
      csv([header, `${A},Contoso,contoso.com,Reseller`, `${A.toUpperCase()},Contoso again,contoso.com,Reseller`, `not-a-guid,Bad,bad.com,Reseller`, `${B},,b.com,Reseller`, `${C},Northwind,not a domain,Reseller`]),
      'Customers.csv',
    );
    expect(r.customers.map((c) => c.name)).toEqual(['Contoso']);
    expect(r.duplicates).toEqual([{ row: 3, firstRow: 2, tenantId: A, name: 'Contoso again' }]);
    expect(r.refused).toEqual([
      { row: 4, field: 'Microsoft ID', reason: 'NOT_A_TENANT_ID', params: { value: 'not-a-guid' } },
      { row: 5, field: 'Company name', reason: 'EMPTY_VALUE' },
      { row: 6, field: 'Primary domain name', reason: 'NOT_A_DOMAIN', params: { value: 'not a domain' } },
    ]);
    expect(r.refused.map((x) => ({ en: importProblemIn(x, 'en'), ja: importProblemIn(x, 'ja') }))).toEqual([
      { en: '"not-a-guid" is not a tenant id (a GUID)', ja: '「not-a-guid」はテナント ID (GUID) ではありません' },
      { en: 'is empty', ja: '値が空です' },
      { en: '"not a domain" is not a domain name', ja: '「not a domain」はドメイン名ではありません' },
    ]);
  });

  it('reads a file Excel saved again with ";" separators, and one without the Relationship column', () => {
    expect(parsePartnerCenterCustomers(csv([header, `${A},Contoso,contoso.com,Reseller`], ';'), 'Customers.csv').customers).toHaveLength(1);
    const short = parsePartnerCenterCustomers(csv(['Microsoft ID,Company name,Primary domain name', `${A},Contoso,contoso.com`]), 'Customers.csv');
    expect(short.customers[0]).toMatchObject({ tenantId: A, relationship: '' });
  });

  it('refuses a file without a needed column, naming the missing columns in both languages', () => {
    const e = bilingual(() => parsePartnerCenterCustomers(csv(['Company name,Relationship', 'Contoso,Reseller']), 'export.csv'));
    expect(e).toMatchObject({ code: 'INVALID_CSV', file: 'export.csv', row: 1, field: 'Microsoft ID' });
    expect(e.message).toBe('export.csv: row 1: column Microsoft ID: is not a Partner Center customer list (Customers > Export customers): missing columns Microsoft ID, Primary domain name');
    expect(e.messageJa).toBe('ファイル export.csv: 1 行目: 列「Microsoft ID」: パートナー センターの顧客一覧 (顧客 > 顧客のエクスポート)ではありません。足りない列: Microsoft ID, Primary domain name');
  });

  it('refuses UTF-16 read as text and an unclosed quote, in words', () => {
    expect(bilingual(() => parsePartnerCenterCustomers('M\u0000i\u0000c\u0000', 'Customers.csv')).message).toMatch(/^Customers\.csv: row 1: the file is not UTF-8 text as read/);
    const e = bilingual(() => parsePartnerCenterCustomers(csv([header, `${A},"Contoso,contoso.com,Reseller`]), 'Customers.csv'));
    expect(e.code).toBe('INVALID_CSV');
    expect(e.messageJa).toMatch(/^ファイル Customers\.csv: .*引用符が閉じていません/);
  });

  it('is not taken for the other lists, nor they for it', () => {
    const users = read('m365-admin-center/users_12_1_2026 9_30_12 AM.csv');
    expect(looksLikePartnerCenterCustomers(users)).toBe(false);
    expect(looksLikePartnerCenterSubscriptionsCsv(users)).toBe(false);
    expect(looksLikePartnerCenterSubscriptionsCsv(csv([PC_CUSTOMER_COLUMNS.join(',')]))).toBe(false);
    expect(looksLikePartnerCenterCustomers(csv([PC_SUBSCRIPTION_COLUMNS.join(',')]))).toBe(false);
  });
});

describe("a customer's subscriptions export", () => {
  const header = PC_SUBSCRIPTION_COLUMNS.join(',');

  it('reads the documented columns (a quantity with a thousands separator, a quoted reseller)', () => {
    const text = csv([header, `${A.toUpperCase()},Office 365 E3,"1,200",Active,"Reseller, Inc."`, `${B},Microsoft 365 Business Premium,25,Suspended,`]);
    expect(looksLikePartnerCenterSubscriptionsCsv(text)).toBe(true);
    expect(parsePartnerCenterSubscriptionsCsv(text, 'subscriptions.csv')).toEqual([
      { id: A, name: 'Office 365 E3', offerId: null, quantity: 1200, status: 'Active', commitmentEndDate: null, reseller: 'Reseller, Inc.' },
      { id: B, name: 'Microsoft 365 Business Premium', offerId: null, quantity: 25, status: 'Suspended', commitmentEndDate: null, reseller: '' },
    ]);
  });

  it('is all or nothing: a bad row refuses the file, naming the row and column in both languages', () => {
    const q = bilingual(() => parsePartnerCenterSubscriptionsCsv(csv([header, `${A},Office 365 E3,ten,Active,`]), 'subs.csv'));
    expect(q.message).toBe('subs.csv: row 2: column Quantity: "ten" is not a whole number of licenses');
    expect(q.messageJa).toBe('ファイル subs.csv: 2 行目: 列「Quantity」: 「ten」はライセンス数 (整数) ではありません');
    const twice = bilingual(() => parsePartnerCenterSubscriptionsCsv(csv([header, `${A},E3,1,Active,`, `${A},E3,1,Active,`]), 'subs.csv'));
    expect(twice.message).toBe(`subs.csv: row 3: column Subscription ID: ${A} is already on row 2`);
    const missing = bilingual(() => parsePartnerCenterSubscriptionsCsv(csv(['Subscription ID,Subscription,Status', `${A},E3,Active`]), 'subs.csv'));
    expect(missing.message).toMatch(/missing columns Quantity$/);
  });
});

describe('Partner Center JSON (the documentation examples as they are)', () => {
  it('recognises the customer and subscription bodies by their content', () => {
    expect(partnerCenterJsonKind(read('partner-center/customer.get.response.json'))).toBe('customer');
    expect(partnerCenterJsonKind(read('partner-center/subscriptions.list.response.json'))).toBe('subscriptions');
    expect(partnerCenterJsonKind(read('partner-center/subscription.get.response.json'))).toBe('subscriptions');
    expect(partnerCenterJsonKind(read('graph/directory.subscriptions.list.response.json'))).toBeNull();
    expect(partnerCenterJsonKind(read('partner-center/offers.list.response.json'))).toBeNull();
  });

  it('reads one subscription (GET .../subscriptions/{id}) as a list of one, and the customer with its domain', () => {
    const [s] = parsePartnerCenterSubscriptions(read('partner-center/subscription.get.response.json'), 'subscription.get.response.json');
    expect(s).toMatchObject({ id: 'a356ac8c-e310-44f4-bf85-c7f29044af99', offerId: 'ms-azr-0145p', name: 'Microsoft Azure', quantity: 1, status: 'active' });
    expect(parsePartnerCenterCustomer(read('partner-center/customer.get.response.json'), 'customer.get.response.json')).toEqual({
      id: 'eebd1b55-5360-4438-a11d-5c06918c3014',
      tenantId: 'eebd1b55-5360-4438-a11d-5c06918c3014',
      companyName: '1kl as kjk',
      domain: 'abcdefgh1234.ccsctp.net',
      country: 'US',
    });
  });

  it("fills a tenant import's tenant id, domain and country from the customer where Graph's organization said nothing", () => {
    const pc = parsePartnerCenterCustomer(read('partner-center/customer.get.response.json'), 'customer.get.response.json');
    const empty = { countryLetterCode: null, skus: [], subscriptions: null, users: [] };
    expect(withPartnerCenterCustomer(empty, pc)).toMatchObject({ tenantId: A, defaultDomain: 'abcdefgh1234.ccsctp.net', countryLetterCode: 'US' });
    expect(withPartnerCenterCustomer({ ...empty, countryLetterCode: 'JP', tenantId: B }, pc)).toMatchObject({ tenantId: B, countryLetterCode: 'JP' });
  });
});
