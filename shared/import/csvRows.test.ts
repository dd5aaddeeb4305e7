// The CSV cursor reads what PapaParse reads: the real admin-center export, and any file of
// quoted or unquoted fields with separators, quotes and line breaks inside quotes (generated).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvCursor, parseCsvRows } from './csvRows';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const adminCenter = readFileSync(path.join(fixtures, 'm365-admin-center/users_12_1_2026 9_30_12 AM.csv'), 'utf8').slice(1);

const papa = (text: string, delimiter: string) => Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy', delimiter }).data;

describe('CSV cursor', () => {
  it('reads the real admin-center export as PapaParse does', () => {
    expect(parseCsvRows(adminCenter, ',')).toEqual({ rows: papa(adminCenter, ',') });
  });

  it('reads generated files as PapaParse does: separators, quotes and line breaks inside quotes, CRLF, blank lines', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 '+@.-]{0,8}$/),
      fc.stringMatching(/^[a-z;,"\n\r ]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (delimiter, records, newline, blankLine) => {
          const lines = records.map((r) => r.join(delimiter));
          if (blankLine) lines.splice(1, 0, '  ');
          const text = lines.join(newline) + newline;
          expect(parseCsvRows(text, delimiter).rows).toEqual(papa(text, delimiter));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the record that cannot be read: an unclosed quote, text after a closing quote', () => {
    expect(parseCsvRows('a,b\n1,2\n3,"x\n', ',').error).toEqual({ row: 3, kind: 'unclosed-quote' });
    expect(parseCsvRows('a,b\n"1"x,2\n', ',').error).toEqual({ row: 2, kind: 'text-after-quote' });
  });

  it('makes strings only of the fields asked for, and counts the others', () => {
    const cursor = new CsvCursor('h1;h2;h3\r\n"a;""b""";c;d\r\n', ';');
    expect(cursor.next()).toBe(true);
    expect(cursor.next()).toBe(true);
    expect(cursor.count).toBe(3);
    expect(cursor.row).toBe(2);
    expect(cursor.field(0)).toBe('a;"b"');
    expect(cursor.field(2)).toBe('d');
    expect(cursor.next()).toBe(false);
    expect(cursor.error).toBeUndefined();
  });
});
