// The subscriptions the partner already sells the customer, from Partner Center: the customer's
// subscriptions export (CSV) or the API's subscriptions JSON, picked or dropped here and recognised
// by content. What the file holds (and which of its subscriptions the tenant import has) is shown
// before anything is written; saving replaces the recorded list as a whole (all or nothing).
import { Button, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import type { OwnSubscriptionData } from '../../../shared/import/index';
import type { OwnPlacement } from '../../../shared/domain/ownSubscriptions';
import type { MutationOutcome } from '../../../shared/mutators/define';
import type { Customer } from '../../../shared/workspace/tables';
import { partnerCenterFileKind, problemOf, readOwnSubscriptions, type FileProblem } from '../../import/partnerCenterLists';
import { readTenantFile } from '../../import/tenantFileKind';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useCaseFileStyles } from './caseFileStyles';
import { refusalText } from '../../words/refusalText';

const useStyles = makeStyles({
  drop: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalM, textAlign: 'center' },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

export type SaveOwnSubscriptions = (args: { id: string; file: string; subscriptions: OwnSubscriptionData[] }) => Promise<MutationOutcome>;

export function OwnSubscriptionsSection({
  customer,
  placement,
  tenantKeys,
  onSave,
}: {
  customer: Customer;
  placement: OwnPlacement | undefined;
  /** The tenant import's subscription ids and commerce subscription ids. */
  tenantKeys: ReadonlySet<string>;
  onSave: SaveOwnSubscriptions;
}) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const own = useStyles();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { allowed } = usePermission('tenant.import');
  const [over, setOver] = useState(false);
  const [preview, setPreview] = useState<{ file: string; items: OwnSubscriptionData[] } | null>(null);
  const [problem, setProblem] = useState<FileProblem | string | null>(null);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const ja = i18n.language === 'ja';

  const load = async (f: File) => {
    setOutcome(null);
    const file = await readTenantFile(f);
    const kind = partnerCenterFileKind(file.text);
    if (kind !== 'subscriptionsCsv' && kind !== 'subscriptionsJson') {
      setPreview(null);
      setProblem(t('pcLists.own.notRecognised', { name: f.name }));
      return;
    }
    try {
      setPreview({ file: file.file, items: readOwnSubscriptions(file) });
      setProblem(null);
    } catch (e) {
      setPreview(null);
      setProblem(problemOf(e));
    }
  };
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f && allowed) await load(f);
  };
  const save = async () => {
    if (!preview) return;
    const result = await onSave({ id: customer.id, file: preview.file.slice(0, 260), subscriptions: preview.items });
    if (result.ok) {
      setOutcome({ intent: 'success', text: t('pcLists.own.saved', { count: formatCount(preview.items.length, i18n.language), file: preview.file }) });
      setPreview(null);
    } else setOutcome({ intent: 'error', text: t('pcLists.refused', { message: refusalText(t, i18n.language, result) }) });
  };

  const recorded = customer.ownSubscriptions;
  const placed = (id: string) => (placement?.inTenant.includes(id) ? t('pcLists.own.yes') : t('pcLists.own.no'));
  const table = (items: readonly OwnSubscriptionData[], inTenant: (id: string) => string, testId: string) => (
    <table className={styles.table} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('pcLists.own.name')}</th>
          <th scope="col">{t('pcLists.own.quantity')}</th>
          <th scope="col">{t('pcLists.own.status')}</th>
          <th scope="col">{t('pcLists.own.id')}</th>
          <th scope="col">{t('pcLists.own.inTenant')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td>{s.name}</td>
            <td className={styles.num}>{s.quantity}</td>
            <td>{s.status}</td>
            <td className={styles.code}>{s.id}</td>
            <td>{inTenant(s.id)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="own-subscriptions">
      <h3 id={titleId} className={styles.title}>
        {t('pcLists.own.title')}
      </h3>
      <Text className={styles.muted}>{t('pcLists.own.hint')}</Text>
      {recorded && recorded.items.length > 0 ? (
        <>
          <Text data-testid="own-recorded">{t('pcLists.own.recorded', { count: recorded.items.length, file: recorded.file, date: recorded.at.slice(0, 10), by: recorded.by })}</Text>
          {table(recorded.items, placed, 'own-recorded-table')}
        </>
      ) : (
        <Text className={styles.muted}>{t('pcLists.own.none')}</Text>
      )}
      <div
        className={over ? mergeClasses(own.drop, own.dropActive) : own.drop}
        data-testid="own-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void onDrop(e)}
      >
        {t('pcLists.own.drop')}
      </div>
      <div className={styles.row}>
        <Button onClick={() => inputRef.current?.click()} disabled={!allowed}>
          {t('pcLists.own.pick')}
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept=".csv,text/csv,.json,application/json"
          hidden
          aria-label={t('pcLists.own.pick')}
          data-testid="own-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void load(f);
            e.currentTarget.value = '';
          }}
        />
        <PermissionNote permission="tenant.import" />
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{typeof problem === 'string' ? problem : ja ? problem.ja : problem.en}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <div className={styles.column} data-testid="own-preview">
          <Text role="status">
            {t('pcLists.own.previewCount', { file: preview.file, count: formatCount(preview.items.length, i18n.language), inTenant: formatCount(preview.items.filter((s) => tenantKeys.has(s.id)).length, i18n.language) })}
          </Text>
          {table(preview.items, (id) => (tenantKeys.has(id) ? t('pcLists.own.yes') : t('pcLists.own.no')), 'own-preview-table')}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void save()} disabled={!allowed}>
              {t('pcLists.own.save', { count: formatCount(preview.items.length, i18n.language) })}
            </Button>
            <Button onClick={() => setPreview(null)}>{t('pcLists.cancel')}</Button>
          </div>
        </div>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role="status">
          <MessageBarBody data-testid="own-outcome">{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
