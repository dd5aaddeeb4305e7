// Step 4: the CSV and the PowerShell script, saved through the host (a save dialog in the desktop
// app, a download in the browser).
import { Button, Text } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogProductNames, formatCountOf } from '../../../shared/domain/format';
import { useHost } from '../../host/HostProvider';
import type { CustomerData } from '../../engine/customerPlan';
import { today } from '../../engine/customerPlan';
import { usePermission } from '../../workspace/usePermission';
import { licenseChangesCsv } from './licenseCsv';
import type { ExportUserChanges } from './pairTargets';
import { reassignmentScript } from './reassignmentScript';
import { exportFileNames } from '../../output/fileNames';
import { useWizardStyles } from './styles';

export function ExportStep({ data, users }: { data: CustomerData; users: readonly ExportUserChanges[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useWizardStyles();
  const host = useHost();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const names = exportFileNames(data.customer.name, today());
  const changeCount = users.reduce((n, u) => n + u.changes.length, 0);
  const mayAssign = usePermission('license.assign').allowed;

  const save = async (kind: 'csv' | 'script') => {
    const suggestedName = kind === 'csv' ? names.csv : names.script;
    const text =
      kind === 'csv'
        ? licenseChangesCsv(users, catalogProductNames(data.catalog))
        : reassignmentScript(
            { customerName: data.customer.name, plan: data.plan ? { id: data.plan.id, status: data.plan.status, asOf: data.plan.asOf } : null, generatedAt: new Date().toISOString(), tenantId: data.customer.tenantId, fileName: names.script, products: catalogProductNames(data.catalog) },
            users,
          );
    try {
      const result = await host.saveFile({
        suggestedName,
        filters: kind === 'csv' ? [{ name: 'CSV', extensions: ['csv'] }] : [{ name: 'PowerShell', extensions: ['ps1'] }],
        data: text,
      });
      setStatus(result.saved ? { ok: true, text: t('licenseCheck.export.saved', { name: result.name ?? suggestedName }) } : { ok: true, text: t('licenseCheck.export.cancelled') });
    } catch (error) {
      setStatus({ ok: false, text: t('licenseCheck.export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <>
      <Text>{t('licenseCheck.export.intro', { users: formatCountOf(users.length, 'user', lang), changes: formatCountOf(changeCount, 'licenseChange', lang) })}</Text>
      <div className={styles.row}>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void save('csv')} disabled={users.length === 0}>
          {t('licenseCheck.export.csv')}
        </Button>
        <Button icon={<ArrowDownload20Regular />} appearance="primary" onClick={() => void save('script')} disabled={users.length === 0}>
          {t('licenseCheck.export.script')}
        </Button>
      </div>
      <div role="status" className={status && !status.ok ? styles.bad : undefined} data-testid="export-status">
        {status?.text}
      </div>
      <Text weight="semibold">{t('licenseCheck.export.howTitle')}</Text>
      <ol className={styles.list}>
        <li>{t('licenseCheck.export.how1')}</li>
        <li>{t('licenseCheck.export.how2')}</li>
        <li>{t('licenseCheck.export.how3')}</li>
      </ol>
      <pre className={styles.pre}>{`.\\${names.script} -DryRun\n.\\${names.script}`}</pre>
      {!mayAssign && <Text className={styles.warn}>{t('licenseCheck.export.roleHint')}</Text>}
    </>
  );
}
