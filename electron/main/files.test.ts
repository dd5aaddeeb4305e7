import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileService, type DialogLike } from './files';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csp-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const WINDOW = { id: 'main-window' };

function fakeDialog(answer: { open?: string[] | null; save?: string | null }) {
  const seen: { kind: string; window: unknown; options: unknown }[] = [];
  const dialog: DialogLike<typeof WINDOW> = {
    showOpenDialog: async (window, options) => {
      seen.push({ kind: 'open', window, options });
      return answer.open ? { canceled: false, filePaths: answer.open } : { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (window, options) => {
      seen.push({ kind: 'save', window, options });
      return answer.save ? { canceled: false, filePath: answer.save } : { canceled: true };
    },
  };
  return { dialog, seen };
}

const filters = [{ name: 'CSV', extensions: ['csv'] }];

describe('file.open (fake Electron dialog)', () => {
  it('reads the chosen files as UTF-8, keeping a BOM, names without folders', async () => {
    const a = path.join(dir, 'licenses.csv');
    const b = path.join(dir, 'users.json');
    writeFileSync(a, '\uFEFFSku,Anzahl\nE3,5\n', 'utf8');
    writeFileSync(b, '{"name":"株式会社"}', 'utf8');
    const { dialog, seen } = fakeDialog({ open: [a, b] });
    const files = createFileService({ dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    const result = await files.open({ filters, multiple: true, title: 'Import' });
    expect(result).toEqual([
      { name: 'licenses.csv', size: Buffer.byteLength('\uFEFFSku,Anzahl\nE3,5\n'), text: '\uFEFFSku,Anzahl\nE3,5\n' },
      { name: 'users.json', size: Buffer.byteLength('{"name":"株式会社"}'), text: '{"name":"株式会社"}' },
    ]);
    expect(seen[0]).toEqual({ kind: 'open', window: WINDOW, options: { title: 'Import', filters, properties: ['openFile', 'multiSelections'] } });
  });

  it('asks for one file unless multiple is set, and answers null when cancelled', async () => {
    const { dialog, seen } = fakeDialog({ open: null });
    const files = createFileService({ dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    expect(await files.open({ filters })).toBeNull();
    expect(seen[0]?.options).toMatchObject({ properties: ['openFile'] });
  });

  it('refuses a file over the size limit with FILE_TOO_LARGE, and a missing one with FILE_READ_FAILED', async () => {
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, 'x'.repeat(2048));
    const files = createFileService({ dialog: fakeDialog({ open: [big] }).dialog, getWindow: () => WINDOW, defaultDir: () => dir, maxBytes: 1024 });
    await expect(files.open({ filters })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('big.csv') });
    const gone = createFileService({ dialog: fakeDialog({ open: [path.join(dir, 'gone.csv')] }).dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    await expect(gone.open({ filters })).rejects.toMatchObject({ code: 'FILE_READ_FAILED' });
    const folder = createFileService({ dialog: fakeDialog({ open: [dir] }).dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    await expect(folder.open({ filters })).rejects.toMatchObject({ code: 'FILE_READ_FAILED' });
  });
});

describe('file.save (fake Electron dialog)', () => {
  it('writes text or bytes atomically to the chosen path and names the file', async () => {
    const target = path.join(dir, 'plan.csv');
    writeFileSync(target, 'old');
    const { dialog, seen } = fakeDialog({ save: target });
    const files = createFileService({ dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    expect(await files.save({ suggestedName: 'plan.csv', filters, data: 'a,b\n1,2\n' })).toEqual({ saved: true, name: 'plan.csv' });
    expect(readFileSync(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(seen[0]?.options).toMatchObject({ defaultPath: path.join(dir, 'plan.csv'), filters });
    await files.save({ suggestedName: 'plan.csv', filters, data: new Uint8Array([1, 2, 3]) });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['plan.csv']);
  });

  it('answers saved:false when cancelled and FILE_WRITE_FAILED when the folder is gone', async () => {
    const cancelled = createFileService({ dialog: fakeDialog({ save: null }).dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    expect(await cancelled.save({ suggestedName: 'x.csv', filters, data: 'x' })).toEqual({ saved: false });
    const broken = createFileService({ dialog: fakeDialog({ save: path.join(dir, 'no', 'such', 'x.csv') }).dialog, getWindow: () => WINDOW, defaultDir: () => dir });
    await expect(broken.save({ suggestedName: 'x.csv', filters, data: 'x' })).rejects.toMatchObject({ code: 'FILE_WRITE_FAILED' });
  });
});
