// The pending list's lines: one line per change, except an import, which is stored as many chunk
// changes and a commit (about 50 for a 50,000-user tenant) and is one act for the person: one line,
// described by its commit, with the number of changes it travels as.
import type { OutboxEntry } from '../../../shared/sync/clientStore';

export interface PendingLine {
  key: string;
  /** The change that says what the line is: an import's commit when it is there, else its first change. */
  lead: OutboxEntry;
  entries: OutboxEntry[];
}

function importIdOf(entry: Pick<OutboxEntry, 'name' | 'args'>): string | null {
  if (!/\.import(Chunk|Commit)$/.test(entry.name)) return null;
  const id = (entry.args as { importId?: unknown } | null)?.importId;
  return typeof id === 'string' ? id : null;
}

export function pendingLines(outbox: readonly OutboxEntry[]): PendingLine[] {
  const lines: PendingLine[] = [];
  const byImport = new Map<string, PendingLine>();
  for (const entry of outbox) {
    const importId = importIdOf(entry);
    const line = importId ? byImport.get(importId) : undefined;
    if (line) {
      line.entries.push(entry);
      if (entry.name.endsWith('.importCommit')) line.lead = entry;
      continue;
    }
    const fresh: PendingLine = { key: String(entry.id), lead: entry, entries: [entry] };
    lines.push(fresh);
    if (importId) byImport.set(importId, fresh);
  }
  return lines;
}
