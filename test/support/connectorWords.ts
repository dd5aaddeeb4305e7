// A connector's error as a person reads it, in English and Japanese: the renderer's catalogs and its
// wording (renderer/words/connectorErrors), so the connectors' tests read the words people read.
import { createI18n } from '../../renderer/app/i18n/index';
import { gdapReadErrorText, graphReadErrorText, partnerCenterErrorText, partnerCenterRecordText, type ConnectorErrorLike } from '../../renderer/words/connectorErrors';
import type { Translate } from '../../renderer/words/labels';

const i18n = { en: createI18n('en'), ja: createI18n('ja') };
const tOf = (lang: 'en' | 'ja') => i18n[lang].t.bind(i18n[lang]) as Translate;

function both(say: (t: Translate) => string): { en: string; ja: string } {
  return { en: say(tOf('en')), ja: say(tOf('ja')) };
}

/** A Graph read of a customer's tenant that failed (GraphReadError), in both languages. */
export const graphWords = (e: ConnectorErrorLike) => both((t) => graphReadErrorText(t, e));
/** A GDAP relationships read that failed (GdapReadError, or main's answer), in both languages. */
export const gdapWords = (e: ConnectorErrorLike) => both((t) => gdapReadErrorText(t, e));
/** A Partner Center call that failed (PartnerCenterError, or main's answer), in both languages. */
export const partnerCenterWords = (e: ConnectorErrorLike) => both((t) => partnerCenterErrorText(t, e));
/** A record of Partner Center's customer list kept out, in both languages. */
export const recordWords = (r: { reason: string; params: ConnectorErrorLike['params'] }) => both((t) => partnerCenterRecordText(t, r));
