// A file's bytes as text, whatever wrote them; and the size limits, refused in words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecodedText, decodeTextBytes } from './decode';
import { checkFileSize, IMPORT_SIZE_LIMITS } from './limits';
import { importErrorOf } from '../../test/support/importErrors';

const fixtures = path.resolve(import.meta.dirname, '../..', '../shared/fixtures');
const users = readFileSync(path.join(fixtures, 'graph/user.licenseAssignmentStates.example.json'), 'utf8');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return le.swap16();
}

const caught = importErrorOf;

describe('decoding a file from its bytes', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with and without a BOM', () => {
    expect(decodeTextBytes(Buffer.from(users), 'users.json', 'json')).toEqual({ text: users, encoding: 'utf-8' });
    expect(decodeTextBytes(Buffer.from(`\uFEFF${users}`), 'users.json', 'json')).toEqual({ text: users, encoding: 'utf-8' });
    expect(decodeTextBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(users)]), 'users.json', 'json')).toEqual({ text: users, encoding: 'utf-16be' });
    expect(decodeTextBytes(utf16be(users), 'users.json', 'json')).toEqual({ text: users, encoding: 'utf-16be' });
    expect(decodeTextBytes(Buffer.from(users, 'utf16le'), 'users.json', 'json')).toEqual({ text: users, encoding: 'utf-16le' });
  });

  it('reads Shift_JIS when the bytes are not UTF-8 (日本 = 0x93FA 0x967B)', () => {
    const bytes = Buffer.from([...Buffer.from('Display name\r\n'), 0x93, 0xfa, 0x96, 0x7b, 0x0d, 0x0a]);
    expect(decodeTextBytes(bytes, 'users.csv', 'csv')).toEqual({ text: 'Display name\r\n日本\r\n', encoding: 'shift_jis' });
  });

  it('gives JSON advice for a JSON file no encoding reads, in both languages', () => {
    const e = caught(() => decodeTextBytes(Buffer.from([0x7b, 0x0a, 0xfd, 0x7d]), 'users.json', 'json'));
    expect(e.code).toBe('INVALID_ENCODING');
    expect(e.message).toBe('users.json: line 2: the file is neither UTF-8, UTF-16 nor Shift_JIS text (this line holds bytes none of them reads): export it again as UTF-8 (PowerShell: Out-File -Encoding utf8)');
    expect(e.messageJa).toBe('ファイル users.json: 2 行目: UTF-8、UTF-16、Shift_JIS のいずれのテキストでもありません (この行にどれでも読めないバイトがあります)。UTF-8 でもう一度書き出してください (PowerShell: Out-File -Encoding utf8)');
  });

  it('refuses text already decoded wrongly: NUL between letters, U+FFFD in the first line', () => {
    expect(caught(() => checkDecodedText('D\u0000i\u0000s\u0000', 'a.csv')).messageJa).toContain('UTF-16 のファイルが UTF-8 として読まれました');
    expect(caught(() => checkDecodedText('Product_Display_Name,\uFFFD\n', 'a.csv')).message).toContain('the first line holds characters that are not UTF-8');
  });
});

describe('size limits', () => {
  it('takes a file up to the limit of its kind and refuses one byte more, naming both sizes', () => {
    expect(() => checkFileSize({ name: 'users.json', size: IMPORT_SIZE_LIMITS.users }, 'users')).not.toThrow();
    const e = caught(() => checkFileSize({ name: 'offers.json', size: IMPORT_SIZE_LIMITS.offers + 1 }, 'offers'));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe("offers.json: the file is more than 50 MB; the largest Partner Center offer list accepted is 50 MB (a 50,000-user tenant's is far smaller): is it the right file? Nothing was read or imported");
    expect(caught(() => checkFileSize({ name: 'org.json', size: 6.25 * 1024 * 1024 }, 'organization')).message).toContain('the file is 6.3 MB; the largest organization export accepted is 5 MB');
  });
});
