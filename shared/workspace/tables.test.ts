// The hand-written checks beside the schemas (isTenantUserData, an import chunk's plainArgs) must
// accept only what the schema accepts, unchanged: generated rows near every limit and shape say so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TenantImportChunkArgs, isPlainUsersChunk } from '../mutators/imports';
import { TenantUserData, isTenantUserData } from './tables';

const text = (max: number) => fc.oneof({ arbitrary: fc.string({ maxLength: Math.min(max, 20) }), weight: 8 }, fc.constant('x'.repeat(max)), fc.constant('x'.repeat(max + 1)), fc.constant(4), fc.constant(null), fc.constant(undefined));
const list = fc.oneof({ arbitrary: fc.array(text(64), { maxLength: 3 }), weight: 8 }, fc.constant(Array.from({ length: 1001 }, () => 'p')), fc.constant(null), fc.constant('p'));
const license = fc.record(
  { skuId: text(64), disabledPlans: list, assignedByGroups: list, direct: fc.oneof({ arbitrary: fc.boolean(), weight: 8 }, fc.constant('true')), extra: fc.constant(1) },
  { requiredKeys: ['skuId', 'disabledPlans', 'assignedByGroups', 'direct'] },
);
const goodLicense = fc.record({ skuId: fc.uuid(), disabledPlans: fc.array(fc.uuid(), { maxLength: 2 }), assignedByGroups: fc.array(fc.uuid(), { maxLength: 2 }), direct: fc.boolean() });
const goodUser = fc.record({ id: fc.uuid(), userPrincipalName: fc.emailAddress(), licenses: fc.array(goodLicense, { maxLength: 3 }) });
const user = fc.oneof(
  { arbitrary: goodUser, weight: 4 },
  {
    arbitrary: fc.record(
      { id: text(64), userPrincipalName: text(320), licenses: fc.oneof({ arbitrary: fc.array(license, { maxLength: 3 }), weight: 8 }, fc.constant({})), extra: fc.constant(true) },
      { requiredKeys: ['id', 'userPrincipalName', 'licenses'] },
    ),
    weight: 10,
  },
  fc.constant(null),
  fc.constant([]),
  fc.constant('user'),
);

describe('hand-written checks beside the schemas', () => {
  it('isTenantUserData takes only rows TenantUserData takes, unchanged', () => {
    let taken = 0;
    fc.assert(
      fc.property(user, (row) => {
        if (!isTenantUserData(row)) return;
        taken++;
        const parsed = TenantUserData.safeParse(row);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(row);
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(500);
  });

  it('isTenantUserData refuses what the schema refuses at each limit', () => {
    const ok = { id: 'u1', userPrincipalName: 'a@b.c', licenses: [{ skuId: 's', disabledPlans: [], assignedByGroups: [], direct: true }] };
    expect(isTenantUserData(ok)).toBe(true);
    for (const bad of [
      { ...ok, extra: undefined },
      { ...ok, id: 'x'.repeat(65) },
      { ...ok, userPrincipalName: 'x'.repeat(321) },
      { ...ok, licenses: Array.from({ length: 501 }, () => ok.licenses[0]) },
      { ...ok, licenses: [{ ...ok.licenses[0], direct: 1 }] },
      { ...ok, licenses: [{ ...ok.licenses[0], disabledPlans: Array.from({ length: 1001 }, () => 'p') }] },
    ]) {
      expect(isTenantUserData(bad)).toBe(false);
      expect(TenantUserData.safeParse(bad).success).toBe(false);
    }
  });

  it("an import chunk's plain check takes only chunks the schema takes, unchanged", () => {
    const id = fc.oneof({ arbitrary: fc.constantFrom('c1', 'imp-01'), weight: 8 }, fc.constant(''), fc.constant('a b'), fc.constant('x'.repeat(129)));
    const chunk = fc.record(
      { importId: id, customerId: id, kind: fc.oneof({ arbitrary: fc.constant('users'), weight: 8 }, fc.constant('skus')), rows: fc.oneof({ arbitrary: fc.array(fc.oneof({ arbitrary: goodUser, weight: 20 }, user), { maxLength: 4 }), weight: 8 }, fc.constant('rows')), more: fc.constant(1) },
      { requiredKeys: ['importId', 'customerId', 'kind', 'rows'] },
    );
    let taken = 0;
    fc.assert(
      fc.property(chunk, (args) => {
        if (!isPlainUsersChunk(args)) return;
        taken++;
        const parsed = TenantImportChunkArgs.safeParse(args);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(args);
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(50);
  });
});
