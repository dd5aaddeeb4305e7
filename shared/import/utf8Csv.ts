// A large UTF-8 CSV read from its bytes, for the few columns an import needs (the admin center's
// 50,000-user export: 17 MB, 29 columns, 4 read). Decoding the whole file made a 34 MB two-byte
// string as soon as one name was Japanese (most of the parse's time, in Chromium's decoder), and
// every field cut from it was two-byte too. Here the bytes are checked to be UTF-8 (as a fatal
// TextDecoder would), the records are found in the bytes (UTF-8 never uses a byte below 0x80
// inside a multi-byte character, so the separators, quotes and line breaks are where the text
// has them), and only the needed fields are copied side by side and decoded, in one call: a few
// MB, one-byte when they are ASCII. Same records as CsvCursor (csvRows.ts): quotes, "" inside
// them, CRLF, blank records skipped, and the same errors at the same record.
import { CsvFieldBounds, type CsvErrorKind } from './csvRows';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** True when `bytes` from `start` are well-formed UTF-8 (WHATWG: no overlongs, surrogates or code points past U+10FFFF). */
export function isUtf8(bytes: Uint8Array, start = 0): boolean {
  const n = bytes.length;
  // ASCII is most of an export: four bytes at a time where they are aligned in their buffer.
  const base = bytes.byteOffset;
  const wordBase = (base + 3) & ~3;
  const words = new Uint32Array(bytes.buffer, wordBase, Math.max(0, (base + n - wordBase) >> 2));
  let i = start;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      if (((base + i) & 3) === 0) {
        let k = (base + i - wordBase) >> 2;
        while (k < words.length && (words[k]! & 0x80808080) === 0) k++;
        i = wordBase + k * 4 - base;
      }
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return false;
    const c = bytes[i + 1];
    if (c === undefined || c < lo || c > hi) return false;
    for (let k = 2; k <= need; k++) {
      const d = bytes[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return false;
    }
    i += need + 1;
  }
  return true;
}

/** The fields of records that are not blank, found in the bytes; a port of CsvCursor for a one-byte separator. */
export class ByteCsvCursor extends CsvFieldBounds {
  private readonly bytes: Uint8Array;
  private readonly delimiter: number;
  private pos: number;

  constructor(bytes: Uint8Array, delimiter: ',' | ';' | '\t', start = 0) {
    super();
    this.bytes = bytes;
    this.delimiter = delimiter.charCodeAt(0);
    this.pos = start;
  }

  next(): boolean {
    while (this.pos < this.bytes.length) {
      this.row++;
      if (!this.scan()) return false;
      if (!this.blankRecord()) return true;
      this.row--;
    }
    return false;
  }

  private blankRecord(): boolean {
    const { bytes } = this;
    for (let i = 0; i < this.count; i++) {
      for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
        const c = bytes[k]!;
        if (c !== 32 && c !== 9 && c !== LF && c !== CR) return false;
      }
    }
    return true;
  }

  /**
   * Reads the record at `pos`: its field boundaries, then `pos` after its line break. One pass over
   * the bytes (an indexOf per field was 1.5 million native calls for 50,000 rows).
   */
  private scan(): boolean {
    const { bytes, delimiter } = this;
    const n = bytes.length;
    this.count = 0;
    let pos = this.pos;
    for (;;) {
      if (bytes[pos] === QUOTE) {
        // Quoted (flag 2, or 1 when it holds "" to undo): ends at a quote not followed by another.
        let doubled: 1 | 2 = 2;
        let q = pos + 1;
        for (;;) {
          while (q < n && bytes[q] !== QUOTE) q++;
          if (q >= n) {
            this.error = 'unclosed-quote';
            return false;
          }
          if (bytes[q + 1] !== QUOTE) break;
          doubled = 1;
          q += 2;
        }
        this.push(pos + 1, q, doubled);
        pos = q + 1;
        if (pos >= n) {
          this.pos = n;
          return true;
        }
        const c = bytes[pos]!;
        if (c === delimiter) {
          pos++;
          continue;
        }
        if (c === LF) {
          this.pos = pos + 1;
          return true;
        }
        // CR then LF, or a CR that ends the text: past both (as CsvCursor, past the line break that is not there).
        if (c === CR && (pos + 1 === n || bytes[pos + 1] === LF)) {
          this.pos = pos + 2;
          return true;
        }
        this.error = 'text-after-quote';
        return false;
      }
      let k = pos;
      let b = 0;
      while (k < n) {
        b = bytes[k]!;
        if (b === delimiter || b === LF) break;
        k++;
      }
      if (k < n && b === delimiter) {
        this.push(pos, k, 0);
        pos = k + 1;
        continue;
      }
      this.push(pos, k > pos && bytes[k - 1] === CR ? k - 1 : k, 0);
      this.pos = k + 1;
      return true;
    }
  }
}

/**
 * The records after the header, each with its row number, field count and the fields of `columns`
 * only, read as CsvCursor reads them (`next`, `row`, `count`, `field(k)` with k an index into
 * `columns`, `error`). The needed fields' bytes are gathered first and decoded in one call.
 */
export class ProjectedCsvRows {
  private readonly text: string;
  /** Per record: row, count, then per column: start, end (in `text`), doubled. */
  private readonly recs: Int32Array;
  private readonly records: number;
  private readonly stride: number;
  private readonly columns: number;
  private at = -1;
  row: number;
  count = 0;
  error: CsvErrorKind | undefined;
  private readonly errorRow: number;

  /** `cursor` is past the header; `columns` are the indexes of the fields kept. */
  constructor(bytes: Uint8Array, cursor: ByteCsvCursor, columns: readonly number[]) {
    this.columns = columns.length;
    this.stride = 2 + 3 * columns.length;
    this.row = cursor.row;
    let recs = new Int32Array(this.stride * Math.max(64, Math.ceil(bytes.length / 256)));
    let out = new Uint8Array(Math.max(1024, bytes.length >> 2));
    let used = 0;
    let chars = 0;
    let records = 0;
    while (cursor.next()) {
      let r = records * this.stride;
      if (r + this.stride > recs.length) {
        const grown = new Int32Array(recs.length * 2);
        grown.set(recs);
        recs = grown;
      }
      recs[r++] = cursor.row;
      recs[r++] = cursor.count;
      for (const c of columns) {
        const start = c < cursor.count ? cursor.starts[c]! : 0;
        const end = c < cursor.count ? cursor.ends[c]! : 0;
        if (used + end - start > out.length) {
          const grown = new Uint8Array(Math.max(out.length * 2, used + end - start));
          grown.set(out.subarray(0, used));
          out = grown;
        }
        recs[r++] = chars;
        chars += end - start;
        for (let k = start; k < end; k++) {
          const b = bytes[k]!;
          out[used++] = b;
          // Characters as the decoded string counts them: a continuation byte adds none, a 4-byte character two (a surrogate pair).
          if (b >= 0x80) {
            if (b < 0xc0) chars--;
            else if (b >= 0xf0) chars++;
          }
        }
        recs[r++] = chars;
        recs[r++] = c < cursor.count ? cursor.doubled[c]! : 0;
      }
      records++;
    }
    this.error = cursor.error;
    this.errorRow = cursor.row;
    this.recs = recs;
    this.records = records;
    this.text = new TextDecoder('utf-8').decode(out.subarray(0, used));
  }

  next(): boolean {
    if (this.at + 1 >= this.records) {
      this.at = this.records;
      if (this.error) this.row = this.errorRow;
      return false;
    }
    this.at++;
    const r = this.at * this.stride;
    this.row = this.recs[r]!;
    this.count = this.recs[r + 1]!;
    return true;
  }

  /** The field of `columns[k]` in the current record. */
  field(k: number): string {
    if (k >= this.columns) return '';
    const r = this.at * this.stride + 2 + 3 * k;
    const value = this.text.slice(this.recs[r], this.recs[r + 1]);
    return this.recs[r + 2] === 1 ? value.replaceAll('""', '"') : value;
  }
}
