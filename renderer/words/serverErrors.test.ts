import { describe, expect, it } from 'vitest';
import { createI18n } from '../app/i18n/index';
import { SyncErrorCode } from '../../shared/sync/protocol';
import { SessionError, SessionErrorCode } from '../../shared/sync/session';
import { serverErrorWords, sessionErrorText, syncFailureText } from './serverErrors';
import { describeSyncError } from '../../shared/sync/loop';
import { SyncHttpError } from '../../shared/sync/client';
import type { Translate } from './labels';

const i18n = { en: createI18n('en'), ja: createI18n('ja') };
const t = (lang: 'en' | 'ja') => i18n[lang].t.bind(i18n[lang]) as Translate;
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const PARAMS = { tenantId: 'tenant-1', account: 'aiko@contoso.example', roles: 'Admin, Sales', organization: 'Fabrikam', email: 'aiko@fabrikam.example' };

describe("the server's errors in words", () => {
  it('word every code of the protocol in English and in Japanese, with no key or placeholder left', () => {
    for (const code of SyncErrorCode.options) {
      const en = serverErrorWords(t('en'), code, PARAMS);
      const ja = serverErrorWords(t('ja'), code, PARAMS);
      expect(en, code).toBeTruthy();
      expect(en, code).not.toMatch(/serverError\.|\{\{|[A-Z]{3,}_[A-Z]/);
      expect(ja, code).not.toMatch(/serverError\.|\{\{/);
      expect(ja, code).toMatch(japanese);
      expect(en, code).not.toMatch(japanese);
    }
    // And every way a sign-in fails without a code this app knows.
    for (const code of SessionErrorCode.options) {
      expect(sessionErrorText(t('en'), new SessionError(code, 'detail'))).not.toMatch(/serverError\.|detail/);
      expect(sessionErrorText(t('ja'), new SessionError(code, 'detail'))).toMatch(japanese);
    }
  });

  it('say a sign-in refusal from its code and the data the server sent, not from its English detail', () => {
    const refused = new SessionError('REFUSED', "Sign-in refused: aiko@contoso.example (object id x) is not a member of Fabrikam on this server: ask your admin agent to add you (server:admin add-entra-user)", 'ENTRA_PERSON_UNKNOWN', {
      account: 'aiko@contoso.example',
      organization: 'Fabrikam',
    });
    expect(sessionErrorText(t('en'), refused)).toBe('aiko@contoso.example is not a member of Fabrikam on this server: ask your admin agent to add you.');
    expect(sessionErrorText(t('ja'), refused)).toBe('aiko@contoso.example はこのサーバーの Fabrikam のメンバーではありません。管理エージェントに追加を依頼してください。');
    // A code a newer server sends is not known here: the app says how the sign-in failed.
    expect(sessionErrorText(t('en'), new SessionError('REFUSED', 'Sign-in refused: something new', 'SOMETHING_NEW'))).toBe('The server refused the sign-in.');
    expect(serverErrorWords(t('en'), 'SOMETHING_NEW')).toBeNull();
  });

  it('say why a sync failed from its kind and the server\'s code, the English detail only for a code this app does not know', () => {
    const said = (e: unknown, lang: 'en' | 'ja') => {
      const { message, failure } = describeSyncError(e);
      return syncFailureText(t(lang), { error: message, failure });
    };
    const tooLarge = new SyncHttpError(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
    expect(said(tooLarge, 'en')).toBe('The server refused the sync (413): The change is too large for the server.');
    expect(said(tooLarge, 'ja')).toBe('サーバーが同期を拒否しました (413): 変更が大きすぎてサーバーが受け付けません。');
    expect(said(new SyncHttpError(401, 'INVALID_TOKEN', 'expired'), 'ja')).toBe('セッションが終了しました。同期するにはもう一度サインインしてください。変更は保持されます。');
    expect(said(new SyncHttpError(426, 'CLIENT_UPDATE_REQUIRED', 'this app (schema 5) is too old'), 'en')).toMatch(/^This app and the team's server are of different versions/);
    expect(said(new Error('fetch failed'), 'ja')).toBe('サーバーに接続できませんでした。再試行します。');
    // A newer server's code: its detail, inside this app's sentence.
    expect(said(new SyncHttpError(409, 'SOMETHING_NEW', 'a newer reason'), 'en')).toBe('The server refused the sync (409): a newer reason');
  });
});
