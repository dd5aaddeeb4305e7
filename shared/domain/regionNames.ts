// The CSP regions' names in each language, for messages and screens (the ids come from regionTable.ts).
import type { Lang } from './lang';

const names: Record<Lang, Readonly<Record<string, string>>> = {
  en: {
    africa: 'Africa',
    'asia-and-pacific': 'Asia and Pacific',
    australia: 'Australia',
    brazil: 'Brazil',
    canada: 'Canada',
    europe: 'Europe',
    india: 'India',
    japan: 'Japan',
    'korea-republic-of': 'Korea',
    'latin-america-and-the-caribbean': 'Latin America and the Caribbean',
    'middle-east-central-europe-and-eastern-europe': 'Middle East, Central and Eastern Europe',
    'new-zealand': 'New Zealand',
    russia: 'Russia',
    taiwan: 'Taiwan',
    'united-states': 'United States',
  },
  ja: {
    africa: 'アフリカ',
    'asia-and-pacific': 'アジア太平洋',
    australia: 'オーストラリア',
    brazil: 'ブラジル',
    canada: 'カナダ',
    europe: 'ヨーロッパ',
    india: 'インド',
    japan: '日本',
    'korea-republic-of': '韓国',
    'latin-america-and-the-caribbean': 'ラテンアメリカおよびカリブ海地域',
    'middle-east-central-europe-and-eastern-europe': '中東、中欧および東欧',
    'new-zealand': 'ニュージーランド',
    russia: 'ロシア',
    taiwan: '台湾',
    'united-states': '米国',
  },
};

/** A region's name in the language; the id itself for a region this table does not know. */
export function regionName(id: string, lang: Lang): string {
  return names[lang][id] ?? id;
}
