// Saves the customer's collection script (collectionScript.ts) through the host: a save dialog in
// the desktop app, a download in the browser, as the license check saves its script.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host/HostProvider';
import { today } from '../../engine/customerPlan';
import { collectionScript, collectionScriptFileName } from './collectionScript';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface ScriptCustomer {
  name: string;
  tenantId: string;
}

export function CollectionScriptButton({ customer }: { customer: ScriptCustomer }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const fileName = collectionScriptFileName(customer.name, today());

  const save = async () => {
    const data = collectionScript({ customerName: customer.name, tenantId: customer.tenantId || undefined, generatedAt: new Date().toISOString(), fileName });
    try {
      const result = await host.saveFile({ suggestedName: fileName, filters: [{ name: 'PowerShell', extensions: ['ps1'] }], data });
      setStatus({ ok: true, text: result.saved ? t('caseFile.dataGuide.script.saved', { name: result.name ?? fileName }) : t('caseFile.dataGuide.script.cancelled') });
    } catch (error) {
      setStatus({ ok: false, text: t('caseFile.dataGuide.script.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <>
      <div className={styles.row}>
        <Button icon={<ArrowDownload20Regular />} onClick={() => void save()} data-testid="collection-script">
          {t('caseFile.dataGuide.script.button', { name: customer.name })}
        </Button>
        <Text>{customer.tenantId ? t('caseFile.dataGuide.script.tenant', { tenantId: customer.tenantId }) : t('caseFile.dataGuide.script.noTenant')}</Text>
      </div>
      <div role="status" className={status && !status.ok ? styles.bad : undefined} data-testid="collection-script-status">
        {status?.text}
      </div>
    </>
  );
}
