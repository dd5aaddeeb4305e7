// Opening and saving files for the renderer, which has no file system access of its own: the user
// picks the file in the OS dialog (parented to our window), the main process reads or writes it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HostError, MAX_OPEN_FILE_BYTES, type OpenedFile, type OpenFileArgs, type SaveFileArgs, type SaveFileResult } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomicFile';

/** The parts of Electron's dialog used here; the window is passed through untouched. */
export interface DialogLike<W> {
  showOpenDialog(
    window: W,
    options: { title?: string; filters: { name: string; extensions: string[] }[]; properties: ('openFile' | 'multiSelections')[] },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    window: W,
    options: { title?: string; defaultPath: string; filters: { name: string; extensions: string[] }[]; properties?: ('createDirectory' | 'showOverwriteConfirmation')[] },
  ): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FilesDeps<W> {
  dialog: DialogLike<W>;
  getWindow: () => W;
  /** Where the save dialog starts (the user's Documents folder). */
  defaultDir: () => string;
  maxBytes?: number;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function createFileService<W>(deps: FilesDeps<W>) {
  const maxBytes = deps.maxBytes ?? MAX_OPEN_FILE_BYTES;

  async function readOne(filePath: string): Promise<OpenedFile> {
    const name = path.basename(filePath);
    let size: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new HostError('FILE_READ_FAILED', `"${name}" is not a file`);
      size = info.size;
    } catch (error) {
      if (error instanceof HostError) throw error;
      throw new HostError('FILE_READ_FAILED', `"${name}" could not be read`);
    }
    if (size > maxBytes) {
      throw new HostError(
        'FILE_TOO_LARGE',
        `"${name}" is ${Math.ceil(size / 1024 / 1024)} MB; the largest file the app reads is ${Math.floor(maxBytes / 1024 / 1024)} MB`,
      );
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(filePath);
    } catch {
      throw new HostError('FILE_READ_FAILED', `"${name}" could not be read`);
    }
    // The file may have grown between stat and read.
    if (bytes.byteLength > maxBytes) throw new HostError('FILE_TOO_LARGE', `"${name}" is larger than the app reads`);
    // ignoreBOM: a BOM is kept in the text, for the parser to see (the contract says so).
    return { name, size: bytes.byteLength, text: decoder.decode(bytes) };
  }

  return {
    async open(args: OpenFileArgs): Promise<OpenedFile[] | null> {
      const result = await deps.dialog.showOpenDialog(deps.getWindow(), {
        ...(args.title !== undefined ? { title: args.title } : {}),
        filters: args.filters,
        properties: args.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled || result.filePaths.length === 0) return null;
      const files: OpenedFile[] = [];
      for (const filePath of result.filePaths) files.push(await readOne(filePath));
      return files;
    },

    async save(args: SaveFileArgs): Promise<SaveFileResult> {
      const result = await deps.dialog.showSaveDialog(deps.getWindow(), {
        ...(args.title !== undefined ? { title: args.title } : {}),
        defaultPath: path.join(deps.defaultDir(), args.suggestedName),
        filters: args.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return { saved: false };
      const name = path.basename(result.filePath);
      try {
        await writeFileAtomic(result.filePath, args.data, 0o644);
      } catch {
        throw new HostError('FILE_WRITE_FAILED', `"${name}" could not be written`);
      }
      return { saved: true, name };
    },
  };
}
