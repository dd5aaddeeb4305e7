// Settings > Workspace data: storage use and persistence, and backup / restore of the workspace.
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBackup, exportWorkspace, restoreWorkspace, type BackupFile } from '../../db/backup';
import { requestPersistence, storageErrorKey, storageHealth, type StorageErrorKey, type StorageHealth } from '../../db/health';
import { closeWorkspace, workspaceDb } from '../../workspace/workspace';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { newClientId } from '../../sync/ids';
import { STORAGE_ERROR_WORDS } from '../../words/labels';
import { refusalText } from '../../words/refusalText';

const useStyles = makeStyles({
  section: sectionStyle,
  sectionTitle: sectionTitleStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  fileLabel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

type Message = { intent: 'success' | 'error' | 'warning'; text: string };

export function WorkspaceDataSection() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const title = useId();
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pendingRestore, setPendingRestore] = useState<{ backup: BackupFile; pending: number } | null>(null);

  // Version-change and blocked events are shown on every page (app/StorageAlert.tsx).
  useEffect(() => {
    void storageHealth().then(setHealth);
  }, []);

  const fail = (e: unknown) => setMessage({ intent: 'error', text: STORAGE_ERROR_WORDS[storageErrorKey(e)](t, e instanceof Error ? e.message : String(e)) });

  const download = async () => {
    try {
      const file = await exportWorkspace(workspaceDb());
      const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `workspace-backup-${file.exportedAt.slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(url);
      setMessage({ intent: 'success', text: t('backup.exported') });
    } catch (e) {
      fail(e);
    }
  };

  const restore = async (backup: BackupFile, dropPendingChanges: boolean) => {
    try {
      const outcome = await restoreWorkspace(workspaceDb(), backup, { dropPendingChanges, newClientId });
      if (outcome.ok) {
        setPendingRestore(null);
        closeWorkspace(); // the page's SyncClient must read the new sync state
        const count = Object.values(outcome.restored).reduce((a, b) => a + b, 0);
        setMessage({ intent: 'success', text: t('backup.restored', { count }) });
      } else if (outcome.reason === 'pending-changes') {
        setPendingRestore({ backup, pending: outcome.pending });
      } else {
        setMessage({ intent: 'error', text: t('backup.invalid', { message: outcome.reason === 'rejected' ? refusalText(t, i18n.language, outcome.refusal) : outcome.message }) });
      }
    } catch (e) {
      fail(e);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    const check = checkBackup(await file.text());
    if (!check.ok) {
      setMessage({ intent: 'error', text: t('backup.invalid', { message: check.message }) });
      return;
    }
    if (check.backup.scope.kind !== 'workspace') {
      setMessage({ intent: 'error', text: t('backup.customerFile') });
      return;
    }
    await restore(check.backup, false);
  };

  return (
    <section className={styles.section} aria-labelledby={title}>
      <h2 id={title} className={styles.sectionTitle}>
        {t('backup.title')}
      </h2>
      <Text data-testid="storage-usage">
        {health?.usage != null && health.quota != null
          ? t('storage.usage', { used: mb(health.usage), quota: mb(health.quota) })
          : t('storage.usageUnknown')}
        {' '}
        {health?.persisted ? t('storage.persisted') : t('storage.notPersisted')}
      </Text>
      <div className={styles.row}>
        {!health?.persisted && (
          <Button onClick={() => void requestPersistence().then(() => storageHealth().then(setHealth))}>{t('storage.persist')}</Button>
        )}
        <Button appearance="primary" onClick={() => void download()}>
          {t('backup.export')}
        </Button>
        <label className={styles.fileLabel}>
          {t('backup.restore')}
          <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
        </label>
      </div>
      <Text>{t('backup.restoreHint')}</Text>
      {pendingRestore && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('backup.pending', { count: pendingRestore.pending })}{' '}
            <Button onClick={() => void restore(pendingRestore.backup, true)}>{t('backup.replaceAnyway')}</Button>{' '}
            <Button onClick={() => setPendingRestore(null)}>{t('backup.keep')}</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status" aria-live="polite" data-testid="backup-outcome">
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}

export type { StorageErrorKey };
