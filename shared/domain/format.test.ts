import { describe, expect, it } from 'vitest';
import { prepareCatalog } from './catalog';
import {
  catalogProductNames,
  formatCount,
  formatCountOf,
  formatDateTime,
  formatDay,
  productLabel,
  productName,
  productNamesJoined,
  productNamesOf,
  productWithPartNumber,
  nameWithPartNumber,
  shortId,
  tenantName,
  tenantNamesOf,
} from './format';

const E4 = { id: '1392051D-0CB9-4B7A-88D5-621FEE5E8711', partNumber: 'ENTERPRISEWITHSCAL', name: 'Office 365 E4', servicePlans: [] };
const E3 = { id: '6fd2c87f-b296-42f0-b197-1e91e994b900', partNumber: 'ENTERPRISEPACK', name: 'Office 365 E3', servicePlans: [] };

describe('products', () => {
  const names = productNamesOf([E4, { skuId: E3.id, partNumber: E3.partNumber, name: E3.name }]);

  it('names a product by its catalog name from its SKU id, in any case', () => {
    expect(productName(names, { skuId: E4.id.toLowerCase() })).toBe('Office 365 E4');
    expect(productName(names, { skuId: E3.id.toUpperCase(), partNumber: 'ENTERPRISEPACK' })).toBe('Office 365 E3');
  });

  it('names a product from its part number alone', () => {
    expect(productName(names, { partNumber: 'enterprisewithscal' })).toBe('Office 365 E4');
    // One string that may be either: a part number held where an id would be.
    expect(productName(names, { skuId: 'ENTERPRISEWITHSCAL' })).toBe('Office 365 E4');
  });

  it('an unknown SKU falls back to its part number, then to its id', () => {
    expect(productName(names, { skuId: '00000000-0000-0000-0000-000000000001', partNumber: 'NEW_SKU_2027' })).toBe('NEW_SKU_2027');
    expect(productName(names, { skuId: '00000000-0000-0000-0000-000000000001' })).toBe('00000000-0000-0000-0000-000000000001');
    expect(productName(null, { partNumber: 'SPE_E3' })).toBe('SPE_E3');
  });

  it('keeps the part number as the secondary detail, not twice', () => {
    expect(productLabel(names, { skuId: E4.id, partNumber: 'ENTERPRISEWITHSCAL' })).toEqual({ name: 'Office 365 E4', partNumber: 'ENTERPRISEWITHSCAL' });
    expect(productLabel(names, { partNumber: 'NEW_SKU_2027' })).toEqual({ name: 'NEW_SKU_2027', partNumber: null });
    expect(productWithPartNumber(names, { skuId: E4.id, partNumber: 'ENTERPRISEWITHSCAL' })).toBe('Office 365 E4 (ENTERPRISEWITHSCAL)');
    expect(productWithPartNumber(names, { partNumber: 'NEW_SKU_2027' })).toBe('NEW_SKU_2027');
    expect(nameWithPartNumber('Office 365 E4', 'ENTERPRISEWITHSCAL')).toBe('Office 365 E4 (ENTERPRISEWITHSCAL)');
    expect(nameWithPartNumber('NEW_SKU_2027', 'NEW_SKU_2027')).toBe('NEW_SKU_2027');
  });

  it('reads the prepared catalog the engine plans with, and joins a pair with " + "', () => {
    const catalog = catalogProductNames(prepareCatalog({ skus: [E4, E3] }));
    expect(productName(catalog, { skuId: E4.id })).toBe('Office 365 E4');
    expect(productName(catalog, { partNumber: 'ENTERPRISEPACK' })).toBe('Office 365 E3');
    expect(productNamesJoined(catalog, [{ skuId: E3.id }, { partNumber: 'UNKNOWN_TEAMS' }])).toBe('Office 365 E3 + UNKNOWN_TEAMS');
  });
});

describe('numbers', () => {
  it('groups digits per language', () => {
    expect(formatCount(10000, 'en')).toBe('10,000');
    expect(formatCount(10000, 'ja')).toBe('10,000');
    expect(formatCount(72, 'en')).toBe('72');
  });

  it('writes every count as Intl does, the short way for small whole numbers included', () => {
    const en = new Intl.NumberFormat('en');
    const ja = new Intl.NumberFormat('ja');
    const plural = new Intl.PluralRules('en');
    for (const n of [...Array.from({ length: 1200 }, (_, i) => i), 1.5, -1, -3, 999.5, 12345, 1e7]) {
      expect(formatCount(n, 'en')).toBe(en.format(n));
      expect(formatCount(n, 'ja')).toBe(ja.format(n));
      expect(formatCountOf(n, 'user', 'en')).toBe(`${en.format(n)} ${plural.select(n) === 'one' ? 'user' : 'users'}`);
    }
  });

  it('counts words in the right plural in English, with a counter in Japanese', () => {
    expect(formatCountOf(1, 'sku', 'en')).toBe('1 SKU');
    expect(formatCountOf(2, 'sku', 'en')).toBe('2 SKUs');
    expect(formatCountOf(0, 'user', 'en')).toBe('0 users');
    expect(formatCountOf(10000, 'user', 'en')).toBe('10,000 users');
    expect(formatCountOf(1, 'subscription', 'en')).toBe('1 subscription');
    expect(formatCountOf(1, 'sku', 'ja')).toBe('1 SKU');
    expect(formatCountOf(2, 'user', 'ja')).toBe('2 ユーザー');
    expect(formatCountOf(10000, 'customer', 'ja')).toBe('10,000 顧客');
    expect(formatCountOf(1, 'planLine', 'en')).toBe('1 plan line');
    expect(formatCountOf(1200, 'planLine', 'en')).toBe('1,200 plan lines');
    expect(formatCountOf(3, 'planLine', 'ja')).toBe('3 件の計画明細');
    expect(formatCountOf(1, 'service', 'en')).toBe('1 service');
    expect(formatCountOf(2, 'licenseChange', 'en')).toBe('2 license changes');
  });
});

describe('dates', () => {
  it('writes a calendar day as the language does, never the day before', () => {
    expect(formatDay('2026-07-01', 'en')).toBe('Jul 1, 2026');
    expect(formatDay('2026-07-01', 'ja')).toBe('2026年7月1日');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });

  it('writes an instant with its time', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'en')).toMatch(/Jul 1, 2026/);
    expect(formatDateTime('2026-07-01T12:00:00Z', 'ja')).toMatch(/2026\/07\/01/);
    expect(formatDateTime('garbage', 'ja')).toBe('garbage');
  });
});

describe('tenants', () => {
  const partner = 'B1C2D3E4-0000-4000-8000-000000000001';
  const names = tenantNamesOf([
    [partner, 'Contoso Partner KK'],
    [null, 'no id'],
    ['c0ffee00-0000-4000-8000-000000000002', ''],
  ]);

  it('names a known tenant whatever the case of its GUID', () => {
    expect(tenantName(names, partner.toLowerCase(), 'en')).toBe('Contoso Partner KK');
    expect(tenantName(names, partner, 'ja')).toBe('Contoso Partner KK');
  });

  it('says "another partner" with the short id for a tenant it does not know', () => {
    expect(tenantName(names, 'c0ffee00-0000-4000-8000-000000000002', 'en')).toBe('another partner (c0ffee00…)');
    expect(tenantName(names, 'c0ffee00-0000-4000-8000-000000000002', 'ja')).toBe('他のパートナー (c0ffee00…)');
    expect(tenantName(null, null, 'en')).toBe('unknown');
    expect(shortId('abc')).toBe('abc');
  });
});
