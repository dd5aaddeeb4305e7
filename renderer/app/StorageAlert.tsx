// Storage problems wherever they happen, on every page: another window upgrading the database
// (this one closes it and must reload), an older window blocking an upgrade, the disk filling up,
// the database closing under a change. Each says what happened and that the work already saved is
// safe; the outbox is never touched.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { storageErrorKey, watchDatabase, type StorageErrorKey } from '../db/health';
import { workspaceDb } from '../workspace/workspace';
import { STORAGE_ERROR_WORDS } from '../words/labels';

/** Failures that concern the workspace as a whole (an "unknown" error belongs to the screen that made it). */
const global: ReadonlySet<StorageErrorKey> = new Set(['quota', 'closed', 'version', 'blocked', 'versionchange']);

export function StorageAlert() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<StorageErrorKey | null>(null);

  useEffect(() => {
    const db = workspaceDb();
    const unwatch = watchDatabase(db, setProblem);
    // Opening fails when a newer copy of the app upgraded the database: say so now, not through
    // every screen's empty lists.
    db.open().catch((e: unknown) => setProblem(storageErrorKey(e)));
    const onRejection = (event: PromiseRejectionEvent) => {
      const key = storageErrorKey(event.reason);
      if (global.has(key)) setProblem(key);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      unwatch();
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, []);

  if (!problem) return null;
  const reload = problem === 'versionchange' || problem === 'closed';
  return (
    <MessageBar intent={problem === 'quota' ? 'warning' : 'error'} layout="multiline" data-testid="storage-alert">
      <MessageBarBody>{STORAGE_ERROR_WORDS[problem](t, '')}</MessageBarBody>
      <MessageBarActions>
        {reload ? (
          <Button onClick={() => window.location.reload()}>{t('storage.reload')}</Button>
        ) : (
          <Button onClick={() => setProblem(null)}>{t('storage.dismiss')}</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
