// The plan command on tenants that exercise every rule in force now (DOMAIN.md, December 2026):
// Graph-shaped exports built on the documentation's subscription record and the real licensing CSV,
// with the case facts given as options. A real child process, as scripts run it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../shared/domain/findings';
import { fixturesDir, LICENSING_CSV, OTHER_PARTNER, PARTNER, skuOf } from '../test/support/licensing';

const repoRoot = path.resolve(import.meta.dirname, '..');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

function run(args: string[]) {
  const r = spawnSync(tsx, [path.join(repoRoot, 'cli/plan.ts'), ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = Record<string, unknown>;
let root: string;
let tenant: string;
const id = (n: number) => `c0000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'plan-rules-'));
  tenant = path.join(root, 'tenant');
  mkdirSync(tenant);
  const docs = JSON.parse(readFileSync(path.join(fixturesDir, 'graph/directory.subscriptions.list.response.json'), 'utf8')) as { value: Json[] };
  const base = docs.value[0]!;
  const sub = (n: number, pn: string, owner: string | null, end: string, extra: Json = {}): Json => ({
    ...base,
    id: id(n),
    skuId: skuOf(pn).id,
    skuPartNumber: pn,
    ownerTenantId: owner,
    ownerType: owner ? 'Company' : null,
    nextLifecycleDateTime: `${end}T00:00:00Z`,
    totalLicenses: 2,
    ...extra,
  });
  const subs = [
    sub(1, 'ENTERPRISEPACK', OTHER_PARTNER, '2027-03-31'), // Teams pair (offer list), EST
    sub(2, 'O365_BUSINESS_PREMIUM', OTHER_PARTNER, '2027-03-31'), // transfer proposed
    sub(3, 'O365_BUSINESS_PREMIUM', OTHER_PARTNER, '2027-04-30'), // transfer requested
    sub(4, 'O365_BUSINESS_ESSENTIALS', OTHER_PARTNER, '2027-02-28'), // legacy: re-buy, 3-year term
    sub(5, 'O365_BUSINESS_ESSENTIALS', null, '2027-01-31'), // direct: Expired/Disabled/Deleted
    sub(6, 'SPB', null, '2026-12-10', { totalLicenses: 1 }), // ordered, inside the 7-day window; seat shortfall acknowledged
  ];
  writeFileSync(path.join(tenant, 'subscriptions.json'), JSON.stringify({ value: subs }));
  const user = (n: number, ...pns: string[]) => ({ id: `u${n}`, userPrincipalName: `user${n}@contoso.de`, assignedLicenses: pns.map((pn) => ({ skuId: skuOf(pn).id, disabledPlans: [] })) });
  writeFileSync(path.join(tenant, 'users.json'), JSON.stringify({ value: [user(1, 'ENTERPRISEPACK'), user(2, 'ENTERPRISEPACK'), user(3, 'SPB'), user(4, 'SPB')] }));
  writeFileSync(path.join(tenant, 'organization.json'), JSON.stringify({ value: [{ id: '3c9e7b21-58a4-4f0d-b6e2-7a1f9d3c5e80', countryLetterCode: 'DE' }] }));
  const available = ['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New', 'O365_BUSINESS_PREMIUM', 'O365_BUSINESS_ESSENTIALS', 'SPB'];
  writeFileSync(
    path.join(root, 'offers.json'),
    JSON.stringify({
      totalCount: available.length + 1,
      items: [...available.map((pn, i) => ({ id: `o${i}`, isAvailableForPurchase: true, product: { id: skuOf(pn).id } })), { id: 'ox', isAvailableForPurchase: false, product: { id: skuOf('ENTERPRISEPACK').id } }],
    }),
  );
  writeFileSync(
    path.join(root, 'overrides.json'),
    JSON.stringify({
      [id(3)]: { transferStatus: 'requested' },
      [id(4)]: { commerce: 'legacy', term: 'P3Y', billingFrequency: 'monthly' },
      [id(6)]: { orderedOn: '2026-12-03', term: 'P1M' },
    }),
  );
  writeFileSync(path.join(root, 'acks.json'), JSON.stringify([{ lineId: id(6), code: 'SEAT_SHORTFALL' }]));
});

const args = (extra: string[] = []) => [
  '--catalog', LICENSING_CSV, '--tenant', tenant, '--partner-tenant', PARTNER, '--partner-country', 'DE', '--as-of', '2026-12-06',
  '--offers', path.join(root, 'offers.json'), '--overrides', path.join(root, 'overrides.json'), '--acknowledged', path.join(root, 'acks.json'),
  '--billing-account', 'mca', ...extra,
];

describe('plan CLI on a tenant exercising the rules in force now', () => {
  it('reports every rule, each finding with its rule, date and source', () => {
    const r = run([...args(), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { lines: Json[]; users: Json[]; findings: Json[]; transferRequests: string[][] };
    const codes = new Set(plan.findings.map((f) => f.code));
    for (const c of [
      'END_OF_TERM_EST', 'DIRECT_END_OF_TERM', 'TRANSFER_PROPOSED', 'TRANSFER_NOT_POSSIBLE', 'TRANSFER_IN_PROGRESS', 'ORDER_CHECK_BY',
      'TERM_PREMIUM', 'THREE_YEAR_MINIMUM', 'TEAMS_PAIR', 'CUSTOMER_AGREEMENT_MISSING', 'SEAT_SHORTFALL',
    ]) expect(codes, c).toContain(c);
    for (const f of plan.findings) {
      expect(FINDING_CODES).toContain(f.code);
      expect(f.ruleId).toEqual(expect.any(String));
      expect(f.ruleSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(String(f.ruleSource).length).toBeGreaterThan(10);
      expect(f.message).not.toMatch(/let it expire|auto-renew off/i);
    }
    const byLine = (n: number) => plan.lines.find((l) => l.lineId === id(n))!;
    expect(byLine(1)).toMatchObject({ action: 'rebuy', expires: '2027-03-31', deadline: '2027-03-31', endOfTerm: { kind: 'est', activeBy: '2027-03-31' } });
    expect((byLine(1).orders as Json[]).map((o) => o.skuPartNumber)).toEqual(['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']);
    expect(byLine(3)).toMatchObject({ action: 'transfer', orders: [], transfer: { status: 'requested' } });
    expect(byLine(4)).toMatchObject({ transfer: { possible: false, blockers: ['not-new-commerce'] }, term: 'P3Y', billingFrequency: 'monthly' });
    expect(byLine(5)).toMatchObject({ endOfTerm: { kind: 'direct', disabledOn: '2027-03-02', deletedOn: '2027-05-31', billingAccount: 'mca' } });
    expect(byLine(6)).toMatchObject({ orderDate: '2026-12-03', checkBy: '2026-12-10', ordered: true });
    expect(plan.transferRequests).toEqual([[id(1), id(2)]]);
    expect(plan.users.find((u) => u.userPrincipalName === 'user1@contoso.de')).toMatchObject({ toAll: [['Office_365_E3_(no_Teams)', 'Microsoft_Teams_EEA_New']] });
    const shortfall = plan.findings.find((f) => f.code === 'SEAT_SHORTFALL')!;
    expect(shortfall).toMatchObject({ lineId: id(6), acknowledged: true });
  });

  it('with the agreement recorded the finding goes; the text report names each rule, in Japanese too', () => {
    const withAgreement = JSON.parse(run([...args(['--agreement-accepted-on', '2026-11-01']), '--format', 'json']).stdout) as { findings: Json[] };
    expect(withAgreement.findings.map((f) => f.code)).not.toContain('CUSTOMER_AGREEMENT_MISSING');
    const text = run(args()).stdout;
    expect(text).toContain('rule extended-service-term, since May 4, 2026: Partner Center, "Extended service terms (EST)"');
    expect(text).toContain('Office 365 E3 (ENTERPRISEPACK) [other partner] -> Office 365 E3 (no Teams) (Office_365_E3_(no_Teams)) + Microsoft Teams EEA (Microsoft_Teams_EEA_New)');
    // Each user's move by the products' names.
    expect(text).toContain('- user1@contoso.de: Office 365 E3 -> Office 365 E3 (no Teams) + Microsoft Teams EEA');
    const ja = run([...args(), '--lang', 'ja']).stdout;
    expect(ja).toContain('「期間終了時に取り消し」');
    expect(ja).toContain('ルール extended-service-term (2026年5月4日 から)');
  });

  it('an Enterprise Agreement customer without an offer list: the channel transfer, and the end of sale the engine knows', () => {
    const noOffers = args(['--billing-account', 'ea']).filter((a, i, all) => a !== '--offers' && all[i - 1] !== '--offers');
    const r = run([...noOffers, '--format', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { lines: Json[]; findings: Json[] };
    const ea = plan.findings.filter((f) => f.code === 'EA_CHANNEL_TRANSFER');
    expect(ea.map((f) => f.lineId)).toEqual([id(5), id(6)]);
    expect(ea[0]).toMatchObject({ ruleId: 'ea-channel-transfer' });
    const eos = plan.findings.find((f) => f.code === 'END_OF_SALE')!;
    expect(eos).toMatchObject({ lineId: id(1), severity: 'info', ruleId: 'teams-unbundling', ruleSince: '2024-04-01' });
    expect(eos.message).toContain("The partner's offer list would make this certain.");
  });

  it('exits 2 on a bad billing account, agreement date or overrides file', () => {
    expect(run(args(['--billing-account', 'cash'])).stderr).toContain('--billing-account must be one of unknown, mca, mosa, ea');
    expect(run(args(['--agreement-accepted-on', '2026-13-01'])).code).toBe(2);
    const bad = path.join(root, 'bad-overrides.json');
    writeFileSync(bad, JSON.stringify({ x: { term: 'P2Y' } }));
    const r = run([...args(), '--overrides', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan: bad-overrides\.json: at x\.term: /);
  });
});
