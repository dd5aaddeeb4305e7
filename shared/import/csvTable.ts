// A small CSV file (Microsoft's catalog, the markets list) read whole with Papa Parse: text that is
// not UTF-8 as read is refused, the separator Excel used is taken from the header line (`;` in a
// European locale), and a quote left open is refused with the row it starts on, in both languages.
import Papa from 'papaparse';
import { delimiterOf, firstLineOf } from './csvRows';
import { checkDecodedText, withoutBom } from './decode';
import { ImportError } from './errors';

/** The rows, the header first (a file without one is refused as empty). */
export function readCsvTable(text: string, file: string): [header: string[], ...rows: string[][]] {
  const body = withoutBom(text);
  checkDecodedText(body, file);
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: 'greedy', delimiter: delimiterOf(firstLineOf(body)) });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) {
    throw new ImportError({
      code: 'INVALID_CSV',
      file,
      ...(fatal.row !== undefined && fatal.row !== null ? { row: fatal.row + 1 } : {}),
      reason: 'CSV_UNREADABLE',
      params: { parserMessage: fatal.message },
    });
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new ImportError({ code: 'INVALID_CSV', file, reason: 'EMPTY_FILE' });
  return [header, ...rows];
}
