// A license name in the admin center's users export that stands for several SKUs ("Microsoft 365
// Business Basic" is O365_BUSINESS_ESSENTIALS or SMB_BUSINESS_ESSENTIALS), which the tenant's known
// SKUs do not decide: asked of the person importing, before anything is written.
import { Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountOf } from '../../../shared/domain/format';
import { parseAdminCenterUsers, type AdminCenterReport } from '../../../shared/import/index';
import { currentCatalog, currentTenant } from '../../db/queries';
import type { PickedTenantFiles } from '../../import/TenantFilePickers';
import { readTenantFile, sniffTenantFile } from '../../import/tenantFileKind';
import { workspaceDb } from '../../workspace/workspace';

export type Ambiguous = AdminCenterReport['ambiguous'];

/** The ambiguous names of the picked admin-center export, read on the page with the workspace's catalog. */
export function useAmbiguousLicenses(customerId: string, files: PickedTenantFiles): Ambiguous {
  const [ambiguous, setAmbiguous] = useState<Ambiguous>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      // Only the admin center's file is read whole; the others are told apart by their first bytes.
      let picked: File | undefined;
      for (const f of Object.values(files)) if (f && (await sniffTenantFile(f)) === 'adminCenterUsers') picked = f;
      // A file refused here (too large, not text) is refused in words by the import itself.
      const csv = picked ? await readTenantFile(picked, 'adminCenterUsers').catch(() => undefined) : undefined;
      let found: Ambiguous = [];
      if (csv) {
        const db = workspaceDb();
        const [catalog, tenant] = await Promise.all([currentCatalog(db), currentTenant(db, customerId)]);
        try {
          const skus = catalog.skus.map((r) => ({ id: r.skuId, partNumber: r.partNumber, name: r.name, servicePlans: r.servicePlans }));
          found = parseAdminCenterUsers(csv.text, csv.file, { skus }, { subscribedSkuIds: tenant?.skus.map((s) => s.skuId) ?? [] }).report.ambiguous;
        } catch {
          // A file that cannot be read is reported, in words, by the import itself.
        }
      }
      if (live) setAmbiguous(found);
    })();
    return () => {
      live = false;
    };
  }, [customerId, files]);
  return ambiguous;
}

export function AmbiguousChoices({ ambiguous, chosen, onChoose, disabled }: { ambiguous: Ambiguous; chosen: Record<string, string>; onChoose: (name: string, skuId: string) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {ambiguous.map((a) => (
        <Field key={a.name} label={t('caseFile.tenantImport.choose', { name: a.name, users: formatCountOf(a.users, 'user', i18n.language === 'ja' ? 'ja' : 'en') })} hint={t('caseFile.tenantImport.chooseHint')}>
          <Select value={chosen[a.name] ?? ''} onChange={(_, d) => onChoose(a.name, d.value)} disabled={disabled}>
            <option value="">{t('caseFile.tenantImport.leaveOut')}</option>
            {a.candidates.map((c) => (
              <option key={c.skuId} value={c.skuId}>
                {c.partNumber}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </>
  );
}
