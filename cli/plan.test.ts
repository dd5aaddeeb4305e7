import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../shared/domain/findings';

const repoRoot = path.resolve(import.meta.dirname, '..');
const fixtures = path.resolve(repoRoot, '../shared/fixtures');
const CSV = path.join(fixtures, 'microsoft/Product names and service plan identifiers for licensing.csv');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const PARTNER = '11111111-2222-3333-4444-555555555555';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const E4 = '1392051d-0cb9-4b7a-88d5-621fee5e8711';

function run(args: string[]) {
  const r = spawnSync(tsx, [path.join(repoRoot, 'cli/plan.ts'), ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tenant: string;
let badTenant: string;
beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'plan-cli-'));
  tenant = path.join(root, 'tenant');
  mkdirSync(tenant);
  copyFileSync(path.join(fixtures, 'graph/subscribedSkus.list.response.json'), path.join(tenant, 'subscribedSkus.json'));
  // The documentation's subscription, plus two of our own making: Office 365 E3 bought directly
  // and Office 365 E4 from another partner.
  const docs = JSON.parse(readFileSync(path.join(fixtures, 'graph/directory.subscriptions.list.response.json'), 'utf8')) as {
    value: Record<string, unknown>[];
  };
  const base = docs.value[0]!;
  docs.value.push(
    { ...base, id: 'b0000000-0000-0000-0000-000000000001', skuId: E3.toUpperCase(), skuPartNumber: 'ENTERPRISEPACK', ownerTenantId: null, totalLicenses: 10, nextLifecycleDateTime: '2023-03-01T00:00:00Z' },
    { ...base, id: 'b0000000-0000-0000-0000-000000000002', skuId: E4, skuPartNumber: 'ENTERPRISEWITHSCAL', ownerTenantId: '99999999-0000-0000-0000-000000000000', totalLicenses: 5 },
  );
  writeFileSync(path.join(tenant, 'subscriptions.json'), JSON.stringify(docs));
  writeFileSync(
    path.join(tenant, 'users.json'),
    JSON.stringify({
      value: [
        { id: 'u1', userPrincipalName: 'ann@contoso.jp', assignedLicenses: [{ skuId: E4, disabledPlans: [] }] },
        { id: 'u2', userPrincipalName: 'bob@contoso.jp', assignedLicenses: [{ skuId: E3, disabledPlans: [] }], licenseAssignmentStates: [{ skuId: E3, disabledPlans: [], assignedByGroup: 'g1', state: 'Active', error: 'None' }] },
      ],
    }),
  );
  writeFileSync(path.join(tenant, 'organization.json'), JSON.stringify({ value: [{ id: '6a2f0c1e-4b7d-4e2a-9f3c-1d5e8b7a0c42', countryLetterCode: 'JP' }] }));
  // A third user known only by the documentation's licenseDetails response (Office 365 E5 and
  // School Data Sync Plan 2).
  mkdirSync(path.join(tenant, 'licenseDetails'));
  copyFileSync(path.join(fixtures, 'graph/user.licenseDetails.list.response.json'), path.join(tenant, 'licenseDetails/cy@contoso.jp.json'));
  // E3 on offer, E4 not: E4 gets an equivalent.
  writeFileSync(
    path.join(root, 'offers.json'),
    JSON.stringify({ totalCount: 2, items: [{ id: 'o1', isAvailableForPurchase: true, product: { id: E3.toUpperCase() } }, { id: 'o2', isAvailableForPurchase: false, product: { id: E4 } }] }),
  );
  badTenant = path.join(root, 'bad');
  mkdirSync(badTenant);
  const bad = structuredClone(docs);
  (bad.value[1] as Record<string, unknown>).nextLifecycleDateTime = '2015-11-25T06: 41: 12Z';
  writeFileSync(path.join(badTenant, 'subscriptions.json'), JSON.stringify(bad));
});

const base = () => ['--catalog', CSV, '--tenant', tenant, '--partner-tenant', PARTNER, '--partner-country', 'JP', '--as-of', '2023-01-15'];

describe('plan CLI (a real child process)', () => {
  it('prints the JSON plan and exits 0', () => {
    const r = run([...base(), '--format', 'json', '--offers', path.join(path.dirname(tenant), 'offers.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.customer).toEqual({ country: 'JP', region: 'japan' });
    expect(plan.lines.map((l: { sourceSkuPartNumber: string; channel: string; match: { kind: string } }) => [l.sourceSkuPartNumber, l.channel, l.match.kind])).toEqual([
      ['MyPartNumber', 'other-partner', 'none'],
      ['ENTERPRISEPACK', 'direct', 'same'],
      ['ENTERPRISEWITHSCAL', 'other-partner', 'equivalent'],
      // Office 365 E3 would keep less than half of E5's services: not proposed on its own.
      ['ENTERPRISEPREMIUM', 'unknown', 'none'],
      ['CRMSTANDARD', 'unknown', 'none'],
    ]);
    const e4 = plan.lines[2];
    // No subscribedSkus record for E4: its consumed seats are counted from users.json.
    expect(e4).toMatchObject({ sourceSkuId: E4, quantity: 5, consumed: 1, expires: '2023-02-01', usersToReassign: 1 });
    expect(e4.match).toMatchObject({ targetSkuId: E3, targetSkuPartNumber: 'ENTERPRISEPACK' });
    expect(e4.match.lostServicePlans).toEqual([{ servicePlanId: expect.any(String), servicePlanName: 'MCOVOICECONF', friendlyName: 'SKYPE FOR BUSINESS ONLINE (PLAN 3)' }]);
    expect(Array.isArray(e4.match.gainedServicePlans)).toBe(true);
    expect(plan.users).toEqual([
      {
        userPrincipalName: 'ann@contoso.jp',
        from: ['ENTERPRISEWITHSCAL'],
        to: ['ENTERPRISEPACK'],
        lostServicePlans: [expect.objectContaining({ servicePlanName: 'MCOVOICECONF' })],
        viaGroup: false,
        groups: [],
        toAll: [['ENTERPRISEPACK']],
      },
      // Office 365 E5 has no target on this offer list: listed, nothing to compare yet.
      { userPrincipalName: 'cy@contoso.jp', from: ['ENTERPRISEPREMIUM'], to: [''], lostServicePlans: [], viaGroup: false, groups: [], toAll: [[]] },
    ]);
    // The documented shape, key for key (cli/README.md): a change here is a breaking change.
    expect(Object.keys(plan)).toEqual(['version', 'asOf', 'customer', 'lines', 'users', 'findings', 'transferRequests']);
    for (const l of plan.lines) {
      expect(Object.keys(l)).toEqual([
        'lineId', 'subscriptionId', 'sourceSkuId', 'sourceSkuPartNumber', 'channel', 'status', 'isTrial',
        'quantity', 'targetQuantity', 'consumed', 'expires', 'deadline', 'match', 'usersToReassign',
        // Added with the rules in force now (cli/README.md).
        'action', 'endOfTerm', 'transfer', 'orders', 'orderDate', 'ordered', 'checkBy', 'term', 'billingFrequency', 'retirement',
      ]);
      expect(Object.keys(l.match)).toEqual(['kind', 'targetSkuId', 'targetSkuPartNumber', 'lostServicePlans', 'gainedServicePlans', 'changedServicePlans', 'extraTargets']);
      for (const c of l.match.changedServicePlans) expect(Object.keys(c)).toEqual(['from', 'to']);
      for (const p of [...l.match.lostServicePlans, ...l.match.gainedServicePlans]) expect(Object.keys(p)).toEqual(['servicePlanId', 'servicePlanName', 'friendlyName']);
    }
    for (const u of plan.users) expect(Object.keys(u)).toEqual(['userPrincipalName', 'from', 'to', 'lostServicePlans', 'viaGroup', 'groups', 'toAll']);
    for (const f of plan.findings) {
      expect(Object.keys(f).filter((k) => !['skuPartNumber', 'lineId'].includes(k))).toEqual(['code', 'severity', 'message', 'ruleId', 'ruleSince', 'ruleSource', 'ruleUrl', 'acknowledged']);
      expect(FINDING_CODES).toContain(f.code);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.message).toBe('string');
    }
    const found = new Set(plan.findings.map((f: { code: string }) => f.code));
    for (const c of ['UNKNOWN_SKU', 'NOT_PURCHASABLE', 'DATA_LOSS_RISK', 'LICENSE_REASSIGNMENT_REQUIRED', 'EXPIRY_DEADLINE', 'CANCEL_NO_REFUND', 'DIRECT_PURCHASE_CREDIT']) {
      expect(found).toContain(c);
    }
  });

  it('prints a readable report, in Japanese with --lang ja', () => {
    const en = run(base());
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('CSP migration plan (as of Jan 15, 2023)');
    expect(en.stdout).toContain('expires Mar 1, 2023, provision by Mar 31, 2023');
    // Products by their catalog names, the part number beside.
    expect(en.stdout).toContain('- Office 365 E3 (ENTERPRISEPACK) [direct (Microsoft)] -> Office 365 E3 (ENTERPRISEPACK) (same offer)');
    // A line left without a target lists the closest candidates.
    const offers = run([...base(), '--offers', path.join(path.dirname(tenant), 'offers.json')]);
    expect(offers.stdout).toMatch(/- Office 365 E5 \(ENTERPRISEPREMIUM\) \[channel unknown\] -> - \(no target\)\n.*\n {4}candidates: Office 365 E3 \(ENTERPRISEPACK\) \(loses \d+\)/);
    const ja = run([...base(), '--lang', 'ja', '--partner-country', 'US']);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain('CSP 移行計画');
    expect(ja.stdout).toContain('REGION_MISMATCH: パートナー (US、リージョン 米国) と顧客 (JP、リージョン 日本) の CSP リージョンが異なります');
  });

  it('exits 2 with the file, record and field on stderr for a bad date', () => {
    const r = run(['--catalog', CSV, '--tenant', badTenant, '--partner-tenant', PARTNER, '--partner-country', 'JP', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'subscriptions.json: record 2 (id b0000000-0000-0000-0000-000000000001): field nextLifecycleDateTime: "2015-11-25T06: 41: 12Z" is not an ISO 8601 date-time',
    );
  });

  it('says the bad date in Japanese with --lang ja, and reads a tenant folder written by Windows PowerShell (UTF-16)', () => {
    const ja = run(['--catalog', CSV, '--tenant', badTenant, '--partner-tenant', PARTNER, '--partner-country', 'JP', '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('plan: ファイル subscriptions.json: 2 件目のレコード (id b0000000-0000-0000-0000-000000000001): フィールド「nextLifecycleDateTime」: 「2015-11-25T06: 41: 12Z」 は ISO 8601 の日時ではありません');
    const utf16 = mkdtempSync(path.join(tmpdir(), 'plan-cli-utf16-'));
    for (const name of readdirSync(tenant).filter((f) => f.endsWith('.json'))) {
      writeFileSync(path.join(utf16, name), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path.join(tenant, name), 'utf8'), 'utf16le')]));
    }
    const fromUtf16 = run(['--catalog', CSV, '--tenant', utf16, '--partner-tenant', PARTNER, '--partner-country', 'JP', '--format', 'json', '--as-of', '2025-01-10']);
    const fromUtf8 = run(['--catalog', CSV, '--tenant', tenant, '--partner-tenant', PARTNER, '--partner-country', 'JP', '--format', 'json', '--as-of', '2025-01-10']);
    expect(fromUtf16.code).toBe(0);
    expect(fromUtf16.stdout).toBe(fromUtf8.stdout);
  });

  it('exits 2 on bad arguments and unreadable input', () => {
    expect(run([...base(), '--format', 'xml']).code).toBe(2);
    expect(run(base().filter((a) => a !== '--partner-tenant' && a !== PARTNER)).stderr).toContain('--partner-tenant is required');
    expect(run([...base(), '--partner-tenant', 'not-a-guid']).code).toBe(2);
    const noCsv = run([...base(), '--catalog', path.join(tenant, 'missing.csv')]);
    expect(noCsv.code).toBe(2);
    expect(noCsv.stderr).toContain('missing.csv: cannot read');
    const notCsv = run([...base(), '--catalog', path.join(tenant, 'users.json')]);
    expect(notCsv.code).toBe(2);
    expect(notCsv.stderr).toMatch(/^plan: users\.json: row 1: /);
  });
});
