// Expiries and 30-day deadlines, soonest first, over a period the reader picks. Overdue dates stay
// at the top whatever the period: their data may already be lost.
import { Badge, Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRED_WINDOW_DAYS } from '../../../shared/domain/engine';
import { hashOf } from '../../ui/viewStore';
import { formatCount, formatDay } from '../../../shared/domain/format';
import { useDashboardStyles } from './styles';
import { within, type TimelineEntry } from './timeline';
import { VirtualList } from './VirtualList';

const useStyles = makeStyles({
  entry: { gridTemplateColumns: '200px minmax(130px, 1fr) minmax(0, 1.4fr) 150px', alignItems: 'start' },
  when: { display: 'flex', flexDirection: 'column' },
  date: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  what: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  filter: { maxWidth: '240px' },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', justifyContent: 'flex-end' },
});

const HORIZONS = ['30', '90', '365', 'all'] as const;
type Horizon = (typeof HORIZONS)[number];

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useDashboardStyles();
  const titleId = useId();
  const [horizon, setHorizon] = useState<Horizon>('90');
  const shown = useMemo(() => within(entries, horizon === 'all' ? null : Number(horizon)), [entries, horizon]);
  const lang = i18n.language;

  const horizonLabel = (h: Horizon) =>
    h === '30' ? t('dashboard.timeline.horizon30') : h === '90' ? t('dashboard.timeline.horizon90') : h === '365' ? t('dashboard.timeline.horizon365') : t('dashboard.timeline.horizonAll');
  const stateLabel = (e: TimelineEntry) =>
    e.state === 'past-deadline'
      ? t('dashboard.timeline.state.pastDeadline')
      : e.state === 'in-expired-window'
        ? t('dashboard.timeline.state.inWindow')
        : e.state === 'expiring-soon'
          ? t('dashboard.timeline.state.expiringSoon')
          : t('dashboard.timeline.state.active');
  const stateColor = (e: TimelineEntry) =>
    e.state === 'past-deadline' ? 'danger' : e.state === 'in-expired-window' ? 'warning' : e.state === 'expiring-soon' ? 'important' : 'informative';
  const daysText = (days: number) =>
    days === 0 ? t('dashboard.timeline.today') : days > 0 ? t('dashboard.timeline.daysLeft', { count: formatCount(days, lang) }) : t('dashboard.timeline.daysAgo', { count: formatCount(-days, lang) });

  return (
    <section className={shared.section} aria-labelledby={titleId} data-testid="dashboard-timeline">
      <div className={shared.header}>
        <h2 id={titleId} className={shared.sectionTitle}>
          {t('dashboard.timeline.title')}
        </h2>
        <Text className={shared.muted} data-testid="timeline-count">
          {t('dashboard.timeline.shown', { shown: formatCount(shown.length, lang), total: formatCount(entries.length, lang) })}
        </Text>
      </div>
      <Text className={shared.small}>{t('dashboard.timeline.hint', { days: EXPIRED_WINDOW_DAYS })}</Text>
      {entries.length === 0 ? (
        <Text>{t('dashboard.timeline.noData')}</Text>
      ) : (
        <>
          <Field label={t('dashboard.timeline.horizon')} className={styles.filter}>
            <Select value={horizon} onChange={(_, d) => setHorizon(d.value as Horizon)}>
              {HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {horizonLabel(h)}
                </option>
              ))}
            </Select>
          </Field>
          {shown.length === 0 ? (
            <Text>{t('dashboard.timeline.none')}</Text>
          ) : (
            <VirtualList
              items={shown}
              label={t('dashboard.timeline.listLabel')}
              getKey={(e) => e.key}
              estimateSize={64}
              maxHeight={420}
              testId="timeline-list"
              renderItem={(e, tabIndex) => (
                <div className={mergeClasses(shared.row, styles.entry)} data-state={e.state}>
                  <div className={styles.when}>
                    <span className={styles.date}>{formatDay(e.nextDate, lang)}</span>
                    <span className={shared.small}>
                      {t('dashboard.timeline.when', {
                        event: e.next === 'expiry' ? t('dashboard.timeline.event.expiry') : t('dashboard.timeline.event.deadline'),
                        days: daysText(e.daysToNext),
                      })}
                    </span>
                  </div>
                  <a className={shared.link} href={hashOf('customers', e.customerId)} tabIndex={tabIndex}>
                    {e.customerName}
                  </a>
                  <div className={styles.what}>
                    <span>
                      {e.product}
                      {e.product !== e.sku && <span className={mergeClasses(shared.code, shared.muted)}> {e.sku}</span>}
                    </span>
                    <span className={mergeClasses(shared.small, shared.muted)}>
                      {t('dashboard.timeline.dates', { expires: formatDay(e.expires, lang), deadline: formatDay(e.deadline, lang) })}
                    </span>
                  </div>
                  <div className={styles.badges}>
                    <Badge appearance="tint" color={stateColor(e)}>
                      {stateLabel(e)}
                    </Badge>
                    {e.isTrial && (
                      <Badge appearance="outline" color="informative">
                        {t('dashboard.timeline.trial')}
                      </Badge>
                    )}
                  </div>
                </div>
              )}
            />
          )}
        </>
      )}
    </section>
  );
}
