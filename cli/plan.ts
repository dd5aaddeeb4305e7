// `npm run --silent plan -- --catalog <licensing.csv> --tenant <dir> --partner-tenant <guid>
//   --partner-country <ISO2> [--offers <offers.json>] [--discontinued <skuId,...>]
//   [--as-of <YYYY-MM-DD>] [--format text|json] [--lang en|ja] [--billing-account unknown|mca|mosa|ea]
//   [--agreement-accepted-on <YYYY-MM-DD>] [--overrides <overrides.json>] [--acknowledged <acks.json>]`
// Exit 0 with a plan on stdout, 2 on invalid input (the error on stderr). See cli/README.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCatalog } from '../shared/domain/catalog';
import { isLocalDate } from '../shared/domain/dates';
import { isGuid } from '../shared/domain/ids';
import type { Lang } from '../shared/domain/messages';
import { planTenant } from '../shared/domain/plan';
import { parseCatalogCsv } from '../shared/import/catalogCsv';
import { decodeTextBytes } from '../shared/import/decode';
import { formatImportError, ImportError } from '../shared/import/errors';
import type { GraphExportFiles } from '../shared/import/graph';
import { parseTenantExports } from '../shared/import/graph';
import { parseOffers } from '../shared/import/offers';
import { CaseInputError, parseAcknowledgedFile, parseAgreementDate, parseBillingAccount, parseOverridesFile } from './caseInput';
import { planToJson, planToText } from './planOutput';

const USAGE = `usage: plan --catalog <licensing.csv> --tenant <dir> --partner-tenant <guid> --partner-country <ISO2>
            [--offers <offers.json>] [--discontinued <skuId,...>] [--as-of <YYYY-MM-DD>]
            [--format text|json] [--lang en|ja] [--billing-account unknown|mca|mosa|ea]
            [--agreement-accepted-on <YYYY-MM-DD>] [--overrides <overrides.json>] [--acknowledged <acks.json>]
  <dir> holds any of subscribedSkus.json, subscriptions.json, users.json, organization.json
  (Microsoft Graph response bodies) and licenseDetails/<user>.json (one per user);
  subscribedSkus.json or subscriptions.json is required.`;

class UsageError extends Error {}

/** A file's text decoded from its bytes as the app does (UTF-8, UTF-16 from PowerShell 5.1, Shift_JIS from Excel). */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return decodeTextBytes(bytes, path.basename(file), /\.csv$/i.test(file) ? 'csv' : 'json').text;
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        catalog: { type: 'string' },
        tenant: { type: 'string' },
        'partner-tenant': { type: 'string' },
        'partner-country': { type: 'string' },
        offers: { type: 'string' },
        discontinued: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string', default: 'text' },
        lang: { type: 'string', default: 'en' },
        'billing-account': { type: 'string' },
        'agreement-accepted-on': { type: 'string' },
        overrides: { type: 'string' },
        acknowledged: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const need = (name: 'catalog' | 'tenant' | 'partner-tenant' | 'partner-country'): string => {
    const v = values[name];
    if (!v) throw new UsageError(`--${name} is required`);
    return v;
  };
  const catalogFile = need('catalog');
  const tenantDir = need('tenant');
  const partnerTenantId = need('partner-tenant');
  const partnerCountry = need('partner-country').toUpperCase();
  if (!isGuid(partnerTenantId)) throw new UsageError(`--partner-tenant "${partnerTenantId}" is not a GUID`);
  if (!/^[A-Z]{2}$/.test(partnerCountry)) throw new UsageError(`--partner-country "${partnerCountry}" is not an ISO 3166 alpha-2 code`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const lang = values.lang;
  if (lang !== 'en' && lang !== 'ja') throw new UsageError(`--lang must be en or ja, not "${lang}"`);
  const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
  if (!isLocalDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date YYYY-MM-DD`);
  if (!existsSync(tenantDir) || !statSync(tenantDir).isDirectory()) throw new UsageError(`--tenant ${tenantDir}: not a directory`);

  const files: GraphExportFiles = {};
  for (const key of ['subscribedSkus', 'subscriptions', 'users', 'organization'] as const) {
    const file = path.join(tenantDir, `${key}.json`);
    if (existsSync(file)) files[key] = { text: readText(file), file: `${key}.json` };
  }
  // Optional: licenseDetails/<user>.json, one `GET /users/{id}/licenseDetails` response per user.
  const detailsDir = path.join(tenantDir, 'licenseDetails');
  if (existsSync(detailsDir) && statSync(detailsDir).isDirectory()) {
    files.licenseDetails = readdirSync(detailsDir)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort()
      .map((f) => ({ text: readText(path.join(detailsDir, f)), file: `licenseDetails/${f}`, userName: f.replace(/\.json$/i, '') }));
  }
  if (!files.subscribedSkus && !files.subscriptions) {
    throw new UsageError(`--tenant ${tenantDir}: holds neither subscribedSkus.json nor subscriptions.json`);
  }

  const catalogData = parseCatalogCsv(readText(catalogFile), path.basename(catalogFile));
  const offers = values.offers ? parseOffers(readText(values.offers), path.basename(values.offers)) : undefined;
  const discontinued = (values.discontinued ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of discontinued) if (!isGuid(id)) throw new UsageError(`--discontinued "${id}" is not a SKU GUID`);
  const catalog = prepareCatalog(catalogData, { ...(offers ? { offers } : {}), discontinued });
  const inventory = parseTenantExports(files);
  const billingAccount = parseBillingAccount(values['billing-account']);
  const agreementAcceptedOn = parseAgreementDate(values['agreement-accepted-on']);
  const targetOverrides = values.overrides ? parseOverridesFile(readText(values.overrides), path.basename(values.overrides)) : undefined;
  const acknowledged = values.acknowledged ? parseAcknowledgedFile(readText(values.acknowledged), path.basename(values.acknowledged)) : undefined;
  const plan = planTenant(inventory, catalog, {
    partnerTenantId,
    partnerCountry,
    asOf,
    ...(billingAccount ? { billingAccount } : {}),
    ...(agreementAcceptedOn ? { agreementAcceptedOn } : {}),
    ...(targetOverrides ? { targetOverrides } : {}),
    ...(acknowledged ? { acknowledged } : {}),
  });
  process.stdout.write(format === 'json' ? `${JSON.stringify(planToJson(plan, asOf, lang as Lang), null, 2)}\n` : planToText(plan, asOf, lang as Lang, catalog));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ImportError || e instanceof UsageError || e instanceof CaseInputError) {
    // An import error in the language asked for (--lang ja), like the app's.
    const ja = e instanceof ImportError && process.argv.some((a, i) => a === '--lang=ja' || (a === '--lang' && process.argv[i + 1] === 'ja'));
    process.stderr.write(`plan: ${ja ? formatImportError((e as ImportError).details, 'ja') : e.message}\n`);
    if (e instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
