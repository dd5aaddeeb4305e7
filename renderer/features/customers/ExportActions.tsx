// The case file's exports: the plan as CSV and XLSX through the host's save dialog (a download in the
// browser), and the one-page summary through the system's print dialog (PDF from there).
import { Button } from '@fluentui/react-components';
import { ArrowDownload20Regular, Print20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingText, type TenantPlan } from '../../../shared/domain/engine';
import { formatCountOf } from '../../../shared/domain/format';
import { useHost } from '../../host/HostProvider';
import type { CustomerData } from '../../engine/customerPlan';
import { today } from '../../engine/customerPlan';
import { useCaseFileStyles } from './caseFileStyles';
import { channelWord, matchWord } from './caseFileWords';
import { exportFileName, planExportTable, toCsv, toXlsx, type ExportColumn, type ExportWords } from './planExport';
import { OutcomeBar } from '../../ui/OutcomeBar';

type Outcome = { intent: 'success' | 'error'; text: string } | null;

function useExportWords(): ExportWords {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const columns = {
    line: t('caseFile.export.columns.line'),
    channel: t('caseFile.export.columns.channel'),
    status: t('caseFile.export.columns.status'),
    sourceSku: t('caseFile.export.columns.sourceSku'),
    sourceSkuId: t('caseFile.export.columns.sourceSkuId'),
    quantity: t('caseFile.export.columns.quantity'),
    consumed: t('caseFile.export.columns.consumed'),
    expires: t('caseFile.export.columns.expires'),
    deadline: t('caseFile.export.columns.deadline'),
    match: t('caseFile.export.columns.match'),
    targetSku: t('caseFile.export.columns.targetSku'),
    targetSkuId: t('caseFile.export.columns.targetSkuId'),
    targetQuantity: t('caseFile.export.columns.targetQuantity'),
    orderDate: t('caseFile.export.columns.orderDate'),
    usersToReassign: t('caseFile.export.columns.usersToReassign'),
    findings: t('caseFile.export.columns.findings'),
    pair: t('caseFile.export.columns.pair'),
    ruleId: t('caseFile.export.columns.ruleId'),
    ruleSince: t('caseFile.export.columns.ruleSince'),
    ruleSource: t('caseFile.export.columns.ruleSource'),
    ruleUrl: t('caseFile.export.columns.ruleUrl'),
    sourceProduct: t('caseFile.export.columns.sourceProduct'),
    targetProduct: t('caseFile.export.columns.targetProduct'),
  } satisfies Record<ExportColumn, string>;
  return {
    columns,
    channel: (c) => channelWord(t, c as Parameters<typeof channelWord>[1]),
    match: (k) => matchWord(t, k as Parameters<typeof matchWord>[1]),
    finding: (f) => findingText(f, lang),
  };
}

export function ExportActions({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const host = useHost();
  const words = useExportWords();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const empty = plan.lines.length === 0;

  const save = async (kind: 'csv' | 'xlsx') => {
    setBusy(true);
    setOutcome(null);
    try {
      const table = planExportTable(plan, data.planLines, words);
      const name = exportFileName(data.customer.name, today(), kind);
      const result =
        kind === 'csv'
          ? await host.saveFile({ suggestedName: name, filters: [{ name: 'CSV', extensions: ['csv'] }], data: toCsv(table) })
          : await host.saveFile({ suggestedName: name, filters: [{ name: 'Excel', extensions: ['xlsx'] }], data: await toXlsx(table, t('caseFile.export.sheetName')) });
      setOutcome(result.saved ? { intent: 'success', text: t('caseFile.export.saved', { name: result.name ?? name, lines: formatCountOf(plan.lines.length, 'planLine', i18n.language === 'ja' ? 'ja' : 'en') }) } : { intent: 'success', text: t('caseFile.export.notSaved') });
    } catch (error) {
      setOutcome({ intent: 'error', text: t('caseFile.export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.row}>
      <Button icon={<ArrowDownload20Regular />} onClick={() => void save('csv')} disabled={busy || empty}>
        {t('caseFile.export.csv')}
      </Button>
      <Button icon={<ArrowDownload20Regular />} onClick={() => void save('xlsx')} disabled={busy || empty}>
        {t('caseFile.export.xlsx')}
      </Button>
      <Button icon={<Print20Regular />} onClick={() => window.print()}>
        {t('caseFile.export.print')}
      </Button>
      <OutcomeBar outcome={outcome} testId="export-outcome" />
    </div>
  );
}
