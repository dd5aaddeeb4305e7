// The dashboard's verdicts, on both sides of each line: the 14-day window, trials, the ordered
// stage, the region, and the saved lines' risks judged with no users (Microsoft's licensing CSV and
// the Graph documentation's subscribedSkus example: ENTERPRISEPREMIUM, 25 seats, 14 in use).
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseTenantExports } from '../import/index';
import { DEADLINE_SOON_DAYS, deadlineSeverity, isStillMoving, regionVerdict, savedLineRisks } from './attention';
import { prepareCatalog } from './catalog';
import { readFixture } from '../../test/support/fixtures';

const read = readFixture;

describe('the deadline rule', () => {
  const facts = { isTrial: false, state: 'in-expired-window' as const, stage: 'invited' };

  it('needs attention from 14 days before the deadline, not 15', () => {
    expect(DEADLINE_SOON_DAYS).toBe(14);
    expect(deadlineSeverity({ ...facts, daysToDeadline: 15 })).toBeNull();
    expect(deadlineSeverity({ ...facts, daysToDeadline: 14 })).toBe('warning');
    expect(deadlineSeverity({ ...facts, daysToDeadline: -3, state: 'past-deadline' })).toBe('error');
  });

  it('leaves trials and customers whose CSP subscriptions are ordered alone', () => {
    expect(deadlineSeverity({ ...facts, daysToDeadline: 2, isTrial: true })).toBeNull();
    expect(deadlineSeverity({ ...facts, daysToDeadline: 2, stage: 'ordered' })).toBeNull();
    expect(deadlineSeverity({ ...facts, daysToDeadline: 2, stage: undefined })).toBe('warning');
  });
});

describe('the region verdict', () => {
  const moving = { country: 'US', stage: 'invited', hasTenant: true };

  it('stops a customer of another CSP region, and says nothing once the move is done', () => {
    expect(regionVerdict('JP', moving)).toEqual({
      severity: 'error',
      params: { reason: 'different-region', partnerCountry: 'JP', customerCountry: 'US', partnerRegion: 'japan', customerRegion: 'united-states' },
    });
    expect(regionVerdict('JP', { ...moving, country: 'JP' })).toBeNull();
    expect(isStillMoving('done')).toBe(false);
    expect(regionVerdict('JP', { ...moving, stage: 'done' })).toBeNull();
  });

  it('asks for the country only once a tenant is imported, and warns on a country outside the markets list', () => {
    expect(regionVerdict('JP', { ...moving, country: '', hasTenant: false })).toBeNull();
    expect(regionVerdict('JP', { ...moving, country: '' })).toEqual({ severity: 'warning', params: { reason: 'customer-country-unknown', partnerCountry: 'JP' } });
    expect(regionVerdict('JP', { ...moving, country: 'ZZ' })?.severity).toBe('warning');
  });
});

describe('the saved lines, judged without users', () => {
  const catalog = prepareCatalog(parseCatalogCsv(read('microsoft/Product names and service plan identifiers for licensing.csv'), 'licensing.csv'));
  const tenant = parseTenantExports({ subscribedSkus: { text: read('graph/subscribedSkus.list.response.json'), file: 'subscribedSkus.json' } });
  const inventory = { countryLetterCode: 'JP', skus: tenant.skus, subscriptions: null };
  const E5 = catalog.byPartNumber.get('ENTERPRISEPREMIUM')!.id;
  const E3 = catalog.byPartNumber.get('ENTERPRISEPACK')!.id;
  const line = (targetSkuId: string | null, quantity: number) => ({ id: 'saved-1', lineId: `sku:${E5}`, targetSkuId, quantity });

  it('says a target short of the 14 seats in use, and the services it loses', () => {
    const risks = savedLineRisks(inventory, 'partner', [line(E3, 10)], catalog, '2023-01-20');
    expect(risks.map((r) => [r.code, r.severity, r.line.id])).toEqual([
      ['DATA_LOSS_RISK', 'error', 'saved-1'],
      ['SEAT_SHORTFALL', 'error', 'saved-1'],
    ]);
    expect(risks[1]!.params).toMatchObject({ consumed: 14, targetQuantity: 10, shortfall: 4 });
  });

  it('has nothing to say of the same offer with every seat in use covered, nor of a line of an older import', () => {
    expect(savedLineRisks(inventory, 'partner', [line(E5, 14)], catalog, '2023-01-20')).toEqual([]);
    expect(savedLineRisks(inventory, 'partner', [{ ...line(E3, 10), lineId: 'sku:gone' }], catalog, '2023-01-20')).toEqual([]);
  });
});
