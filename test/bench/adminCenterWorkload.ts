// A 50,000-row Microsoft 365 admin center "Export users" CSV, written in the exact layout of the
// real export (../shared/fixtures/m365-admin-center, fixtures/README.md): the 29-column header in
// its order, UTF-8 with a BOM, LF line ends, quotes only around fields holding a comma, dates
// `2024-04-12 08:17:39Z`, `True`/`False`, phones with a leading apostrophe, proxy addresses joined
// by `+`, licenses by DISPLAY name joined by `+` with free and trial products mixed in and
// `Unlicensed` for none. A fixed seed: the same bytes on every run.
import { ADMIN_CENTER_COLUMNS_29, isFreeOrTrial } from '../../shared/import/adminCenterUsers';
import type { CatalogData } from '../../shared/domain/catalog';
import { mulberry32 } from './prng';

const FIRST = ['Kaito', 'Yui', 'Sota', 'Mei', 'Liam', 'Haruto', 'Aoi', 'Ren', 'Hina', 'Emma', '陽翔', '結衣'];
const LAST = ['Kobayashi', 'Suzuki', 'Tanaka', 'Yamamoto', 'Watanabe', 'Kato', 'Ito', 'Nakamura', '佐藤', '高橋'];
const TITLES = ['Engineer', 'Manager', 'Sales', ''];
const DEPARTMENTS = ['IT', 'Finance', 'Research, Tokyo', ''];
const CITIES = ['Tokyo', 'Chiyoda-ku, Tokyo', 'Osaka', ''];
const FREE = ['Microsoft Power Automate Free', 'Microsoft Teams Exploratory', 'Microsoft Fabric (Free)', 'Microsoft Power Apps Plan 2 Trial'];

const quote = (v: string) => (v.includes(',') || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Bought products whose display name is one product only (a name standing for several SKUs would
 * be left out until chosen) and holds no "+" (the export's own separator): what most tenants hold.
 */
export function boughtProducts(catalog: CatalogData, count: number, rand: () => number): string[] {
  const byName = new Map<string, number>();
  for (const s of catalog.skus) byName.set(s.name, (byName.get(s.name) ?? 0) + 1);
  const names = [...byName].filter(([n, c]) => c === 1 && !n.includes('+') && !n.includes(',') && !isFreeOrTrial(n)).map(([n]) => n);
  return Array.from({ length: count }, () => names[Math.floor(rand() * names.length)]!);
}

export function adminCenterCsv(catalog: CatalogData, users: number, seed = 20261206): string {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const products = boughtProducts(catalog, 12, rand);
  const lines: string[] = [ADMIN_CENTER_COLUMNS_29.join(',')];
  for (let i = 0; i < users; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const alias = `user${i}`;
    const upn = `${alias}@contoso.example`;
    const created = `2024-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))} ${pad(Math.floor(rand() * 24))}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}Z`;
    const r = rand();
    const licenses =
      r < 0.05
        ? 'Unlicensed'
        : [products[i % products.length]!, ...(r < 0.4 ? [products[(i + 5) % products.length]!] : []), ...(r > 0.85 ? [pick(FREE)] : [])].join('+');
    const row: Record<(typeof ADMIN_CENTER_COLUMNS_29)[number], string> = {
      'Display name': `${first} ${last}`,
      DirSyncEnabled: rand() < 0.3 ? 'True' : 'False',
      'User principal name': upn,
      'Object Id': `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
      'First name': first,
      'Last name': last,
      'When created': created,
      'Soft deletion time stamp': '',
      AgeGroup: '',
      Title: pick(TITLES),
      Department: pick(DEPARTMENTS),
      'Preferred data location': '',
      City: pick(CITIES),
      CountryOrRegion: 'Japan',
      Office: '',
      StateOrProvince: '',
      'Usage location': rand() < 0.1 ? '' : 'JP',
      'Last dirsync time': '',
      'Block credential': 'False',
      Licenses: licenses,
      'Password never expires': 'False',
      'Last password change time stamp': created,
      'Mobile Phone': '',
      'Phone number': rand() < 0.5 ? `'+8131234${String(i % 10_000).padStart(4, '0')}` : '',
      'Postal code': '100-0001',
      'Preferred language': 'ja-JP',
      'Street address': rand() < 0.2 ? '1-1 Marunouchi, Chiyoda-ku' : '',
      Fax: '',
      'Proxy addresses': `SMTP:${upn}+smtp:${alias}@contoso.onmicrosoft.example`,
    };
    lines.push(ADMIN_CENTER_COLUMNS_29.map((c) => quote(row[c])).join(','));
  }
  return `\uFEFF${lines.join('\n')}\n`;
}
