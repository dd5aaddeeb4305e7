// "Import Partner Center customer list": the Customers.csv a partner exports from Partner Center,
// picked here or dropped anywhere on the Customers page (recognised by content). What it would do
// is shown first (new customers, those already in the workspace by tenant id, repeats in the file,
// refused rows and why); "Create" then makes them in ONE change (customer.createMany).
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import type { MutationOutcome } from '../../../shared/mutators/define';
import { MAX_CUSTOMERS_PER_LIST } from '../../../shared/mutators/customers';
import type { ImportFile } from '../../workspace/importProtocol';
import { createManyArgs, groupCustomerList, previewCustomerList, problemOf, type CustomerListPreview, type FileProblem } from '../../workspace/partnerCenterLists';
import { readTenantFile } from '../../workspace/tenantFileKind';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';

const useStyles = makeStyles({
  section: sectionStyle,
  title: sectionTitleStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` } },
  scroll: { maxHeight: '280px', overflowY: 'auto' },
  subTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export type CreateCustomers = (args: ReturnType<typeof createManyArgs>) => Promise<MutationOutcome>;

export function CustomerListImport({
  existing,
  onCreate,
  newId,
  dropped,
}: {
  existing: readonly { tenantId: string; name: string }[];
  onCreate: CreateCustomers;
  newId: () => string;
  /** A customer list dropped on the page: previewed as if picked here. */
  dropped?: ImportFile | null;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const { allowed } = usePermission('customer.edit');
  // The file as read; its preview is grouped against the workspace as it is now (a teammate's sync
  // or this import moves rows to "already in the workspace" while it is open).
  const [loaded, setLoaded] = useState<Pick<CustomerListPreview, 'parsed' | 'file'> | null>(null);
  const preview = useMemo(() => (loaded ? groupCustomerList(loaded.parsed, loaded.file, existing) : null), [loaded, existing]);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ja = i18n.language === 'ja';

  const load = (file: ImportFile) => {
    setOutcome(null);
    try {
      setLoaded(previewCustomerList(file, existing));
      setProblem(null);
    } catch (e) {
      setLoaded(null);
      setProblem(problemOf(e));
    }
  };
  // A file dropped on the page arrives through props; each drop is a new object.
  const [seen, setSeen] = useState<ImportFile | null>(null);
  if (dropped && dropped !== seen) {
    setSeen(dropped);
    load(dropped);
  }

  const pick = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    load(await readTenantFile(file));
    if (inputRef.current) inputRef.current.value = '';
  };

  const create = async () => {
    if (!preview) return;
    setBusy(true);
    const result = await onCreate(createManyArgs(preview, newId));
    setBusy(false);
    if (result.ok) {
      setOutcome({ intent: 'success', text: t('pcLists.customers.created', { count: formatCount(preview.toCreate.length, i18n.language), file: preview.file }) });
      setLoaded(null);
    } else {
      setOutcome({ intent: 'error', text: t('pcLists.refused', { message: (ja ? result.messageJa : undefined) ?? result.message }) });
    }
  };

  const tooMany = (preview?.toCreate.length ?? 0) > MAX_CUSTOMERS_PER_LIST;
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="pc-customer-list">
      <h2 id={titleId} className={styles.title}>
        {t('pcLists.customers.title')}
      </h2>
      <Text>{t('pcLists.customers.hint')}</Text>
      <div className={styles.row}>
        <Button onClick={() => inputRef.current?.click()} disabled={!allowed || busy}>
          {t('pcLists.customers.pick')}
        </Button>
        <input ref={inputRef} type="file" accept=".csv,text/csv" hidden aria-label={t('pcLists.customers.pick')} data-testid="pc-customer-list-input" onChange={(e) => void pick(e.currentTarget.files)} />
        <PermissionNote permission="customer.edit" />
      </div>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{ja ? problem.ja : problem.en}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <div data-testid="pc-customer-preview">
          <Text role="status" data-testid="pc-customer-counts">
            {t('pcLists.customers.counts', {
              file: preview.file,
              create: preview.toCreate.length,
              known: preview.inWorkspace.length,
              duplicates: preview.duplicates.length,
              refused: preview.refused.length,
            })}
          </Text>
          {preview.toCreate.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{t('pcLists.customers.newTitle')}</h3>
              <div className={styles.scroll}>
                <table className={styles.table} data-testid="pc-new">
                  <thead>
                    <tr>
                      <th scope="col">{t('pcLists.row')}</th>
                      <th scope="col">{t('pcLists.customers.name')}</th>
                      <th scope="col">{t('pcLists.customers.domain')}</th>
                      <th scope="col">{t('pcLists.customers.tenantId')}</th>
                      <th scope="col">{t('pcLists.customers.relationship')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.toCreate.map((c) => (
                      <tr key={c.row}>
                        <td>{c.row}</td>
                        <td>{c.name}</td>
                        <td>{c.domain || '–'}</td>
                        <td>{c.tenantId}</td>
                        <td>{c.stage === 'accepted' ? t('pcLists.customers.accepted', { relationship: c.relationship }) : c.relationship || '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {preview.inWorkspace.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{t('pcLists.customers.knownTitle')}</h3>
              <ul data-testid="pc-known">
                {preview.inWorkspace.map((c) => (
                  <li key={c.row}>{t('pcLists.customers.known', { row: c.row, name: c.name, tenantId: c.tenantId, existing: c.existingName })}</li>
                ))}
              </ul>
            </>
          )}
          {preview.duplicates.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{t('pcLists.customers.duplicatesTitle')}</h3>
              <ul data-testid="pc-duplicates">
                {preview.duplicates.map((d) => (
                  <li key={d.row}>{t('pcLists.customers.duplicate', { row: d.row, name: d.name, tenantId: d.tenantId, first: d.firstRow })}</li>
                ))}
              </ul>
            </>
          )}
          {preview.refused.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{t('pcLists.customers.refusedTitle')}</h3>
              <ul data-testid="pc-refused">
                {preview.refused.map((r) => (
                  <li key={r.row}>{t('pcLists.customers.refusedRow', { row: r.row, field: r.field, reason: ja ? r.reason.ja : r.reason.en })}</li>
                ))}
              </ul>
            </>
          )}
          {tooMany && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('pcLists.customers.tooMany', { max: MAX_CUSTOMERS_PER_LIST })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void create()} disabled={!allowed || busy || tooMany || preview.toCreate.length === 0}>
              {t('pcLists.customers.create', { count: formatCount(preview.toCreate.length, i18n.language) })}
            </Button>
            <Button onClick={() => setLoaded(null)} disabled={busy}>
              {t('pcLists.cancel')}
            </Button>
          </div>
        </div>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent} role="status">
          <MessageBarBody data-testid="pc-customer-outcome">{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
