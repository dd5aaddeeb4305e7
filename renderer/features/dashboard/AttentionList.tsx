// "Needs attention": one row per problem, worst first: the customer (a link to its case file), the
// rule's code, and the engine's own words for it in the reader's language.
import { Badge, Field, Select, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderFinding, type Lang, type Severity } from '../../../shared/domain/engine';
import { hashOf } from '../../ui/viewStore';
import type { Translate } from '../../ui/language';
import { DEADLINE_SOON_DAYS } from '../../../shared/domain/attention';
import type { Attention, AttentionCode, AttentionEntry } from './attention';
import { formatCount } from '../../../shared/domain/format';
import { useDashboardStyles } from './styles';
import { VirtualList } from './VirtualList';

const useStyles = makeStyles({
  entry: { gridTemplateColumns: '84px minmax(140px, 220px) minmax(0, 1fr)', alignItems: 'start' },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  filter: { maxWidth: '320px' },
  note: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'baseline' },
});

const CODES: readonly AttentionCode[] = ['REGION_MISMATCH', 'DATA_LOSS_RISK', 'SEAT_SHORTFALL', 'EXPIRY_DEADLINE', 'CONFLICT'];
const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** Field and table names as people read them ("the quantity of a plan line"); others show their code. */
const FIELD_WORDS: Record<string, (t: Translate) => string> = {
  stage: (t) => t('dashboard.attention.field.stage'),
  status: (t) => t('dashboard.attention.field.status'),
  delegatedAdmin: (t) => t('dashboard.attention.field.delegatedAdmin'),
  asOf: (t) => t('dashboard.attention.field.asOf'),
  approvedBy: (t) => t('dashboard.attention.field.approvedBy'),
  targetSkuId: (t) => t('dashboard.attention.field.targetSkuId'),
  quantity: (t) => t('dashboard.attention.field.quantity'),
  orderDate: (t) => t('dashboard.attention.field.orderDate'),
  discontinued: (t) => t('dashboard.attention.field.discontinued'),
};
const RECORD_WORDS: Record<string, (t: Translate) => string> = {
  customers: (t) => t('dashboard.attention.record.customers'),
  invitations: (t) => t('dashboard.attention.record.invitations'),
  plans: (t) => t('dashboard.attention.record.plans'),
  planLines: (t) => t('dashboard.attention.record.planLines'),
  catalogMarks: (t) => t('dashboard.attention.record.catalogMarks'),
};

function useMessage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  // Table and field names are the code's; people read "the quantity of a plan line".
  const field = (name: string) => (Object.hasOwn(FIELD_WORDS, name) ? FIELD_WORDS[name]!(t) : name);
  const record = (table: string) => (Object.hasOwn(RECORD_WORDS, table) ? RECORD_WORDS[table]!(t) : table);
  return (e: AttentionEntry): string =>
    e.code === 'CONFLICT'
      ? t('dashboard.attention.conflict', {
          field: field(String(e.params.field)),
          record: record(String(e.params.table)),
          currentBy: e.params.currentBy,
          proposedBy: e.params.proposedBy,
        })
      : renderFinding(e.code, e.params, lang);
}

export function AttentionList({ attention, planChecked }: { attention: Attention; planChecked: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useDashboardStyles();
  const titleId = useId();
  const message = useMessage();
  const n = (count: number) => formatCount(count, i18n.language);
  const [filter, setFilter] = useState<AttentionCode | 'all'>('all');

  const counts = useMemo(() => {
    const out = new Map<AttentionCode, number>(CODES.map((c) => [c, 0]));
    for (const e of attention.entries) out.set(e.code, (out.get(e.code) ?? 0) + 1);
    return out;
  }, [attention]);
  const shown = useMemo(() => (filter === 'all' ? attention.entries : attention.entries.filter((e) => e.code === filter)), [attention, filter]);

  const codeLabel = (code: AttentionCode, amount: number) => {
    const count = n(amount);
    switch (code) {
      case 'REGION_MISMATCH':
        return t('dashboard.attention.kind.region', { count });
      case 'DATA_LOSS_RISK':
        return t('dashboard.attention.kind.dataLoss', { count });
      case 'SEAT_SHORTFALL':
        return t('dashboard.attention.kind.seats', { count });
      case 'EXPIRY_DEADLINE':
        return t('dashboard.attention.kind.deadline', { count, days: DEADLINE_SOON_DAYS });
      case 'CONFLICT':
        return t('dashboard.attention.kind.conflict', { count });
    }
  };
  const severityLabel = (s: Severity) =>
    s === 'error' ? t('dashboard.attention.severity.error') : s === 'warning' ? t('dashboard.attention.severity.warning') : t('dashboard.attention.severity.info');

  return (
    <section className={shared.section} aria-labelledby={titleId} data-testid="dashboard-attention" data-plan-checked={planChecked}>
      <div className={shared.header}>
        <h2 id={titleId} className={shared.sectionTitle}>
          {t('dashboard.attention.title')}
        </h2>
        <Text className={shared.muted} data-testid="attention-count">
          {t('dashboard.attention.count', { count: n(attention.entries.length) })}
        </Text>
      </div>
      {!planChecked && (
        <div role="status" data-testid="plan-checks-pending">
          <Spinner size="tiny" labelPosition="after" label={t('dashboard.attention.checkingPlans')} />
        </div>
      )}
      {attention.regionUnchecked && (
        <Text className={styles.note} data-testid="region-unchecked">
          {t('dashboard.attention.regionUnchecked')}
          <a className={shared.link} href={hashOf('settings')}>
            {t('dashboard.attention.openSettings')}
          </a>
        </Text>
      )}
      {attention.entries.length === 0 ? (
        planChecked && <Text>{t('dashboard.attention.none', { days: DEADLINE_SOON_DAYS })}</Text>
      ) : (
        <>
          <Field label={t('dashboard.attention.filter')} className={styles.filter}>
            <Select value={filter} onChange={(_, d) => setFilter(d.value as AttentionCode | 'all')}>
              <option value="all">{t('dashboard.attention.kind.all', { count: n(attention.entries.length) })}</option>
              {CODES.map((c) => (
                <option key={c} value={c} disabled={counts.get(c) === 0}>
                  {codeLabel(c, counts.get(c) ?? 0)}
                </option>
              ))}
            </Select>
          </Field>
          <VirtualList
            items={shown}
            label={t('dashboard.attention.listLabel')}
            getKey={(e) => e.key}
            estimateSize={64}
            maxHeight={420}
            testId="attention-list"
            renderItem={(e, tabIndex) => (
              <div className={mergeClasses(shared.row, styles.entry)} data-code={e.code}>
                <Badge appearance="tint" color={BADGE_COLOR[e.severity]}>
                  {severityLabel(e.severity)}
                </Badge>
                {e.customerId ? (
                  <a className={shared.link} href={hashOf('customers', e.customerId)} tabIndex={tabIndex}>
                    {e.customerName}
                  </a>
                ) : (
                  <a className={shared.link} href={hashOf('review-sync')} tabIndex={tabIndex}>
                    {t('dashboard.attention.resolve')}
                  </a>
                )}
                <div className={styles.message}>
                  <Text className={shared.small}>{message(e)}</Text>
                  <span className={shared.code}>{e.code}</span>
                </div>
              </div>
            )}
          />
        </>
      )}
    </section>
  );
}
