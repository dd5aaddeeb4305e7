// Running an import from a screen: progress, cancel and the outcome, the same wherever an import
// starts (customers list, offer-matching wizard, catalog in Settings). The work is in the worker.
import { Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../words/bilingual';
import { activityText } from '../words/activityText';
import { refusalText } from '../words/refusalText';
import { formatCount, formatCountOf } from '../../shared/domain/format';
import { isImportError, type AdminCenterReport } from '../../shared/import/index';
import { encodingNameIn } from '../../shared/import/problemWords';
import { checkFileSize, type ImportFileKind } from '../../shared/import/limits';
import { parseFailure, type ImportBlob, type ImportProgress, type ImportRequest } from './importProtocol';
import { prepareImportWorker, startImport, type ImportOutcome } from './startImport';
import { useSync } from '../workspace/SyncContext';

export interface ImportRun {
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
  running: boolean;
  /** Runs an import; `request` may be made here (reading the picked files), and a file it refuses is the outcome. */
  run: (request: ImportRequest | (() => Promise<ImportRequest>)) => Promise<ImportOutcome>;
  cancel: () => void;
}

export function useImport(): ImportRun {
  const sync = useSync();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => prepareImportWorker(), []);
  const run = useCallback(async (request: ImportRequest | (() => Promise<ImportRequest>)) => {
    abort.current = new AbortController();
    setOutcome(null);
    setProgress({ phase: 'parsing' });
    let made: ImportRequest;
    try {
      made = typeof request === 'function' ? await request() : request;
    } catch (e) {
      if (!isImportError(e)) throw e;
      // Refused before the worker started (too large, not text): nothing was read into the workspace.
      const refused: ImportOutcome = { status: 'failed', failure: parseFailure(e) };
      setProgress(null);
      setOutcome(refused);
      return refused;
    }
    const result = await startImport(made, { actor: sync.currentActor(), onProgress: setProgress, signal: abort.current.signal });
    if (result.status === 'done') sync.changed();
    prepareImportWorker();
    setProgress(null);
    setOutcome(result);
    return result;
  }, [sync]);
  const cancel = useCallback(() => abort.current?.abort(), []);
  return { progress, outcome, running: progress !== null, run, cancel };
}

/**
 * A picked file as the worker takes it (undefined when none was picked): its size checked before it
 * is read, then the File itself, read and decoded (UTF-8, UTF-16 or Shift_JIS) in the worker. Throws
 * an ImportError in words when it is too large.
 */
export async function readPicked(file: File | undefined, kind: ImportFileKind): Promise<ImportBlob | undefined> {
  if (!file) return undefined;
  checkFileSize(file, kind);
  return { file: file.name, blob: file, decodeAs: kind === 'catalog' || kind === 'markets' ? 'csv' : 'json' };
}

/** The progress bar while an import runs, and its outcome after (a polite live region). */
export function ImportStatus({ run, testId = 'import-outcome' }: { run: ImportRun; testId?: string }) {
  const { t, i18n } = useTranslation();
  const { progress, outcome } = run;
  return (
    <>
      {progress && (
        <Field label={progress.phase === 'parsing' ? t('customers.import.parsing') : t('customers.import.writing', { done: progress.done, total: progress.total })}>
          <ProgressBar value={progress.phase === 'writing' && progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}
      <div role="status" aria-live="polite" data-testid={testId}>
        {outcome?.status === 'done' && (
          <MessageBar intent="success">
            <MessageBarBody>{t('customers.import.done', { summary: activityText(t, i18n.language, outcome.result.activity) })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.status === 'done' && outcome.result.adminCenter && <AdminCenterNotes report={outcome.result.adminCenter} />}
        {outcome?.status === 'done' &&
          outcome.result.decoded?.map((d) => (
            <MessageBar key={d.file} intent="info" data-testid="import-decoded">
              <MessageBarBody>{t('customers.import.decoded', { file: d.file, encoding: encodingNameIn(i18n.language === 'ja' ? 'ja' : 'en', d.encoding) })}</MessageBarBody>
            </MessageBar>
          ))}
        {outcome?.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('customers.import.cancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              {t(outcome.failure.kind === 'parse' ? 'customers.import.failed.parse' : outcome.failure.kind === 'rejected' ? 'customers.import.failed.rejected' : 'customers.import.failed.storage', {
                message:
                  outcome.failure.kind === 'rejected'
                    ? refusalText(t, i18n.language, outcome.failure.refusal)
                    : outcome.failure.kind === 'parse' && outcome.failure.messageJa
                      ? inLanguage({ en: outcome.failure.message, ja: outcome.failure.messageJa }, i18n.language)
                      : outcome.failure.message,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}

/** What an admin center users export left aside, and what it cannot say (no expiry dates, no channel). */
export function AdminCenterNotes({ report }: { report: AdminCenterReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const names = (list: { name: string; users: number }[]) => list.map((n) => t('caseFile.tenantImport.report.nameUsers', { name: n.name, count: formatCount(n.users, lang) })).join(', ');
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="admin-center-notes">
      <MessageBarBody>
        <ul>
          <li>{t('caseFile.tenantImport.report.layout', { columns: report.layout, rows: formatCountOf(report.rows, 'user', lang) })}</li>
          <li>{t('caseFile.tenantImport.report.lacks')}</li>
          {report.freeOrTrial.length > 0 && <li>{t('caseFile.tenantImport.report.freeOrTrial', { names: names(report.freeOrTrial) })}</li>}
          {report.resolvedBySubscription.length > 0 && <li>{t('caseFile.tenantImport.report.resolved', { names: names(report.resolvedBySubscription) })}</li>}
          {report.ambiguous.map((a) => (
            <li key={a.name}>{t('caseFile.tenantImport.report.ambiguous', { name: a.name, users: formatCountOf(a.users, 'user', lang), candidates: a.candidates.map((c) => c.partNumber).join(', ') })}</li>
          ))}
          {report.notInCatalog.length > 0 && <li>{t('caseFile.tenantImport.report.notInCatalog', { names: names(report.notInCatalog) })}</li>}
          {report.noUsageLocation.length > 0 && (
            <li>
              {t('caseFile.tenantImport.report.noUsageLocation', {
                count: formatCountOf(report.noUsageLocation.length, 'user', lang),
                users: report.noUsageLocation.slice(0, 5).map((u) => t('caseFile.tenantImport.report.userRow', { user: u.userPrincipalName, row: u.row })).join(', '),
              })}
            </li>
          )}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
