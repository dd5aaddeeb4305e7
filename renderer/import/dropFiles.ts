// The files of a drop: those dropped and those inside dropped folders, at any depth. A folder from
// Explorer or Finder (say, the collection script's output unpacked) arrives as an entry, not a
// file, and `dataTransfer.files` alone would drop it silently.

/** Past this many files a drop is not a tenant's exports: the rest are left out, and said so. */
export const MAX_DROPPED_FILES = 200;

/** The parts of the File and Directory Entries API a drop uses (Chromium's webkitGetAsEntry). */
export interface DropEntry {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly name: string;
  file?(success: (file: File) => void, failure: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DropEntry[]) => void, failure: (error: unknown) => void): void };
}

export interface DroppedFiles {
  files: File[];
  /** More files than MAX_DROPPED_FILES were there. */
  truncated: boolean;
}

/**
 * Reads a drop. The entries are taken before the first await: a DataTransfer's items are readable
 * only while the drop event is dispatched.
 */
export function filesOfDrop(data: { items?: ArrayLike<{ webkitGetAsEntry?: () => unknown }>; files: ArrayLike<File> }): Promise<DroppedFiles> {
  const entries = Array.from(data.items ?? [], (item) => item.webkitGetAsEntry?.() as DropEntry | null | undefined);
  const files = Array.from(data.files);
  if (entries.length === 0 || entries.some((e) => !e)) return Promise.resolve({ files: files.slice(0, MAX_DROPPED_FILES), truncated: files.length > MAX_DROPPED_FILES });
  return readEntries(entries as DropEntry[]);
}

async function readEntries(roots: DropEntry[]): Promise<DroppedFiles> {
  const files: File[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const entry = queue.shift()!;
    if (entry.isFile && entry.file) {
      if (files.length === MAX_DROPPED_FILES) return { files, truncated: true };
      const read = entry.file.bind(entry);
      files.push(await new Promise<File>((resolve, reject) => read(resolve, reject)));
    } else if (entry.isDirectory && entry.createReader) {
      queue.push(...(await allEntriesOf(entry.createReader())));
    }
  }
  return { files, truncated: false };
}

/** readEntries answers in batches (100 in Chromium) until an empty one. */
async function allEntriesOf(reader: ReturnType<NonNullable<DropEntry['createReader']>>): Promise<DropEntry[]> {
  const all: DropEntry[] = [];
  for (;;) {
    const batch = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all.sort((a, b) => a.name.localeCompare(b.name));
    all.push(...batch);
  }
}
