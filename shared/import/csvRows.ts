// CSV records for large exports (the admin center's 50,000-user file, 29 columns of which the
// import reads 4). A cursor finds each record's field boundaries with the engine's native
// indexOf and makes strings only of the fields asked for: splitting every line into 29 strings
// made 1.5 million short-lived strings per import, and the garbage collector's time was most of
// the parse (PapaParse's fastMode avoids the per-character loop but not the strings, and only
// when the WHOLE file has no quote, while the admin center quotes every field holding a comma).
// RFC 4180: fields in double quotes may hold separators, line breaks and "" for a quote; a quote
// inside an unquoted field is kept as it is. Records of empty or blank fields only are skipped
// (PapaParse's skipEmptyLines: 'greedy').

export type CsvErrorKind = 'unclosed-quote' | 'text-after-quote';

/** The current record's fields, as bounds in what is scanned: the cursors over text and over bytes keep them alike. */
export class CsvFieldBounds {
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1: quoted and holds "" to undo; 2: quoted; 0: not quoted. */
  doubled = new Uint8Array(64);
  /** Fields in the current record. */
  count = 0;
  /** The current record's number, 1-based (the header is record 1), as a spreadsheet counts rows. */
  row = 0;
  /** Set when a record cannot be read; `row` is then that record's number. */
  error: CsvErrorKind | undefined;

  protected push(start: number, end: number, doubled: 0 | 1 | 2): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
      const d = new Uint8Array(this.doubled.length * 2);
      d.set(this.doubled);
      this.doubled = d;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.doubled[this.count] = doubled;
    this.count++;
  }
}

export class CsvCursor extends CsvFieldBounds {
  private readonly text: string;
  private readonly delimiter: string;
  private pos = 0;

  constructor(text: string, delimiter: string) {
    super();
    this.text = text;
    this.delimiter = delimiter;
  }

  /** Moves to the next record that is not blank; false at the end of the text or on an error. */
  next(): boolean {
    while (this.pos < this.text.length) {
      this.row++;
      if (!this.scan()) return false;
      if (!this.blankRecord()) return true;
      this.row--;
    }
    return false;
  }

  /** Field `i` of the current record ('' when the record has fewer fields). */
  field(i: number): string {
    if (i >= this.count) return '';
    const value = this.text.slice(this.starts[i], this.ends[i]);
    return this.doubled[i] === 1 ? value.replaceAll('""', '"') : value;
  }

  /** Every field of the current record. */
  fields(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.field(i));
  }

  /** Every field empty or spaces (PapaParse's greedy test: the joined fields, trimmed, are empty). */
  private blankRecord(): boolean {
    for (let i = 0; i < this.count; i++) if (!this.blank(i)) return false;
    return true;
  }

  private blank(i: number): boolean {
    for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
      const c = this.text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
    }
    return true;
  }

  /** Reads the record at `pos`: its field boundaries, then `pos` after its line break. */
  private scan(): boolean {
    const { text, delimiter } = this;
    const n = text.length;
    const step = delimiter.length;
    this.count = 0;
    let pos = this.pos;
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    for (;;) {
      if (text.charCodeAt(pos) === 34) {
        // Quoted (flag 2, or 1 when it holds "" to undo): ends at a quote not followed by another.
        let from = pos + 1;
        let doubled: 1 | 2 = 2;
        let q: number;
        for (;;) {
          q = text.indexOf('"', from);
          if (q < 0) {
            this.error = 'unclosed-quote';
            return false;
          }
          if (text.charCodeAt(q + 1) !== 34) break;
          doubled = 1;
          from = q + 2;
        }
        this.push(pos + 1, q, doubled);
        pos = q + 1;
        if (pos > nl) {
          nl = text.indexOf('\n', pos);
          if (nl < 0) nl = n;
        }
        if (pos >= n) {
          this.pos = n;
          return true;
        }
        if (text.startsWith(delimiter, pos)) {
          pos += step;
          continue;
        }
        const c = text.charCodeAt(pos);
        if (c === 10 || (c === 13 && (pos + 1 === n || text.charCodeAt(pos + 1) === 10))) {
          this.pos = nl + 1;
          return true;
        }
        this.error = 'text-after-quote';
        return false;
      }
      const d = text.indexOf(delimiter, pos);
      if (d >= 0 && d < nl) {
        this.push(pos, d, 0);
        pos = d + step;
        continue;
      }
      this.push(pos, nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, 0);
      this.pos = nl + 1;
      return true;
    }
  }
}

/** Every record as an array of fields (small files, tests); `error` names the record that cannot be read. */
export function parseCsvRows(text: string, delimiter: string): { rows: string[][]; error?: { row: number; kind: CsvErrorKind } } {
  const cursor = new CsvCursor(text, delimiter);
  const rows: string[][] = [];
  while (cursor.next()) rows.push(cursor.fields());
  return cursor.error ? { rows, error: { row: cursor.row, kind: cursor.error } } : { rows };
}

/** The header line's separator: a comma as Microsoft writes it, `;` or a tab after Excel (European or "Unicode text"). */
export function delimiterOf(headerLine: string): ',' | ';' | '\t' {
  const count = (d: string) => headerLine.split(d).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',' as ',' | ';' | '\t');
}

/** The first line of a text (without its line end). */
export function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
