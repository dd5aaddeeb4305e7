// The four Microsoft Graph exports of a customer tenant, picked as files: the same pickers wherever
// a tenant is imported (the customers list, the offer-matching wizard), and the import request
// they make.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ImportRequest } from './importProtocol';
import { readPicked } from './useImport';

export const TENANT_FILE_KINDS = ['subscribedSkus', 'subscriptions', 'users', 'organization'] as const;
export type TenantFileKind = (typeof TENANT_FILE_KINDS)[number];
export type PickedTenantFiles = Partial<Record<TenantFileKind, File>>;

const useStyles = makeStyles({
  files: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalM },
  fileLabel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function TenantFilePickers({ disabled, onPick }: { disabled: boolean; onPick: (kind: TenantFileKind, file: File | undefined) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.files}>
      {TENANT_FILE_KINDS.map((kind) => (
        <label key={kind} className={styles.fileLabel}>
          {t(`customers.import.file.${kind}`)}
          <input type="file" accept=".json,application/json" disabled={disabled} onChange={(e) => onPick(kind, e.currentTarget.files?.[0])} />
        </label>
      ))}
    </div>
  );
}

/** The worker's request for the picked files (read as text). */
export async function tenantImportRequest(customerId: string, files: PickedTenantFiles): Promise<ImportRequest> {
  const request: ImportRequest = { kind: 'tenant', customerId, files: {} };
  for (const kind of TENANT_FILE_KINDS) {
    const file = await readPicked(files[kind]);
    if (file) request.files[kind] = file;
  }
  return request;
}
