// The largest file of each kind the app reads, checked on the file's size BEFORE reading it: a wrong
// file (a 200 MB log, a whole mailbox export) is refused in words instead of filling the memory of
// the page and the import worker. The limits stand well above the largest real file of each kind:
// a 50,000-user tenant's Graph users export with licenseAssignmentStates, pretty-printed by
// PowerShell, is about 50-100 MB; its admin-center export about 20 MB (test/bench); Microsoft's
// licensing CSV about 1 MB; a country's Partner Center offer list a few MB.
import { ImportError } from './errors';

const MB = 1024 * 1024;

export type ImportFileKind = 'subscribedSkus' | 'subscriptions' | 'users' | 'organization' | 'adminCenterUsers' | 'collectionZip' | 'partnerCenterCustomer' | 'catalog' | 'offers' | 'markets';

export const IMPORT_SIZE_LIMITS: Record<ImportFileKind, number> = {
  users: 150 * MB,
  adminCenterUsers: 100 * MB,
  // Compressed JSON: a 50,000-user tenant's collection is a few MB; its unpacked size is checked apart (collectionZip.ts).
  collectionZip: 100 * MB,
  subscribedSkus: 20 * MB,
  subscriptions: 20 * MB,
  organization: 5 * MB,
  partnerCenterCustomer: 5 * MB,
  catalog: 20 * MB,
  offers: 50 * MB,
  markets: 5 * MB,
};

const inMb = (bytes: number) => (bytes >= 10 * MB ? Math.round(bytes / MB) : Math.round((bytes / MB) * 10) / 10);

/** Refuses a file larger than the largest of its kind, naming both sizes; the file's bytes are not read. */
export function checkFileSize(file: { name: string; size: number }, kind: ImportFileKind): void {
  const limit = IMPORT_SIZE_LIMITS[kind];
  if (file.size <= limit) return;
  // Just over the limit rounds to the limit: "more than" then, not "50 MB; the largest is 50 MB".
  const over = inMb(file.size) > inMb(limit);
  throw new ImportError({
    code: 'TOO_LARGE',
    file: file.name,
    reason: 'TOO_LARGE',
    params: { kind, limit: String(inMb(limit)), ...(over ? { size: String(inMb(file.size)) } : {}) },
  });
}
