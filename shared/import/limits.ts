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

const KIND_WORDS: Record<ImportFileKind, { en: string; ja: string }> = {
  users: { en: 'users export (Graph)', ja: 'ユーザーのエクスポート (Graph)' },
  adminCenterUsers: { en: 'admin center users export', ja: '管理センターのユーザー エクスポート' },
  collectionZip: { en: 'collection script zip', ja: '収集スクリプトの zip' },
  subscribedSkus: { en: 'subscribedSkus export', ja: 'subscribedSkus のエクスポート' },
  subscriptions: { en: 'directory/subscriptions export', ja: 'directory/subscriptions のエクスポート' },
  organization: { en: 'organization export', ja: 'organization のエクスポート' },
  partnerCenterCustomer: { en: 'Partner Center customer JSON', ja: 'パートナー センターの顧客 JSON' },
  catalog: { en: 'licensing CSV', ja: 'ライセンス CSV' },
  offers: { en: 'Partner Center offer list', ja: 'パートナー センターのオファー一覧' },
  markets: { en: 'markets CSV', ja: '市場の CSV' },
};

const inMb = (bytes: number) => (bytes >= 10 * MB ? Math.round(bytes / MB) : Math.round((bytes / MB) * 10) / 10);

/** Refuses a file larger than the largest of its kind, naming both sizes; the file's bytes are not read. */
export function checkFileSize(file: { name: string; size: number }, kind: ImportFileKind): void {
  const limit = IMPORT_SIZE_LIMITS[kind];
  if (file.size <= limit) return;
  const words = KIND_WORDS[kind];
  // Just over the limit rounds to the limit: "more than" then, not "50 MB; the largest is 50 MB".
  const over = inMb(file.size) > inMb(limit);
  const size = over ? `is ${inMb(file.size)} MB` : `is more than ${inMb(limit)} MB`;
  const sizeJa = over ? `${inMb(file.size)} MB あります` : `${inMb(limit)} MB を超えています`;
  throw new ImportError({
    code: 'TOO_LARGE',
    file: file.name,
    problem: `the file ${size}; the largest ${words.en} accepted is ${inMb(limit)} MB (a 50,000-user tenant's is far smaller): is it the right file? Nothing was read or imported`,
    problemJa: `ファイルは ${sizeJa}。受け付ける${words.ja}の最大は ${inMb(limit)} MB です (ユーザー 50,000 人のテナントでもずっと小さくなります)。正しいファイルですか? 何も読み込まず、インポートしていません`,
  });
}
