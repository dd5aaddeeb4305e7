// The CSP regions' names in each language, for messages and screens (the ids come from regionTable.ts;
// the words are in the shared catalogs, shared/words/{en,ja}.json, `region.*`).
import { wordsIn, type Translate } from '../words';
import type { Lang } from './lang';

const names: Readonly<Record<string, (t: Translate) => string>> = {
  africa: (t) => t('region.africa'),
  'asia-and-pacific': (t) => t('region.asia-and-pacific'),
  australia: (t) => t('region.australia'),
  brazil: (t) => t('region.brazil'),
  canada: (t) => t('region.canada'),
  europe: (t) => t('region.europe'),
  india: (t) => t('region.india'),
  japan: (t) => t('region.japan'),
  'korea-republic-of': (t) => t('region.korea-republic-of'),
  'latin-america-and-the-caribbean': (t) => t('region.latin-america-and-the-caribbean'),
  'middle-east-central-europe-and-eastern-europe': (t) => t('region.middle-east-central-europe-and-eastern-europe'),
  'new-zealand': (t) => t('region.new-zealand'),
  russia: (t) => t('region.russia'),
  taiwan: (t) => t('region.taiwan'),
  'united-states': (t) => t('region.united-states'),
};

/** A region's name in the language; the id itself for a region this table does not know. */
export function regionName(id: string, lang: Lang): string {
  const name = Object.hasOwn(names, id) ? names[id] : undefined;
  return name ? name(wordsIn(lang)) : id;
}
