// Step 2: the customer's tenant exports. What is imported now (files, when, how many rows), and an
// import or refresh in the worker with progress, cancel and, when a file is wrong, which file,
// record or row and field. Also says when the Microsoft catalog, which matching needs, is missing.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountOf, formatDateTime } from '../../../shared/domain/format';
import { importProblemIn } from '../../../shared/import/errors';
import { importsOf } from '../../db/queries';
import { useViewStore } from '../../ui/viewStore';
import { ImportStatus, useImport } from '../../import/useImport';
import { TenantFilePickers, tenantImportRequest, type PickedTenantFiles } from '../../import/TenantFilePickers';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';
import { useWizardStyles } from './styles';


function useExportsSummary(customerId: string) {
  return useLiveQuery(async () => {
    const db = workspaceDb();
    const [customer, imports, catalog] = await Promise.all([db.customers.get(customerId), importsOf(db, customerId), db.catalogState.get('catalog')]);
    const current = customer?.tenantImportId ? (imports.find((i) => i.id === customer.tenantImportId) ?? null) : null;
    const catalogSkus = catalog?.importId ? await db.catalogSkus.where('importId').equals(catalog.importId).count() : 0;
    return { current, catalogSkus };
  }, [customerId]);
}

export function ExportsStep({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useWizardStyles();
  const navigate = useViewStore((s) => s.navigate);
  const summary = useExportsSummary(customerId);
  const [files, setFiles] = useState<PickedTenantFiles>({});
  const importRun = useImport();
  const running = importRun.running;
  const { allowed } = usePermission('tenant.import');

  const run = async (e: FormEvent) => {
    e.preventDefault();
    await importRun.run(() => tenantImportRequest(customerId, files));
  };

  if (!summary) return <Text>{t('offerMatching.loading')}</Text>;
  const current = summary.current;
  const failure = importRun.outcome?.status === 'failed' ? importRun.outcome.failure : null;
  const where = failure?.kind === 'parse' ? failure.details : null;

  return (
    <div className={styles.column}>
      {summary.catalogSkus === 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('offerMatching.exports.noCatalogTitle')}</MessageBarTitle>
            {t('offerMatching.exports.noCatalog')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => navigate('settings')}>{t('offerMatching.exports.openSettings')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <h3 className={styles.subTitle}>{t('offerMatching.exports.currentTitle')}</h3>
      {current ? (
        <dl className={styles.facts} data-testid="current-import">
          <dt>{t('offerMatching.exports.importedAt')}</dt>
          <dd>{t('offerMatching.exports.importedBy', { date: formatDateTime(current.at, lang), by: current.by })}</dd>
          <dt>{t('offerMatching.exports.files')}</dt>
          <dd>{current.files.join(', ') || '–'}</dd>
          <dt>{t('offerMatching.exports.counts')}</dt>
          <dd>
            {t('offerMatching.exports.countsValue', {
              skus: formatCountOf(current.counts.skus ?? 0, 'product', lang),
              subscriptions: formatCountOf(current.counts.subscriptions ?? 0, 'subscription', lang),
              users: formatCountOf(current.counts.users ?? 0, 'user', lang),
            })}
          </dd>
        </dl>
      ) : (
        <Text data-testid="current-import">{t('offerMatching.exports.none')}</Text>
      )}
      <h3 className={styles.subTitle}>{current ? t('offerMatching.exports.refreshTitle') : t('offerMatching.exports.importTitle')}</h3>
      <Text>{t('offerMatching.exports.hint')}</Text>
      <form onSubmit={(e) => void run(e)} className={styles.column}>
        <TenantFilePickers disabled={running} onPick={(kind, file) => setFiles((prev) => ({ ...prev, [kind]: file }))} />
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={!allowed || running || Object.values(files).every((f) => !f)}>
            {current ? t('offerMatching.exports.refresh') : t('offerMatching.exports.import')}
          </Button>
          <PermissionNote permission="tenant.import" />
          {running && (
            <Button type="button" onClick={importRun.cancel}>
              {t('customers.import.cancel')}
            </Button>
          )}
        </div>
      </form>
      <ImportStatus run={importRun} testId="offer-import-outcome" />
      {where && (
        <dl className={styles.facts} data-testid="import-error-details">
          <dt>{t('offerMatching.exports.errorFile')}</dt>
          <dd>{where.file}</dd>
          {where.row !== undefined && (
            <>
              <dt>{t('offerMatching.exports.errorRow')}</dt>
              <dd>{where.row}</dd>
            </>
          )}
          {where.record !== undefined && (
            <>
              <dt>{t('offerMatching.exports.errorRecord')}</dt>
              <dd>{where.recordId ? t('offerMatching.exports.recordWithId', { record: where.record, id: where.recordId }) : where.record}</dd>
            </>
          )}
          {where.line !== undefined && (
            <>
              <dt>{t('offerMatching.exports.errorLine')}</dt>
              <dd>{where.column !== undefined ? t('offerMatching.exports.lineColumn', { line: where.line, column: where.column }) : where.line}</dd>
            </>
          )}
          {where.field !== undefined && where.field !== '' && (
            <>
              <dt>{t('offerMatching.exports.errorField')}</dt>
              <dd>{where.field}</dd>
            </>
          )}
          <dt>{t('offerMatching.exports.errorProblem')}</dt>
          <dd>{importProblemIn(where, i18n.language === 'ja' ? 'ja' : 'en')}</dd>
        </dl>
      )}
    </div>
  );
}
