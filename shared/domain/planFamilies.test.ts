import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from '../import/catalogCsv';
import { prepareSku } from './catalog';
import { compareServices } from './matching';
import { FAMILY_OVERRIDES, NO_USER_DATA_PLANS, planFamily } from './planFamilies';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const data = parseCatalogCsv(readFileSync(path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv'), 'utf8'), 'licensing.csv');
const planNames = new Set(data.skus.flatMap((s) => s.servicePlans.map((p) => p.name.toUpperCase())));

describe('plan families', () => {
  it('tiers of one service share a family and rank upward', () => {
    const ladder = (names: string[]) => names.map((n) => planFamily(n));
    for (const names of [
      ['FORMS_PLAN_K', 'FORMS_PLAN_E1', 'FORMS_PLAN_E3', 'FORMS_PLAN_E5'],
      ['FLOW_O365_P1', 'FLOW_O365_P2', 'FLOW_O365_P3'],
      ['EXCHANGE_S_FOUNDATION', 'EXCHANGE_S_DESKLESS', 'EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE'],
      ['SHAREPOINTDESKLESS', 'SHAREPOINTSTANDARD', 'SHAREPOINTENTERPRISE'],
      ['WHITEBOARD_PLAN1', 'WHITEBOARD_PLAN2', 'WHITEBOARD_PLAN3'],
      ['BPOS_S_TODO_1', 'BPOS_S_TODO_2', 'BPOS_S_TODO_3'],
      ['RMS_S_BASIC', 'RMS_S_ENTERPRISE', 'RMS_S_PREMIUM', 'RMS_S_PREMIUM2'],
      ['AAD_BASIC', 'AAD_SMB', 'AAD_PREMIUM', 'AAD_PREMIUM_P2'],
      ['OFFICE_BUSINESS', 'OFFICESUBSCRIPTION'],
    ]) {
      const fams = ladder(names);
      expect(new Set(fams.map((f) => f.family)).size, names.join()).toBe(1);
      for (let i = 1; i < fams.length; i++) expect(fams[i]!.tier, names[i]).toBeGreaterThan(fams[i - 1]!.tier);
      for (const n of names) expect(planNames, `${n} is in the CSV`).toContain(n);
    }
  });

  it('is case-insensitive (the CSV has Deskless and DESKLESS) and keeps untiered names whole', () => {
    expect(planFamily('Deskless')).toEqual(planFamily('DESKLESS'));
    expect(planFamily('Deskless').family).toBe('DESKLESS');
    expect(planFamily('TEAMS1').family).toBe('TEAMS');
    expect(planFamily('EXCHANGE_S_ARCHIVE_ADDON').family).toBe('EXCHANGE_S_ARCHIVE_ADDON');
    // A Cloud PC size is not a tier.
    expect(planFamily('CPC_1')).not.toEqual(planFamily('CPC_2'));
  });

  it('every hand-listed override names a plan that exists in the licensing CSV', () => {
    const missing = Object.keys(FAMILY_OVERRIDES).filter((n) => !planNames.has(n));
    expect(missing).toEqual([]);
  });

  it('derives families that actually group several plans of the CSV', () => {
    const groups = new Map<string, Set<string>>();
    for (const n of planNames) {
      const f = planFamily(n).family;
      groups.set(f, (groups.get(f) ?? new Set()).add(n));
    }
    const multi = [...groups].filter(([, s]) => s.size > 1).map(([f]) => f);
    expect(multi).toEqual(expect.arrayContaining(['FORMS_PLAN', 'FLOW_O365', 'POWERAPPS_O365', 'STREAM_O365', 'PROJECT_O365', 'EXCHANGE_S', 'SHAREPOINT', 'AAD', 'INTUNE']));
    // No family swallows unrelated services: the largest family stays small.
    expect(Math.max(...[...groups.values()].map((s) => s.size))).toBeLessThanOrEqual(6);
  });
});

describe('foundation plans', () => {
  const sku = (id: string, names: string[]) =>
    prepareSku({ id, partNumber: id, name: id, servicePlans: names.map((n, i) => ({ id: `${id}-${i}`, name: n, friendlyName: n, retired: false })) }, true, false);

  it('Exchange Foundation is kept by any Exchange Online plan, but never stands in for one', () => {
    const sds = sku('sds', ['EXCHANGE_S_FOUNDATION', 'SCHOOL_DATA_SYNC_P2']);
    const withExchange = sku('e', ['EXCHANGE_S_ENTERPRISE', 'SCHOOL_DATA_SYNC_P2']);
    expect(compareServices(sds, withExchange).lost).toEqual([]);
    const mailbox = sku('m', ['EXCHANGE_S_STANDARD']);
    const foundationOnly = sku('f', ['EXCHANGE_S_FOUNDATION']);
    expect(compareServices(mailbox, foundationOnly).lost.map((p) => p.name)).toEqual(['EXCHANGE_S_STANDARD']);
    expect(compareServices(sds, sku('p1', ['EXCHANGE_S_FOUNDATION', 'SCHOOL_DATA_SYNC_P1'])).lost.map((p) => p.name)).toEqual(['SCHOOL_DATA_SYNC_P2']);
    // A target without any Exchange plan: the foundation holds no user data, so nothing is lost.
    expect(compareServices(sds, sku('sds-only', ['SCHOOL_DATA_SYNC_P2'])).lost).toEqual([]);
    for (const name of NO_USER_DATA_PLANS) expect(planNames, name).toContain(name);
  });
});
