// A file's bytes as text, whatever wrote it: the admin center and Graph write UTF-8 (with or without
// a BOM); Excel's "Unicode text" and Windows PowerShell 5.1's Out-File write UTF-16 with a BOM;
// Excel (and PowerShell's "Default" encoding) on Japanese Windows write Shift_JIS (CP932). Each is
// decoded rather than read as garbage, the encoding used is said, and bytes none of them reads are
// refused in words, naming the first line that holds them.
import { ImportError } from './errors';

/** The encodings a file is read in (their names: encodingNameIn, shared/words encoding.*). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/** UTF-16 without a BOM: ASCII text has a zero in every other byte of its start. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * The encoding to read the start of a file with, to recognise its kind from its first bytes (a BOM,
 * or UTF-16's zero bytes; otherwise UTF-8, which reads the ASCII of a Shift_JIS header too).
 */
export function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return utf16WithoutBom(bytes) ?? 'utf-8';
}

/** The 1-based line of the first character a UTF-8 decoder cannot read. */
function firstBadLine(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < bad; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The text of a file's bytes and the encoding it was read with. `kind` only chooses the advice given
 * when no encoding reads the bytes (how to save a CSV or a JSON file again as UTF-8).
 */
export function decodeTextBytes(bytes: Uint8Array, file: string, kind: 'csv' | 'json'): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const noBom = start === 0 ? utf16WithoutBom(bytes) : null;
  if (noBom) return { text: new TextDecoder(noBom).decode(bytes), encoding: noBom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
    } catch {
      const line = firstBadLine(bytes.subarray(start));
      throw new ImportError({
        code: 'INVALID_ENCODING',
        file,
        line,
        reason: 'NOT_TEXT',
        params: { fileType: kind },
      });
    }
  }
}

/**
 * Text that was decoded with the wrong encoding before it reached the parser (a UTF-16 file read as
 * UTF-8 shows NUL characters between letters; an unreadable byte becomes U+FFFD): refused in words.
 */
export function checkDecodedText(text: string, file: string): void {
  const head = text.slice(0, 200);
  if (head.includes('\u0000')) {
    throw new ImportError({
      code: 'INVALID_ENCODING',
      file,
      line: 1,
      reason: 'UTF16_READ_AS_UTF8',
    });
  }
  if (head.includes('\uFFFD')) {
    throw new ImportError({
      code: 'INVALID_ENCODING',
      file,
      line: 1,
      reason: 'NOT_UTF8_FIRST_LINE',
    });
  }
}

/** The text without the byte order mark Microsoft's exports and Excel's "CSV UTF-8" start with. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
