// Property tests: whatever the bytes, a parser returns data or throws our ImportError, never
// anything else (no TypeError from a missing field, no RangeError from a date).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogCsv } from './catalogCsv';
import { ImportError } from './errors';
import { User, directUserOf, isPlainUser, parseDirectorySubscriptions, parseLicenseDetails, parseOrganization, parseSubscribedSkus, parseUsers, userOf } from './graph';
import { parseMarketsCsv } from './markets';
import { parseOffers } from './offers';
import { parsePartnerCenterCustomer, parsePartnerCenterSubscriptions } from './partnerCenter';
import { readFixture } from '../../test/support/fixtures';

const read = readFixture;

type Parser = (text: string, file: string) => unknown;
const jsonParsers: [string, Parser, string][] = [
  ['subscribedSkus', parseSubscribedSkus, 'graph/subscribedSkus.list.response.json'],
  ['directory/subscriptions', parseDirectorySubscriptions, 'graph/directory.subscriptions.list.response.json'],
  ['users', parseUsers, 'graph/user.licenseAssignmentStates.example.json'],
  ['organization', parseOrganization, 'graph/directory.subscriptions.list.response.json'],
  ['licenseDetails', (text, file) => parseLicenseDetails(text, file, 'someone'), 'graph/user.licenseDetails.list.response.json'],
  ['licenseDetails without a user name', (text, file) => parseLicenseDetails(text, file), 'graph/user.licenseDetails.list.response.json'],
  ['offers', parseOffers, 'partner-center/offers.list.response.json'],
  ['partner center subscriptions', parsePartnerCenterSubscriptions, 'partner-center/subscriptions.list.response.json'],
  ['partner center customer', parsePartnerCenterCustomer, 'partner-center/customer.get.response.json'],
];
const csvParsers: [string, Parser][] = [
  ['licensing CSV', parseCatalogCsv],
  ['markets CSV', parseMarketsCsv],
];

/** Runs the parser; true when it returned, false when it threw an ImportError naming the file. */
function returnsOrImportError(parse: Parser, text: string): boolean {
  try {
    parse(text, 'input.json');
    return true;
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(e.file).toBe('input.json');
    expect(e.message.startsWith('input.json')).toBe(true);
    return false;
  }
}

/** Replaces one value somewhere inside a JSON document by an arbitrary one. */
function mutate(doc: unknown, pathChoice: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(doc, []);
  const target = paths[pathChoice % paths.length]!;
  if (target.length === 0) return replacement;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of target.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[target[target.length - 1]!] = replacement;
  return copy;
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
const oddValue = fc.oneof(
  anyJson,
  fc.constantFrom('2015-11-25T06: 41: 12Z', '', ' ', '9999-99-99T99:99:99Z', '2023-02-29T00:00:00Z', 'NaN', '__proto__', -1, 1.5, 1e308, null),
);

describe('parsers never crash', () => {
  for (const [name, parse, fixture] of jsonParsers) {
    it(`${name}: arbitrary text`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => void returnsOrImportError(parse, text)), { numRuns: 300 });
    });
    it(`${name}: arbitrary JSON`, () => {
      fc.assert(fc.property(anyJson, (v) => void returnsOrImportError(parse, JSON.stringify(v))), { numRuns: 300 });
    });
    it(`${name}: the real fixture with one value replaced`, () => {
      const doc = JSON.parse(read(fixture)) as unknown;
      fc.assert(
        fc.property(fc.nat(), oddValue, (choice, value) => void returnsOrImportError(parse, JSON.stringify(mutate(doc, choice, value)))),
        { numRuns: 400 },
      );
    });
  }

  for (const [name, parse] of csvParsers) {
    it(`${name}: arbitrary text and arbitrary rows`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => void returnsOrImportError(parse, text)), { numRuns: 300 });
      const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.uuid(), fc.constantFrom('"', '""', ',', '\r\n', 'RETIRED - x'));
      const header = fc.constantFrom(
        'Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names',
        'region_id,region_heading_de,country_or_region_de,currency',
      );
      fc.assert(
        fc.property(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }), (h, rows) => {
          const text = [h, ...rows.map((r) => r.join(','))].join('\r\n');
          returnsOrImportError(parse, text);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a well-formed licensing CSV always imports, with the duplicates counted', () => {
    const row = fc.record({ name: fc.stringMatching(/^[A-Za-z0-9 ]{1,10}$/), pn: fc.stringMatching(/^[A-Z_]{1,8}$/), sku: fc.uuid(), plan: fc.stringMatching(/^[A-Z_]{1,8}$/), planId: fc.uuid() });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.nat({ max: 5 }), (rows, dups) => {
        const lines = rows.map((r) => [r.name, r.pn, r.sku.toUpperCase(), r.plan, r.planId, r.plan].join(','));
        const withDups = [...lines, ...lines.slice(0, dups)];
        const data = parseCatalogCsv(`\uFEFF${csvHeader}\r\n${withDups.join('\r\n')}\r\n`, 'x.csv');
        expect(data.rows).toBe(withDups.length);
        expect(data.duplicateRows).toBeGreaterThanOrEqual(Math.min(dups, lines.length));
        expect(new Set(data.skus.map((s) => s.id))).toEqual(new Set(rows.map((r) => r.sku.toLowerCase())));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the hand-checked path for Graph users', () => {
  // Values near the edges of what the schema takes: padded and upper-case GUIDs, empty and
  // padded ids, null and missing lists, wrong types.
  const text = fc.oneof(fc.constant(''), fc.constant(' '), fc.constant('g1'), fc.constant(' G1 '), fc.uuid(), fc.uuid().map((u) => ` ${u.toUpperCase()}`));
  const optional = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 6 }, fc.constant(null), fc.constant(undefined), fc.constant(7));
  const guid = fc.oneof({ arbitrary: fc.uuid(), weight: 12 }, fc.uuid().map((u) => u.toUpperCase()), fc.uuid().map((u) => ` ${u}`), fc.constant('not-a-guid'), fc.constant(3));
  const plans = optional(fc.array(fc.oneof(fc.uuid(), fc.constant(' X ')), { maxLength: 3 }));
  const assigned = fc.record({ skuId: guid, disabledPlans: plans }, { requiredKeys: ['skuId'] });
  const state = fc.record({ skuId: guid, disabledPlans: plans, assignedByGroup: optional(text), state: optional(text), error: optional(text), extra: text }, { requiredKeys: ['skuId'] });
  const user = fc.record(
    {
      id: fc.oneof({ arbitrary: fc.uuid(), weight: 6 }, text, fc.constant(5)),
      userPrincipalName: optional(text),
      assignedLicenses: optional(fc.array(assigned, { maxLength: 3 })),
      licenseAssignmentStates: optional(fc.array(state, { maxLength: 3 })),
      licenseAssignmentState: optional(fc.array(state, { maxLength: 2 })),
      displayName: text,
    },
    { requiredKeys: ['id', 'assignedLicenses'] },
  );

  it('takes only records the schema takes, and reads them as the schema would', () => {
    let plain = 0;
    fc.assert(
      fc.property(user, (raw) => {
        if (!isPlainUser(raw)) return;
        plain++;
        const parsed = User.safeParse(raw);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(userOf(raw)).toEqual(userOf(parsed.data));
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the fast path often enough for the property to say something.
    expect(plain).toBeGreaterThan(100);
  });

  it('the one-pass reading takes only records the schema takes, and reads them as userOf does', () => {
    let direct = 0;
    fc.assert(
      fc.property(user, (raw) => {
        const read = directUserOf(raw);
        if (read === null) return;
        direct++;
        const parsed = User.safeParse(raw);
        expect(parsed.success).toBe(true);
        if (parsed.success) expect(read).toEqual(userOf(parsed.data));
      }),
      { numRuns: 3000 },
    );
    expect(direct).toBeGreaterThan(100);
  });

  it('a record it does not take still imports when the schema takes it, or fails in words', () => {
    const padded = { id: ' a1 ', assignedLicenses: [{ skuId: ' 6FD2C87F-B296-42F0-B197-1E91E994B900 ', disabledPlans: null }] };
    expect(isPlainUser(padded)).toBe(false);
    expect(parseUsers(JSON.stringify({ value: [padded] }), 'users.json')).toEqual([
      { id: 'a1', userPrincipalName: 'a1', licenses: [{ skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', disabledPlans: [], assignedByGroups: [], direct: true }] },
    ]);
    expect(() => parseUsers(JSON.stringify({ value: [{ id: 'a1', assignedLicenses: [{ skuId: 'nope' }] }] }), 'users.json')).toThrow(/users\.json.*record 1.*assignedLicenses\[0\]\.skuId/);
  });
});

const csvHeader = 'Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names';
