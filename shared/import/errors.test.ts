import { describe, expect, it } from 'vitest';
import type { TenantUser } from '../domain/tenant';
import { formatImportError, ImportError, importProblemIn } from './errors';
import { checkFileSize } from './limits';
import { checkSameTenant } from './tenantMatch';

function thrown(f: () => void): ImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('an import error worded from its reason and params', () => {
  it('words the place and the problem in either language; the message stays English', () => {
    const e = new ImportError({ code: 'INVALID_VALUE', file: 'subscriptions.json', record: 2, recordId: '4c9', field: 'skuId', reason: 'NOT_A_GUID', params: { value: 'x' } });
    expect(e.message).toBe('subscriptions.json: record 2 (id 4c9): field skuId: "x" is not a GUID');
    expect(formatImportError(e.details, 'ja')).toBe('ファイル subscriptions.json: 2 件目のレコード (id 4c9): フィールド「skuId」: 「x」は GUID ではありません');
    expect(e.messageJa).toBe(formatImportError(e.details, 'ja'));
    expect(e.details).toMatchObject({ reason: 'NOT_A_GUID', params: { value: 'x' }, problem: '"x" is not a GUID' });
    expect(importProblemIn(e.details, 'ja')).toBe('「x」は GUID ではありません');
    expect(formatImportError({ file: 'a.json', line: 3, column: 7, reason: 'EMPTY_FILE' }, 'ja')).toBe('ファイル a.json: 3 行 7 文字目: ファイルが空です');
  });

  it('words a file too large with its kind and sizes', () => {
    const e = thrown(() => checkFileSize({ name: 'big.csv', size: 30 * 1024 * 1024 }, 'catalog'));
    expect(e.params).toEqual({ kind: 'catalog', limit: '20', size: '30' });
    expect(e.messageJa).toBe(
      'ファイル big.csv: ファイルは 30 MB あります。受け付けるライセンス CSVの最大は 20 MB です (ユーザー 50,000 人のテナントでもずっと小さくなります)。正しいファイルですか? 何も読み込まず、インポートしていません',
    );
  });

  it("words another tenant's exports: the tenant id, or the users' domains with where the customer's come from", () => {
    const customer = { name: 'Contoso', tenantId: '11111111-1111-1111-1111-111111111111', domain: 'contoso.com' };
    const org = { file: 'organization.json', tenantId: '22222222-2222-2222-2222-222222222222', domains: ['contoso.net'] };
    const byId = thrown(() => checkSameTenant(customer, org, null));
    expect(byId.messageJa).toBe(
      'ファイル organization.json: 1 件目のレコード: フィールド「id」: テナント ID 22222222-2222-2222-2222-222222222222 は顧客 (Contoso: 11111111-1111-1111-1111-111111111111) のものではありません。別のテナントのエクスポートのため、何もインポートしていません。正しい顧客を選ぶか、この顧客のテナントからエクスポートしてください',
    );
    const users = ['a@fabrikam.com', 'b@fabrikam.com', 'c@x.com'].map((userPrincipalName) => ({ userPrincipalName }) as TenantUser);
    const byDomain = thrown(() => checkSameTenant({ ...customer, tenantId: '' }, { ...org, tenantId: null }, { file: 'users.csv', users, place: 'row' }));
    expect(byDomain.message).toBe(
      "users.csv: row 2: column User principal name: no user signs in with a domain of Contoso (contoso.com, contoso.net (from its details, organization.json's verified domains)); the file's users are at fabrikam.com: 2 users, x.com: 1 user: this looks like another tenant's export, so nothing was imported. If it is this customer's, correct the customer's domain in its details first",
    );
    expect(byDomain.messageJa).toBe(
      'ファイル users.csv: 2 行目: 列「User principal name」: Contoso のドメイン (contoso.com, contoso.net (顧客の詳細、organization.json の確認済みドメイン)) でサインインするユーザーがいません。このファイルのユーザーのドメインは fabrikam.com: 2 人, x.com: 1 人 です。別のテナントのエクスポートと思われるため、何もインポートしていません。この顧客のものであれば、先に顧客の詳細でドメインを直してください',
    );
  });
});
