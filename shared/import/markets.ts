// Microsoft's CSP regional markets list (German edition, 2021): one row per market with its region.
import Papa from 'papaparse';
import { delimiterOf, firstLineOf } from './csvRows';
import { checkDecodedText, withoutBom } from './decode';
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
  const body = withoutBom(text);
  checkDecodedText(body, file);
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimiter: delimiterOf(firstLineOf(body)) });
  const header = parsed.data[0];
  if (!header) throw new ImportError({ code: 'INVALID_CSV', file, problem: 'the file is empty', problemJa: 'ファイルが空です' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    throw new ImportError({
      code: 'INVALID_CSV',
      file,
      ...(fatal.row !== undefined && fatal.row !== null ? { row: fatal.row + 1 } : {}),
      problem: `cannot read the CSV (${fatal.message})`,
      problemJa: `CSV として読めません (パーサーの説明: ${fatal.message}。引用符の閉じ忘れはありませんか?)`,
    });
  }
  const idx = COLUMNS.map((c) => {
    const i = header.findIndex((h) => h.trim() === c);
    if (i < 0) throw new ImportError({ code: 'INVALID_CSV', file, row: 1, field: c, problem: 'column missing from the header', problemJa: '見出し行にこの列がありません' });
    return i;
  });
  const out: MarketRow[] = [];
  for (let r = 1; r < parsed.data.length; r++) {
    const cells = parsed.data[r] as string[];
    const get = (k: number) => (cells[idx[k]!] ?? '').replace(/\s+/g, ' ').trim();
    const regionId = get(0);
    const countryName = get(2);
    if (regionId === '') throw new ImportError({ code: 'INVALID_VALUE', file, row: r + 1, field: 'region_id', problem: 'is empty', problemJa: '値が空です' });
    if (countryName === '') throw new ImportError({ code: 'INVALID_VALUE', file, row: r + 1, field: 'country_or_region_de', problem: 'is empty', problemJa: '値が空です' });
    out.push({ regionId, regionHeading: get(1), countryName, currency: get(3) || null, row: r + 1 });
  }
  return out;
}
