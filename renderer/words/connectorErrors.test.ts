// The connectors' errors are codes and parameters; these are their words in both languages, from the
// catalogs: the sentences the connectors used to build themselves, word for word.
import { describe, expect, it } from 'vitest';
import type { GdapReadErrorCode } from '../../shared/connectors/gdapRelationships';
import type { GraphReadErrorCode } from '../../shared/connectors/graphTenant';
import type { PartnerCenterErrorCode, PartnerCenterRecordProblem } from '../../shared/connectors/partnerCenter';
import { gdapWords, graphWords, partnerCenterWords, recordWords } from '../../test/support/connectorWords';

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const GRAPH_CODES = ['forbidden', 'unauthorized', 'notFound', 'malformedPage', 'unsafeNextLink', 'redirected', 'http', 'network'] as const satisfies readonly GraphReadErrorCode[];
const GDAP_CODES = ['forbidden', 'unauthorized', 'notFound', 'redirected', 'http', 'network', 'malformedPage', 'malformedRecord', 'unsafeNextLink'] as const satisfies readonly GdapReadErrorCode[];
const PC_CODES = ['unauthorized', 'forbidden', 'notFound', 'conflict', 'throttled', 'server', 'uncertain', 'badRequest', 'redirected', 'network', 'malformed', 'invalidInput'] as const satisfies readonly PartnerCenterErrorCode[];
const RECORD_PROBLEMS = ['notCustomerRecord', 'tenantNotGuid', 'noCompanyName', 'companyNameTooLong'] as const satisfies readonly PartnerCenterRecordProblem[];

const URL_USERS = 'https://graph.microsoft.com/v1.0/users?$select=id';
const URL_GDAP = 'https://graph.microsoft.com/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300';
const URL_PC = 'https://api.partnercenter.microsoft.com/v1/customers/c/transfers';

function sound(words: { en: string; ja: string }) {
  expect(words.en).not.toMatch(/\{\{|undefined|connector\./);
  expect(words.ja).not.toMatch(/\{\{|undefined|connector\./);
  expect(words.ja).toMatch(japanese);
  expect(words.ja).not.toBe(words.en);
}

describe('a Graph read of a customer tenant in words', () => {
  it('words every code in both languages, with every parameter filled', () => {
    const params = { collection: 'users', url: URL_USERS, page: 2, status: 500, tenant: 'contoso.com', attempts: 3, cause: 'fetch failed', problem: 'notJson', next: 'https://evil.example/next', origin: 'https://graph.microsoft.com' };
    for (const code of GRAPH_CODES) sound(graphWords({ code, params }));
  });

  it('says a 403 as the connector said it, naming the role to ask for', () => {
    expect(graphWords({ code: 'forbidden', params: { collection: 'users', url: URL_USERS, page: 2, status: 403, tenant: 'contoso.com' } })).toEqual({
      en: `Microsoft Graph refused to show the users and their licenses of the customer's tenant contoso.com (403 Forbidden) (${URL_USERS}, page 2): your GDAP relationship with this customer does not include a role that can read it. Ask the customer to approve a GDAP relationship with the Directory Readers (or Global Reader) role, then sign in again.`,
      ja: `Microsoft Graph が顧客のテナント contoso.comのユーザーとそのライセンスの表示を拒否しました (403 Forbidden) (${URL_USERS}、2 ページ目)。この顧客との GDAP 関係に、これを読めるロールが含まれていません。「ディレクトリ閲覧者 (またはグローバル閲覧者)」ロールを含む GDAP 関係を承認するよう顧客に依頼し、もう一度サインインしてください。`,
    });
  });

  it('says the tries only after retries, and the tenant without a label when none was given', () => {
    const retried = graphWords({ code: 'http', params: { collection: 'organization', url: URL_USERS, page: 1, status: 429, attempts: 2 } });
    expect(retried.en).toBe(`Microsoft Graph answered 429 when reading the organization of the customer's tenant (${URL_USERS}, page 1) after 2 tries; nothing was imported. Try again later.`);
    expect(retried.ja).toBe(`顧客のテナントの組織情報を読む際に Microsoft Graph が 429 を返しました (${URL_USERS}、1 ページ目) (2 回試行)。何も取り込んでいません。時間をおいてやり直してください。`);
    const once = graphWords({ code: 'http', params: { collection: 'organization', url: URL_USERS, page: 1, status: 400 } });
    expect(once.en).toBe(`Microsoft Graph answered 400 when reading the organization of the customer's tenant (${URL_USERS}, page 1); nothing was imported. Try again later.`);
  });

  it('says a page that is not JSON, and one without a value list', () => {
    expect(graphWords({ code: 'malformedPage', params: { collection: 'users', url: URL_USERS, page: 2, problem: 'notJson' } }).en).toBe(
      `Microsoft Graph sent page 2 of the users and their licenses (${URL_USERS}) but it is not JSON; nothing was imported. Try again later.`,
    );
    expect(graphWords({ code: 'malformedPage', params: { collection: 'users', url: URL_USERS, page: 3, problem: 'noValue' } }).ja).toBe(
      `Microsoft Graph から受け取ったユーザーとそのライセンスの 3 ページ目 (${URL_USERS}) に "value" のレコード一覧がありません。何も取り込んでいません。時間をおいてやり直してください。`,
    );
  });
});

describe("the partner's GDAP relationships in words", () => {
  it('words every code in both languages, with every parameter filled', () => {
    const params = { url: URL_GDAP, page: 1, status: 503, attempts: 3, cause: 'fetch failed', problem: 'noValue', position: 2, id: 'rel-2', field: 'accessDetails', issue: 'Required', next: 'https://evil.example/next', origin: 'https://graph.microsoft.com' };
    for (const code of GDAP_CODES) sound(gdapWords({ code, params }));
  });

  it('names the record, its id and its field, or the record itself when zod named no field', () => {
    expect(gdapWords({ code: 'malformedRecord', params: { url: URL_GDAP, page: 1, position: 2, id: 'rel-2', field: 'accessDetails', issue: 'Required' } })).toEqual({
      en: `Relationship 2 (id rel-2) on page 1 of your GDAP relationships (${URL_GDAP}) has no valid "accessDetails" (Required); the list was not read. Try again later.`,
      ja: `GDAP 関係の一覧の 1 ページ目 (${URL_GDAP}) の 2 件目 (id rel-2)の「accessDetails」が正しくありません (Required)。一覧は読み込んでいません。時間をおいてやり直してください。`,
    });
    expect(gdapWords({ code: 'malformedRecord', params: { url: URL_GDAP, page: 1, position: 3, field: '' } })).toEqual({
      en: `Relationship 3 on page 1 of your GDAP relationships (${URL_GDAP}) has no valid "(the record)" (not as documented); the list was not read. Try again later.`,
      ja: `GDAP 関係の一覧の 1 ページ目 (${URL_GDAP}) の 3 件目の「(レコード全体)」が正しくありません (仕様と異なります)。一覧は読み込んでいません。時間をおいてやり直してください。`,
    });
  });

  it("adds the runtime's reason to a network failure when there is one", () => {
    expect(gdapWords({ code: 'network', params: { url: URL_GDAP, page: 1, attempts: 3, cause: 'fetch failed' } })).toEqual({
      en: `Microsoft Graph could not be reached while listing your GDAP relationships (${URL_GDAP}, page 1) after 3 tries (fetch failed). Check the network and try again.`,
      ja: `GDAP 関係の一覧を読む際に Microsoft Graph に接続できませんでした (${URL_GDAP}、1 ページ目) (3 回試行、fetch failed)。ネットワークを確認してやり直してください。`,
    });
    expect(gdapWords({ code: 'network', params: { url: URL_GDAP, page: 1, attempts: 3 } }).en).toBe(
      `Microsoft Graph could not be reached while listing your GDAP relationships (${URL_GDAP}, page 1) after 3 tries. Check the network and try again.`,
    );
  });
});

describe('Partner Center in words', () => {
  it('words every code in both languages, with every parameter filled', () => {
    const params = { call: 'createTransfer', url: URL_PC, status: 503, requestId: 'r-1', attempts: 3, wait: 5, description: 'Busy.', partnerCenterCode: '123', cause: 'fetch failed', problem: 'notJson' };
    for (const code of PC_CODES) sound(partnerCenterWords({ code, params: code === 'invalidInput' ? { ...params, problem: 'transferId', id: 'x' } : params }));
  });

  it("names the role a call needs, from the role names' one home", () => {
    expect(partnerCenterWords({ code: 'forbidden', params: { call: 'customers', status: 403 } }).en).toBe(
      "Partner Center refused your customer list (403 Forbidden): your account needs the Admin agent or Sales agent role in Partner Center, and the app's sign-in needs the Partner Center permission (user_impersonation). Ask your Partner Center admin to give you the role, then sign in again.",
    );
    expect(partnerCenterWords({ code: 'forbidden', params: { call: 'transfers', status: 403 } }).ja).toBe(
      'パートナー センターが顧客の移管一覧を拒否しました (403 Forbidden)。パートナー センターで「管理エージェント」ロールが必要です。また、アプリのサインインにパートナー センターのアクセス許可 (user_impersonation) が必要です。パートナー センターの管理者にロールの付与を依頼し、もう一度サインインしてください。',
    );
  });

  it("adds Partner Center's own description, its code and the request id where the connector did", () => {
    expect(partnerCenterWords({ code: 'server', params: { call: 'transferEligibility', status: 503, attempts: 3, requestId: 'r-9', description: 'Try later.', partnerCenterCode: '500' } })).toEqual({
      en: `Partner Center had a problem answering which of the customer's subscriptions can be transferred (503) after 3 tries. Try again later. Partner Center says: "Try later." (code 500). Request id r-9.`,
      ja: 'パートナー センターが顧客のサブスクリプションの移管可否に応答できませんでした (503、3 回試行)。時間をおいてやり直してください。 パートナー センターの説明: 「Try later.」 (コード 500)。 要求 ID: r-9。',
    });
    expect(partnerCenterWords({ code: 'badRequest', params: { call: 'transfer', status: 400, requestId: 'r-2' } })).toEqual({
      en: 'Partner Center refused the transfer (400). It gave no reason. Request id r-2.',
      ja: 'パートナー センターが移管を拒否しました (400)。理由は示されていません。 要求 ID: r-2。',
    });
    expect(partnerCenterWords({ code: 'throttled', params: { call: 'transfers', status: 429, attempts: 3, wait: 0 } }).en).toBe(
      "Partner Center is limiting requests (429 Too Many Requests) for the customer's transfers and still did after 3 tries; it asks to wait 0 seconds. Nothing was changed. Try again later.",
    );
  });

  it('says a create that may have been carried out, answered or not', () => {
    expect(partnerCenterWords({ code: 'uncertain', params: { call: 'createTransfer', status: 500, requestId: 'r-3', attempts: 1 } }).en).toBe(
      'Partner Center answered 500 to the transfer request, but the request may have been carried out all the same. It was not sent again: check in Partner Center whether it exists before trying again, so it is not done twice. Request id r-3.',
    );
    expect(partnerCenterWords({ code: 'uncertain', params: { call: 'createAgreement', requestId: 'r-4', attempts: 1, cause: 'fetch failed' } })).toEqual({
      en: 'Partner Center could not be reached for the attestation that the customer accepted the Microsoft Customer Agreement (fetch failed), but the request may have been carried out all the same. It was not sent again: check in Partner Center whether it exists before trying again, so it is not done twice. Request id r-4.',
      ja: '顧客がマイクロソフト顧客契約に同意したことの登録の際にパートナー センターに接続できませんでした (fetch failed) が、要求は処理された可能性があります。再送はしていません。二重に行わないよう、やり直す前にパートナー センターで登録済みかどうかを確認してください。 要求 ID: r-4。',
    });
  });

  it('says an answer that is not as documented, and what was refused before sending', () => {
    expect(partnerCenterWords({ code: 'malformed', params: { call: 'customers', url: URL_PC, problem: 'notDocumented', at: 'items.0.id', issue: 'Required' } }).en).toBe(
      `Partner Center's answer for your customer list (${URL_PC}) is not in the documented shape (at items.0.id: Required); nothing was taken from it. Try again later; if it stays so, Partner Center's API may have changed.`,
    );
    expect(partnerCenterWords({ code: 'invalidInput', params: { call: 'createTransfer', problem: 'transferInput', max: 25, count: 3, bad: 'x', twice: 'y', source: 'z' } })).toEqual({
      en: `A transfer request takes 1 to 25 different subscription ids (GUIDs) and the current partner's tenant id; this one has 3, not GUIDs: x, twice: y, current partner "z". Nothing was sent to Partner Center.`,
      ja: '移管の依頼には異なるサブスクリプション ID (GUID) が 1～25 件と現在のパートナーのテナント ID が必要です。この依頼は 3 件、GUID でないもの: x、重複: y、現在のパートナー「z」。パートナー センターには何も送っていません。',
    });
    expect(partnerCenterWords({ code: 'invalidInput', params: { call: 'createAgreement', problem: 'agreementInput', missing: 'email' } }).en).toContain('(missing: email): nothing was sent to Partner Center.');
  });

  it("says why a record of the customer list was kept out", () => {
    for (const reason of RECORD_PROBLEMS) sound(recordWords({ reason, params: { tenant: 'x', length: 201, max: 200 } }));
    expect(recordWords({ reason: 'companyNameTooLong', params: { length: 201, max: 200 } })).toEqual({
      en: 'its company name is 201 characters long (at most 200)',
      ja: '会社名が 201 文字あります (200 文字まで)',
    });
  });

  it('says a code this app does not know as unknown, naming it', () => {
    expect(partnerCenterWords({ code: 'newCode', params: {} }).en).toBe("Microsoft's service answered with an error this app does not know (newCode).");
    expect(graphWords({ code: 'newCode', params: {} }).ja).toContain('newCode');
    expect(recordWords({ reason: 'newReason', params: {} }).en).toContain('newReason');
  });
});
