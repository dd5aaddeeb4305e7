// `npm run bench dashboard.first-render-10k` (DESIGN.md, "Budgets"): the real DashboardPage (with its
// i18n and Fluent providers) mounted in real Chromium on an on-disk profile over a workspace of
// 10,000 customers, from the mount to the first frame painted with every section showing data.
// Budget 300 ms, and 300 ms until the saved plans' checks are painted too (test/bench/budgets.ts). The saved plans' data-loss and seat checks read the heaviest rows (subscribedSkus
// with every service plan) and join "needs attention" in a second step (the section says it is
// still checking until then): `dashboard.first-render-10k.with-plan-checks` is the time until they
// are painted too, printed beside the budgeted figure. The workspace is built here with a fixed seed from Microsoft's real licensing
// catalog: every stage, invitations, plans and their lines (some losing services, some short of
// seats), imported tenants (subscribedSkus and directory/subscriptions) for a third of the
// customers, open and resolved conflicts. Every row is checked against the table's zod schema, then
// stored through the real Dexie database of the app, as a first pull stores it. Each run is a fresh
// page load; the first reads the tables whole (and stores the dashboard's snapshot of its biggest
// tables), each later one follows a teammate's changes pulled while the app was closed (20
// customers and a plan) and reads the snapshot and those rows. The figure is the median, the runs
// are printed on stderr. Needs `npm run build:renderer`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCatalogCsv } from '../../shared/import/index';
import { tables, type TableName } from '../../shared/workspace/tables';
import type { WriteTx } from '../../shared/mutators/define';
import { computeSummary } from '../../shared/mutators/summaries';
import { withBenchBrowser } from './chromium';
import { mulberry32 } from './prng';
import { budgetOf } from './budgets';
import type { BenchResult } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const CSV = path.resolve(root, '../shared/fixtures/microsoft/Product names and service plan identifiers for licensing.csv');
const CUSTOMERS = 10_000;
const RUNS = 5;
// BENCH_PORT: another port when several checkouts run benchmarks on one machine.
const PORT = Number(process.env.BENCH_PORT ?? 4193);
const NAME = 'dashboard.first-render-10k' as const;
/** Customers a teammate changed between two opens (pullChanges): 20, and one saved plan. */
const PULLED = 20;

const PARTNER_TENANT = '3b33e682-00c3-41ee-9dd2-a548adf56438';
const OTHER_PARTNER = '331af819-4e0b-49f7-a6bf-14e1165ad3a0';
/** Common Microsoft 365 SKUs of customers moving to CSP, and the targets a team would pick. */
const SOURCE_SKUS = ['ENTERPRISEPACK', 'ENTERPRISEPREMIUM', 'SPE_E3', 'O365_BUSINESS_PREMIUM', 'O365_BUSINESS_ESSENTIALS', 'SPB', 'EMS', 'POWER_BI_PRO', 'PROJECTPROFESSIONAL', 'VISIOCLIENT', 'EXCHANGESTANDARD', 'STANDARDPACK'];
const UPGRADE: Record<string, string> = { ENTERPRISEPACK: 'SPE_E3', O365_BUSINESS_PREMIUM: 'SPB', STANDARDPACK: 'ENTERPRISEPACK' };
const DOWNGRADE: Record<string, string> = { ENTERPRISEPREMIUM: 'ENTERPRISEPACK', SPE_E3: 'ENTERPRISEPACK', SPB: 'O365_BUSINESS_PREMIUM' };
const STAGES = [
  ['not-started', 0.25],
  ['invited', 0.15],
  ['accepted', 0.15],
  ['plan-ready', 0.15],
  ['ordered', 0.1],
  ['old-ended', 0.1],
  ['done', 0.1],
] as const;
const COUNTRIES = ['JP', 'JP', 'JP', 'JP', 'JP', 'JP', 'US', 'KR', ''];
const WORDS = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Alpine', 'Coho', 'Lucerne', 'Margie', 'Trey', 'Humongous', 'Wide World'];
const SUFFIXES = ['K.K.', 'Co., Ltd.', 'Inc.', 'Holdings', 'Trading', 'Systems', 'Logistics', 'Foods'];

const DAY = 86_400_000;
const hex = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const guid = (rand: () => number) => `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`;
/** UUIDv7-shaped ids (time ordered), as the app makes them. */
const uuid7 = (rand: () => number, ms: number) => {
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`;
};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type Workspace = { [K in TableName]?: unknown[] };

export async function workload(seed = 20261124, now = Date.now()): Promise<{ rows: Workspace; counts: Record<string, number> }> {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const catalog = parseCatalogCsv(readFileSync(CSV, 'utf8'), 'licensing.csv').skus;
  const byPart = new Map(catalog.map((s) => [s.partNumber.toUpperCase(), s]));
  const sku = (pn: string) => {
    const s = byPart.get(pn);
    if (!s) throw new Error(`${pn} is not in the licensing CSV`);
    return s;
  };
  const rows: Required<Workspace> = {
    partner: [{ id: 'partner', name: 'Fabrikam CSP', partnerTenantId: PARTNER_TENANT, country: 'JP', relationshipLink: '' }],
    customers: [],
    invitations: [],
    plans: [],
    planLines: [],
    activity: [],
    conflicts: [],
    catalogSkus: [],
    catalogState: [],
    transfers: [],
    findingAcks: [],
    catalogMarks: [],
    tenantSkus: [],
    tenantSubscriptions: [],
    tenantUsers: [],
    tenantUserChunks: [],
    imports: [],
    customerSummaries: [],
  };
  const at = new Date(now - 90 * DAY).toISOString();
  const catalogImport = uuid7(rand, now - 100 * DAY);
  rows.imports.push({ id: catalogImport, kind: 'catalog', customerId: null, status: 'committed', baseImportId: null, files: ['licensing.csv'], counts: { catalog: catalog.length }, received: { catalog: catalog.length }, changes: {}, by: 'Aiko Tanaka', at });
  rows.catalogState.push({ id: 'catalog', importId: catalogImport, hasOffers: false });
  for (const s of catalog) rows.catalogSkus.push({ id: `${catalogImport}:${s.id}`, importId: catalogImport, skuId: s.id, partNumber: s.partNumber, name: s.name, servicePlans: s.servicePlans, purchasable: true });

  const conflictable: { table: string; recordId: string; field: string }[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    let r = rand();
    let stage: string = STAGES[0][0];
    for (const [s, w] of STAGES) {
      if (r < w) {
        stage = s;
        break;
      }
      r -= w;
    }
    const rank = STAGES.findIndex(([s]) => s === stage);
    const id = uuid7(rand, now - (CUSTOMERS - i) * 60_000);
    const imported = rank >= 2 ? rand() < 0.5 : rank === 1 && rand() < 0.1;
    const importId = imported ? uuid7(rand, now - 30 * DAY) : null;
    const customer = {
      id,
      name: `${pick(WORDS)} ${pick(SUFFIXES)} ${String(i + 1).padStart(5, '0')}`,
      domain: `customer${i + 1}.onmicrosoft.com`,
      tenantId: guid(rand),
      country: pick(COUNTRIES),
      channel: pick(['direct', 'other-partner', 'unknown'] as const),
      stage,
      notes: '',
      createdAt: new Date(now - (CUSTOMERS - i) * 60_000).toISOString(),
      tenantImportId: importId,
    };
    rows.customers.push(customer);
    if (rank >= 1) {
      const inv = { id: uuid7(rand, now - 60 * DAY), customerId: id, delegatedAdmin: pick(['none', 'gdap'] as const), gdap: null, language: 'ja', link: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${PARTNER_TENANT}&msppId=0&DAP=false#/BillingAccounts/partner-invitation`, status: rank >= 2 ? 'accepted' : 'sent', sentAt: at, acceptedAt: rank >= 2 ? at : null, remindedAt: [] };
      rows.invitations.push({ ...inv, gdap: inv.delegatedAdmin === 'gdap' ? { roles: ['User Administrator', 'License Administrator'], durationDays: 730, approvalLink: '' } : null });
    }
    const subs: { subscriptionId: string; skuId: string; part: string; total: number; consumed: number }[] = [];
    if (importId) {
      const parts = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(SOURCE_SKUS)))];
      for (const part of parts) {
        const s = sku(part);
        const total = 5 + Math.floor(rand() * 300);
        const consumed = Math.floor(total * (0.6 + rand() * 0.4));
        const subscriptionId = guid(rand);
        subs.push({ subscriptionId, skuId: s.id, part, total, consumed });
        rows.tenantSkus.push({
          id: `${id}:${importId}:${s.id}`,
          customerId: id,
          importId,
          skuId: s.id,
          skuPartNumber: s.partNumber,
          capabilityStatus: 'Enabled',
          consumedUnits: consumed,
          prepaidUnits: { enabled: total, suspended: 0, warning: 0, lockedOut: 0 },
          subscriptionIds: [subscriptionId],
          servicePlans: s.servicePlans.map((p) => ({ servicePlanId: p.id, servicePlanName: p.name })),
        });
        // Term ends from two months ago to a year ahead; expired ones are in Graph's Warning state.
        const ends = now + Math.floor(-60 + rand() * 425) * DAY;
        const expired = ends < now;
        const owner = rand();
        rows.tenantSubscriptions.push({
          id: `${id}:${importId}:${subscriptionId}`,
          customerId: id,
          importId,
          subscriptionId,
          skuId: s.id,
          skuPartNumber: s.partNumber,
          status: expired ? 'Warning' : 'Enabled',
          totalLicenses: total,
          isTrial: rand() < 0.03,
          ownerTenantId: owner < 0.5 ? null : owner < 0.9 ? OTHER_PARTNER : PARTNER_TENANT,
          ownerType: owner < 0.5 ? null : 'Company',
          createdDateTime: new Date(ends - 365 * DAY).toISOString().replace('.000', ''),
          nextLifecycleDateTime: new Date(expired ? ends + 30 * DAY : ends).toISOString().replace('.000', ''),
          commerceSubscriptionId: guid(rand),
        });
      }
      rows.imports.push({ id: importId, kind: 'tenant', customerId: id, status: 'committed', baseImportId: null, files: ['subscribedSkus.json', 'subscriptions.json'], counts: { skus: subs.length, subscriptions: subs.length }, received: { skus: subs.length, subscriptions: subs.length }, changes: {}, by: 'Aiko Tanaka', at });
    }
    if (rank >= 3) {
      // Some customers were planned twice: only the newest plan counts.
      const planCount = rand() < 0.2 ? 2 : 1;
      for (let p = 0; p < planCount; p++) {
        const planId = uuid7(rand, now - (20 - p) * DAY);
        rows.plans.push({ id: planId, customerId: id, status: rank >= 4 ? 'ordered' : 'ready', asOf: isoDay(now - (20 - p) * DAY), approvedBy: rank >= 4 ? 'Ken Sato' : null });
        conflictable.push({ table: 'plans', recordId: planId, field: 'status' });
        for (const s of subs) {
          const roll = rand();
          const target = roll < 0.1 && DOWNGRADE[s.part] ? DOWNGRADE[s.part]! : roll < 0.3 && UPGRADE[s.part] ? UPGRADE[s.part]! : s.part;
          const lineId = uuid7(rand, now - 19 * DAY);
          rows.planLines.push({
            id: lineId,
            planId,
            customerId: id,
            sourceSkuId: s.skuId,
            sourceSubscriptionId: s.subscriptionId,
            targetSkuId: sku(target).id,
            quantity: rand() < 0.1 ? Math.max(0, s.consumed - 1 - Math.floor(rand() * 5)) : s.total,
            orderDate: null,
            decisionNote: target === s.part ? '' : 'Agreed with the customer',
          });
          conflictable.push({ table: 'planLines', recordId: lineId, field: 'quantity' });
        }
      }
    }
  }
  for (let i = 0; i < 100; i++) {
    const c = pick(conflictable);
    rows.conflicts.push({
      id: uuid7(rand, now - i * 3_600_000),
      table: c.table,
      recordId: c.recordId,
      field: c.field,
      current: { value: 10, by: 'Aiko Tanaka', version: 40 + i },
      proposed: { value: 12, by: 'Ken Sato', mutation: c.table === 'plans' ? 'plan.setStatus' : 'planLine.setTarget' },
      status: i % 2 === 0 ? 'open' : 'resolved',
      resolution: i % 2 === 0 ? null : 'kept-current',
      resolvedBy: i % 2 === 0 ? null : 'Aiko Tanaka',
    });
  }
  // The customers' summaries, as the mutators that wrote these rows would have left them: computed by
  // the mutators' own code (shared/mutators/summaries.ts) over the rows above.
  const read = indexedReadTx(rows);
  for (const c of rows.customers as { id: string }[]) {
    const summary = await computeSummary(read, c.id);
    if (summary) rows.customerSummaries.push(summary);
  }
  // Every row as the app would store it: a synthetic workspace that the schemas refuse proves nothing.
  for (const [table, list] of Object.entries(rows) as [TableName, unknown[]][]) {
    for (const row of list) tables[table].parse(row);
  }
  const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));
  return { rows, counts };
}

/** A read-only transaction over plain rows, indexed by each field it is queried by (as both storages are). */
function indexedReadTx(rows: Workspace): Pick<WriteTx, 'get' | 'query'> {
  const byId = new Map<string, Map<string, unknown>>();
  const byField = new Map<string, Map<string, unknown[]>>();
  const list = (table: TableName) => (rows[table] ?? []) as Record<string, unknown>[];
  return {
    get: async (table, id) => {
      let index = byId.get(table);
      if (!index) byId.set(table, (index = new Map(list(table).map((r) => [r.id as string, r]))));
      return index.get(id) as never;
    },
    query: async (table, field, value) => {
      const key = `${table}.${field}`;
      let index = byField.get(key);
      if (!index) {
        index = new Map();
        for (const r of list(table)) {
          const v = String(r[field]);
          const at = index.get(v);
          if (at) at.push(r);
          else index.set(v, [r]);
        }
        byField.set(key, index);
      }
      return (index.get(value) ?? []) as never;
    },
  };
}

type Bench = {
  seed(rows: Workspace): Promise<Record<string, number>>;
  pullChanges(count: number, version: number): Promise<number>;
  firstRender(): Promise<{ ms: number; dataMs: number; planChecksMs: number; maxGap: number; attention: number; timeline: number; stages: number[] }>;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function run(filter?: string): Promise<BenchResult[]> {
  if (filter && !NAME.startsWith(filter) && !filter.startsWith(NAME)) return [];
  const { rows, counts } = await workload();
  // BENCH_DASHBOARD_WITHOUT_SUMMARIES=1: the first open of a workspace from before summaries (or
  // after a new catalog): every planned customer is recomputed in the dashboard worker.
  if (process.env.BENCH_DASHBOARD_WITHOUT_SUMMARIES === '1') rows.customerSummaries = [];
  console.error(`${NAME}: workspace ${JSON.stringify(counts)}`);
  return withBenchBrowser('bench/dashboard.html', PORT, async ({ context, url }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`${NAME}: page error: ${e.message}`));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    const stored = await page.evaluate(async (r) => (window as unknown as { __bench: Bench }).__bench.seed(r), rows);
    if (stored.customers !== CUSTOMERS) throw new Error(`stored ${stored.customers} customers, expected ${CUSTOMERS}`);
    const times: number[] = [];
    const planTimes: number[] = [];
    const gaps: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page each time: the first render a person sees when they open the app. Before
      // each but the first (which reads the seeded tables whole and stores the dashboard's
      // snapshot), a teammate's changes pulled while the app was closed: the open reads them in.
      if (i > 0) {
        const pulled = await page.evaluate(async ([n, v]) => (window as unknown as { __bench: Bench }).__bench.pullChanges(n, v), [PULLED, 1000 + i] as const);
        if (pulled !== PULLED + 1) throw new Error(`pulled ${pulled} rows, expected ${PULLED + 1}`);
      }
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      const r = await page.evaluate(async () => (window as unknown as { __bench: Bench }).__bench.firstRender());
      if (r.stages.reduce((a, b) => a + b, 0) !== CUSTOMERS) throw new Error(`the stages count ${r.stages.join('+')}, expected ${CUSTOMERS}`);
      console.error(
        `${NAME}: run ${i + 1}: ${Math.round(r.ms)} ms (in the DOM at ${Math.round(r.dataMs)} ms), plan checks in at ${Math.round(r.planChecksMs)} ms, longest main-thread gap ${Math.round(r.maxGap)} ms; stages ${r.stages.join('/')}, attention ${r.attention}, timeline ${r.timeline}`,
      );
      times.push(r.ms);
      planTimes.push(r.planChecksMs);
      gaps.push(r.maxGap);
    }
    return [
      { bench: NAME, value: Math.round(median(times)), unit: 'ms', ...budgetOf(NAME) },
      { bench: `${NAME}.with-plan-checks`, value: Math.round(median(planTimes)), unit: 'ms', ...budgetOf(`${NAME}.with-plan-checks`) },
      { bench: `${NAME}.main-thread-max-gap`, value: Math.round(median(gaps)), unit: 'ms', ...budgetOf(`${NAME}.main-thread-max-gap`) },
    ];
  });
}
