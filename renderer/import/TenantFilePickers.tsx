// The customer tenant's exports, picked or dropped as files: the collection script's zip, the four
// Microsoft Graph exports and the Microsoft 365 admin center's users export (CSV). The same pickers wherever a tenant is imported
// (the customers list, the offer-matching wizard), and the import request they make. Each file goes
// where its content says, not its name or the picker it was given to.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filesOfDrop, MAX_DROPPED_FILES } from './dropFiles';
import type { ImportRequest } from './importProtocol';
import { sendTenantFile, sniffTenantFile, type TenantFileKind } from './tenantFileKind';
import type { Translate } from '../words/labels';

export const TENANT_FILE_KINDS = ['collectionZip', 'subscribedSkus', 'subscriptions', 'users', 'organization', 'adminCenterUsers', 'partnerCenterCustomer'] as const satisfies readonly TenantFileKind[];
export type { TenantFileKind };
export type PickedTenantFiles = Partial<Record<TenantFileKind, File>>;

const useStyles = makeStyles({
  files: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalM },
  fileLabel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    textAlign: 'center',
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** The picker's label: the Graph exports' words are the app's, the admin center's and the collection zip's the customers feature's. */
export const TENANT_FILE_WORDS: Record<TenantFileKind, (t: Translate) => string> = {
  subscribedSkus: (t) => t('customers.import.file.subscribedSkus'),
  subscriptions: (t) => t('customers.import.file.subscriptions'),
  users: (t) => t('customers.import.file.users'),
  organization: (t) => t('customers.import.file.organization'),
  adminCenterUsers: (t) => t('caseFile.tenantImport.adminCenterFile'),
  collectionZip: (t) => t('caseFile.tenantImport.collectionZip'),
  partnerCenterCustomer: (t) => t('pcLists.customerJsonFile'),
};

const ACCEPT: Record<TenantFileKind, string> = {
  collectionZip: '.zip,application/zip',
  adminCenterUsers: '.csv,text/csv',
  subscribedSkus: '.json,application/json',
  subscriptions: '.json,application/json',
  users: '.json,application/json',
  organization: '.json,application/json',
  partnerCenterCustomer: '.json,application/json',
};

export function TenantFilePickers({ disabled, onPick }: { disabled: boolean; onPick: (kind: TenantFileKind, file: File | undefined) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [over, setOver] = useState(false);
  const [recognised, setRecognised] = useState<{ name: string; kind: TenantFileKind | null; several: string[] }[]>([]);
  const [truncated, setTruncated] = useState(false);

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = await filesOfDrop(e.dataTransfer);
    const found = await Promise.all(dropped.files.map(async (file) => ({ file, name: file.name, kind: await sniffTenantFile(file) })));
    // One file per kind: of several (a paged export unpacked), none is taken rather than the last one
    // silently, and the person is told to import the collection zip as it is.
    const namesOf = (kind: TenantFileKind) => found.filter((f) => f.kind === kind).map((f) => f.name);
    const listed = found.map((f) => ({ name: f.name, kind: f.kind, several: f.kind && namesOf(f.kind).length > 1 ? namesOf(f.kind) : [] }));
    for (const f of found) if (f.kind && namesOf(f.kind).length === 1) onPick(f.kind, f.file);
    setRecognised(listed);
    setTruncated(dropped.truncated);
  };

  return (
    <>
      <div
        className={over ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        data-testid="tenant-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        {t('caseFile.tenantImport.drop')}
      </div>
      {(recognised.length > 0 || truncated) && (
        <ul role="status" data-testid="tenant-drop-recognised">
          {recognised.map((r) => (
            <li key={r.name}>
              {!r.kind
                ? t('caseFile.tenantImport.notRecognised', { name: r.name })
                : r.several.length > 0
                  ? t('caseFile.tenantImport.severalOfKind', { name: r.name, kind: TENANT_FILE_WORDS[r.kind](t), count: r.several.length })
                  : t('caseFile.tenantImport.recognised', { name: r.name, kind: TENANT_FILE_WORDS[r.kind](t) })}
            </li>
          ))}
          {truncated && <li>{t('caseFile.tenantImport.tooManyDropped', { count: MAX_DROPPED_FILES })}</li>}
        </ul>
      )}
      <div className={styles.files}>
        {TENANT_FILE_KINDS.map((kind) => (
          <label key={kind} className={styles.fileLabel}>
            {TENANT_FILE_WORDS[kind](t)}
            <input
              type="file"
              accept={ACCEPT[kind]}
              disabled={disabled}
              onChange={(e) => onPick(kind, e.currentTarget.files?.[0])}
            />
          </label>
        ))}
      </div>
    </>
  );
}

/**
 * The worker's request for the picked files (each File as it is, read and decoded in the worker; the
 * collection zip as bytes), each under the kind its content says. Throws the ImportError of a file
 * refused before it is read (too large).
 */
export async function tenantImportRequest(customerId: string, files: PickedTenantFiles, chosenSkus?: Record<string, string>): Promise<ImportRequest & { kind: 'tenant' }> {
  const request: ImportRequest & { kind: 'tenant' } = { kind: 'tenant', customerId, files: {}, ...(chosenSkus ? { chosenSkus } : {}) };
  for (const kind of TENANT_FILE_KINDS) {
    const picked = files[kind];
    if (!picked) continue;
    // Its kind from its first bytes decides the largest size accepted, before the file is read whole,
    // and where it goes: the page never holds the whole file's text.
    const sniffed = await sniffTenantFile(picked);
    const file = await sendTenantFile(picked, sniffed ?? kind);
    if ('bytes' in file) {
      request.files.collectionZip = file;
      continue;
    }
    // A file whose content is not recognised stays where it was picked: its importer says what is wrong
    // (a non-zip given to the zip's picker goes to the Graph import, which names it).
    request.files[sniffed && sniffed !== 'collectionZip' ? sniffed : kind === 'collectionZip' ? 'users' : kind] = file;
  }
  return request;
}
