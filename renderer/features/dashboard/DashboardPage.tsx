// The dashboard: every customer by stage, what needs attention, the dates that matter, and where
// sync stands, for the whole workspace at once (10,000 customers: npm run bench dashboard).
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AttentionList } from './AttentionList';
import { StageOverview } from './StageOverview';
import { useDashboardStyles } from './styles';
import { SyncSummary } from './SyncSummary';
import { Timeline } from './Timeline';
import { useDashboard } from './useDashboard';

export function DashboardPage() {
  const { t } = useTranslation();
  const styles = useDashboardStyles();
  const dashboard = useDashboard();
  if (!dashboard) return <Spinner label={t('dashboard.loading')} />;
  const conflicts = dashboard.attention.entries.reduce((n, e) => (e.code === 'CONFLICT' ? n + 1 : n), 0);
  return (
    <div className={styles.page} data-testid="dashboard" data-ready="true">
      <StageOverview stages={dashboard.stages} total={dashboard.total} />
      <AttentionList attention={dashboard.attention} planChecked={dashboard.planChecked} />
      <Timeline entries={dashboard.timeline} />
      <SyncSummary conflicts={conflicts} />
    </div>
  );
}
