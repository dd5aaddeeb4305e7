// Microsoft's CSP regional markets list (German edition, 2021): one row per market with its region.
import { readCsvTable } from './csvTable';
import { ImportError } from './errors';

export interface MarketRow {
  regionId: string;
  regionHeading: string;
  /** The country or region name as written in the file (German). */
  countryName: string;
  currency: string | null;
  /** 1-based spreadsheet row (the header is row 1). */
  row: number;
}

const COLUMNS = ['region_id', 'region_heading_de', 'country_or_region_de', 'currency'] as const;

export function parseMarketsCsv(text: string, file: string): MarketRow[] {
  const data = readCsvTable(text, file);
  const header = data[0];
  const idx = COLUMNS.map((c) => {
    const i = header.findIndex((h) => h.trim() === c);
    if (i < 0) throw new ImportError({ code: 'INVALID_CSV', file, row: 1, field: c, reason: 'COLUMN_MISSING' });
    return i;
  });
  const out: MarketRow[] = [];
  for (let r = 1; r < data.length; r++) {
    const cells = data[r] as string[];
    const get = (k: number) => (cells[idx[k]!] ?? '').replace(/\s+/g, ' ').trim();
    const regionId = get(0);
    const countryName = get(2);
    if (regionId === '') throw new ImportError({ code: 'INVALID_VALUE', file, row: r + 1, field: 'region_id', reason: 'EMPTY_VALUE' });
    if (countryName === '') throw new ImportError({ code: 'INVALID_VALUE', file, row: r + 1, field: 'country_or_region_de', reason: 'EMPTY_VALUE' });
    out.push({ regionId, regionHeading: get(1), countryName, currency: get(3) || null, row: r + 1 });
  }
  return out;
}
