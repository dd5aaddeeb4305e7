// Where the team's copy stands: the sync phase, what waits to be sent, and the way to Review & sync.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../ui/viewStore';
import { useSyncStore } from '../../sync/controller';
import { workspaceDb } from '../../workspace/workspace';
import { formatCount, formatDateTime } from '../../../shared/domain/format';
import { useDashboardStyles } from './styles';
import { SYNC_PHASE_WORDS } from '../../words/labels';
import { syncFailureText } from '../../words/serverErrors';

const useStyles = makeStyles({
  facts: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', alignItems: 'baseline' },
  phase: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function SyncSummary({ conflicts }: { conflicts: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useDashboardStyles();
  const titleId = useId();
  const status = useSyncStore((s) => s.status);
  // Counted from the outbox itself: the worker's figure stays at 0 while nobody is signed in,
  // which would hide the changes waiting on this computer.
  const pending = useLiveQuery(() => workspaceDb().outbox.count(), []) ?? status.pending;
  return (
    <section className={shared.section} aria-labelledby={titleId} data-testid="dashboard-sync">
      <h2 id={titleId} className={shared.sectionTitle}>
        {t('dashboard.sync.title')}
      </h2>
      <div className={styles.facts}>
        <Text className={styles.phase} data-testid="sync-phase">
          {SYNC_PHASE_WORDS[status.phase](t)}
        </Text>
        <Text>{status.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) }) : t('dashboard.sync.never')}</Text>
        <Text data-testid="sync-pending">{t('dashboard.sync.pending', { count: formatCount(pending, i18n.language) })}</Text>
        <Text data-testid="sync-conflicts">{t('dashboard.sync.conflicts', { count: formatCount(conflicts, i18n.language) })}</Text>
      </div>
      {status.error && <Text className={styles.error}>{syncFailureText(t, status)}</Text>}
      <a className={shared.link} href={hashOf('review-sync')}>
        {t('dashboard.sync.open')}
      </a>
    </section>
  );
}
