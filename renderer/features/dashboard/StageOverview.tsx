// Every customer by stage: the counts (a chart, and one button per stage that lists its customers),
// and the customers of the chosen stage with a link to each case file and, for those who may edit
// customers, a way to move one to another stage (the way a customer moves along outside the
// wizards): a stage to choose and a Move button. Not a drop-down that acts on change: a drop-down
// changes on each arrow key, and the customer would leave the list under the keyboard user's focus.
// (Not a Fluent Menu either: its focus sentinels fail axe's aria-hidden-focus rule.)
import { Button, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { useDeferredValue, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStage } from '../../../shared/workspace/tables';
import { hashOf } from '../../ui/viewStore';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { formatCount } from '../../../shared/domain/format';
import { STAGES, type StageCustomer, type StageGroup } from './stages';
import { useDashboardStyles } from './styles';
import { VirtualList } from './VirtualList';
import { STAGE_WORDS } from '../../words/labels';
import { refusalText } from '../../words/refusalText';

const useStyles = makeStyles({
  overview: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 320px)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  chart: { minWidth: 0, minHeight: '260px' },
  stageButtons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  stageButton: { justifyContent: 'space-between', width: '100%', minHeight: '36px' },
  stageCount: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
  customerRow: { gridTemplateColumns: 'minmax(0, 1fr) 120px auto' },
  customerRowReadOnly: { gridTemplateColumns: 'minmax(0, 1fr) 120px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  move: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  focusTarget: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

/** One colour per stage, from the start of the move (grey) to its end (green). */
const STAGE_COLORS: Record<CustomerStage, string> = {
  'not-started': tokens.colorNeutralForeground3,
  invited: tokens.colorPaletteBlueForeground2,
  accepted: tokens.colorPaletteTealForeground2,
  'plan-ready': tokens.colorPalettePurpleForeground2,
  ordered: tokens.colorPaletteMarigoldForeground2,
  'old-ended': tokens.colorPaletteBerryForeground2,
  done: tokens.colorPaletteGreenForeground1,
};

/**
 * Its children drawn in a render and commit of their own, just after the rest of the page: the
 * chart measures its labels in the page's layout, which would otherwise lengthen the one task that
 * puts the whole dashboard on screen.
 */
function AfterFirstDraw({ children }: { children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : null;
}

function StageChart({ stages }: { stages: StageGroup[] }) {
  const { t, i18n } = useTranslation();
  const data = useMemo<VerticalBarChartDataPoint[]>(
    () =>
      stages.map((g) => ({
        x: STAGE_WORDS[g.stage](t),
        y: g.customers.length,
        legend: STAGE_WORDS[g.stage](t),
        color: STAGE_COLORS[g.stage],
      })),
    [stages, t],
  );
  return (
    <VerticalBarChart
      data={data}
      chartTitle={t('dashboard.stages.chartTitle')}
      hideLegend
      height={260}
      barWidth="auto"
      maxBarWidth={48}
      // Japanese stage names have no spaces to wrap at: tilt them so none is dropped.
      wrapXAxisLables={i18n.language !== 'ja'}
      rotateXAxisLables={i18n.language === 'ja'}
    />
  );
}

/** The stage after this one: where a customer usually goes next. */
function nextStage(stage: CustomerStage): CustomerStage {
  const i = STAGES.indexOf(stage);
  return STAGES[i + 1] ?? STAGES[i - 1] ?? stage;
}

function MoveCustomer({ customer, tabIndex, onMove }: { customer: StageCustomer; tabIndex: 0 | -1; onMove: (stage: CustomerStage) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [stage, setStage] = useState<CustomerStage>(() => nextStage(customer.stage));
  return (
    <div className={styles.move}>
      <Select size="small" tabIndex={tabIndex} aria-label={t('dashboard.stages.newStage', { name: customer.name })} value={stage} onChange={(_, d) => setStage(d.value as CustomerStage)}>
        {STAGES.filter((s) => s !== customer.stage).map((s) => (
          <option key={s} value={s}>
            {STAGE_WORDS[s](t)}
          </option>
        ))}
      </Select>
      <Button size="small" tabIndex={tabIndex} aria-label={t('dashboard.stages.moveTo', { name: customer.name })} onClick={() => onMove(stage)}>
        {t('dashboard.stages.move')}
      </Button>
    </div>
  );
}

function StageCustomers({ group }: { group: StageGroup }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useDashboardStyles();
  const [error, setError] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const mayEdit = usePermission('customer.edit').allowed;
  const stageName = STAGE_WORDS[group.stage](t);

  const move = async (customer: StageCustomer, stage: CustomerStage) => {
    const outcome = await sync.mutate('customer.setStage', { id: customer.id, stage });
    setError(outcome.ok ? null : t('dashboard.stages.moveFailed', { name: customer.name, message: refusalText(t, i18n.language, outcome) }));
    if (!outcome.ok) return;
    setMoved(t('dashboard.stages.moved', { name: customer.name, stage: STAGE_WORDS[stage](t) }));
    // The row (and the menu's button, where focus would return) leaves this list: keep the
    // keyboard in the list's place.
    heading.current?.focus();
  };

  return (
    <div className={shared.page}>
      <div className={shared.header}>
        <h3 ref={heading} tabIndex={-1} className={mergeClasses(shared.subTitle, styles.focusTarget)}>
          {t('dashboard.stages.listTitle', { stage: stageName, count: formatCount(group.customers.length, i18n.language) })}
        </h3>
        <Text role="status" className={shared.small} data-testid="stage-moved">
          {moved}
        </Text>
      </div>
      {error && (
        <Text role="alert" className={styles.error}>
          {error}
        </Text>
      )}
      {group.customers.length > 0 && <PermissionNote permission="customer.edit" />}
      {group.customers.length === 0 ? (
        <Text className={shared.muted}>{t('dashboard.stages.emptyStage')}</Text>
      ) : (
        <VirtualList
          items={group.customers}
          label={t('dashboard.stages.listLabel', { stage: stageName })}
          getKey={(c) => c.id}
          estimateSize={49}
          maxHeight={320}
          testId="stage-customers"
          renderItem={(c, tabIndex) => (
            <div className={mergeClasses(shared.row, mayEdit ? styles.customerRow : styles.customerRowReadOnly)}>
              <a className={shared.link} href={hashOf('customers', c.id)} tabIndex={tabIndex}>
                {c.name}
              </a>
              <Text className={mergeClasses(shared.small, !c.country && shared.muted)}>{c.country || t('dashboard.stages.noCountry')}</Text>
              {mayEdit && <MoveCustomer customer={c} tabIndex={tabIndex} onMove={(stage) => void move(c, stage)} />}
            </div>
          )}
        />
      )}
    </div>
  );
}

export function StageOverview({ stages, total }: { stages: StageGroup[]; total: number }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useDashboardStyles();
  const titleId = useId();
  const pickId = useId();
  const [picked, setPicked] = useState<CustomerStage | null>(null);
  const chosen = picked ?? stages.find((g) => g.customers.length > 0)?.stage ?? 'not-started';
  const group = stages.find((g) => g.stage === chosen)!;

  return (
    <section className={shared.section} aria-labelledby={titleId} data-testid="dashboard-stages">
      <div className={shared.header}>
        <h2 id={titleId} className={shared.sectionTitle}>
          {t('dashboard.stages.title')}
        </h2>
        <Text className={shared.muted} data-testid="dashboard-total">
          {t('dashboard.stages.total', { count: formatCount(total, i18n.language) })}
        </Text>
      </div>
      {total === 0 ? (
        <Text>
          {t('dashboard.stages.emptyWorkspace')}{' '}
          <a className={shared.link} href={hashOf('customers')}>
            {t('dashboard.stages.openCustomers')}
          </a>
        </Text>
      ) : (
        <>
          <div className={styles.overview}>
            {/* The chart is for the eye; the stage buttons beside it carry the same numbers for
                keyboards and screen readers. Its own arrow-key focus trap (tabster's aria-hidden
                focus sentinels) would only add a second, weaker way to the same figures. */}
            <div className={styles.chart} aria-hidden inert>
              <AfterFirstDraw>
                <StageChart stages={stages} />
              </AfterFirstDraw>
            </div>
            <div role="group" aria-labelledby={pickId} className={styles.stageButtons}>
              <Text id={pickId} className={shared.small}>
                {t('dashboard.stages.pick')}
              </Text>
              {stages.map((g) => (
                <Button
                  key={g.stage}
                  className={styles.stageButton}
                  appearance={g.stage === chosen ? 'primary' : 'secondary'}
                  aria-pressed={g.stage === chosen}
                  onClick={() => setPicked(g.stage)}
                  data-testid={`stage-${g.stage}`}
                >
                  <span>{STAGE_WORDS[g.stage](t)}</span>
                  <span className={styles.stageCount}>{formatCount(g.customers.length, i18n.language)}</span>
                </Button>
              ))}
            </div>
          </div>
          <StageCustomers key={group.stage} group={group} />
        </>
      )}
    </section>
  );
}
