// "Import Partner Center customer list": the Customers.csv a partner exports from Partner Center,
// picked here or dropped anywhere on the Customers page (recognised by content). What it would do
// is shown first (new customers, those already in the workspace by tenant id, repeats in the file,
// refused rows and why); "Create" then makes them in ONE change (customer.createMany).
// "Read the customer list from Partner Center" (desktop app, signed in with Microsoft) reads the
// same list from Partner Center's API in the main process and shows it through the same preview,
// with the country when Partner Center gives one.
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatCountOf } from '../../../shared/domain/format';
import { importProblemIn } from '../../../shared/import/errors';
import type { MutationOutcome } from '../../../shared/mutators/define';
import { MAX_CUSTOMERS_PER_LIST } from '../../../shared/mutators/customers';
import { useHost } from '../../host/HostProvider';
import { useMicrosoftState } from '../../host/useMicrosoftState';
import type { ImportFile } from '../../import/importProtocol';
import {
  createManyArgs,
  customerListFromPartnerCenter,
  groupCustomerList,
  PARTNER_CENTER_LIST_SOURCE,
  previewCustomerList,
  problemOf,
  type CustomerListPreview,
  type FileProblem,
} from '../../import/partnerCenterLists';
import { readTenantFile } from '../../import/tenantFileKind';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { refusalText } from '../../words/refusalText';
import { partnerCenterErrorText, partnerCenterRecordText, type ConnectorErrorLike } from '../../words/connectorErrors';

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
  const [loaded, setLoaded] = useState<Pick<CustomerListPreview, 'parsed' | 'file' | 'source'> | null>(null);
  const preview = useMemo(() => (loaded ? groupCustomerList(loaded.parsed, loaded.file, existing, loaded.source) : null), [loaded, existing]);
  // A file's problem comes in both languages from the parser; Partner Center's as a code and parameters.
  const [problem, setProblem] = useState<FileProblem | ConnectorErrorLike | null>(null);
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

  // The list from Partner Center's API: the token stays in the main process, the list crosses.
  const host = useHost();
  const microsoft = useMicrosoftState();
  const [reading, setReading] = useState<{ pages: number; customers: number } | null>(null);
  const readBlocked = microsoft && !microsoft.available ? 'web' : !microsoft?.account ? 'signedOut' : null;
  useEffect(() => host.onPartnerCenterProgress((p) => setReading(p)), [host]);
  const readFromPartnerCenter = async () => {
    setOutcome(null);
    setProblem(null);
    setReading({ pages: 0, customers: 0 });
    try {
      const answer = await host.partnerCenterCustomers({});
      if (answer.ok) {
        setLoaded({ parsed: customerListFromPartnerCenter(answer), file: PARTNER_CENTER_LIST_SOURCE, source: 'partnerCenter' });
      } else {
        setLoaded(null);
        setProblem({ code: answer.code, params: answer.params });
      }
    } catch (e) {
      // A host failure (signed out meanwhile, no network stack): its message, in the screen's words around it.
      const detail = e instanceof Error ? e.message : String(e);
      setLoaded(null);
      setProblem({ en: t('pcLists.customers.pc.failed', { detail, lng: 'en' }), ja: t('pcLists.customers.pc.failed', { detail, lng: 'ja' }) });
    } finally {
      setReading(null);
    }
  };

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
      const file = preview.source === 'partnerCenter' ? t('pcLists.customers.pc.source') : preview.file;
      setOutcome({ intent: 'success', text: t('pcLists.customers.created', { count: formatCount(preview.toCreate.length, i18n.language), file }) });
      setLoaded(null);
    } else {
      setOutcome({ intent: 'error', text: t('pcLists.refused', { message: refusalText(t, i18n.language, result) }) });
    }
  };

  const tooMany = (preview?.toCreate.length ?? 0) > MAX_CUSTOMERS_PER_LIST;
  // Partner Center's API numbers records by their place in its list and has no columns; a file has rows.
  const fromPc = preview?.source === 'partnerCenter';
  const withCountry = preview?.toCreate.some((c) => c.country) ?? false;
  const counts = preview && {
    file: preview.file,
    source: t('pcLists.customers.pc.source'),
    create: preview.toCreate.length,
    known: preview.inWorkspace.length,
    duplicates: preview.duplicates.length,
    refused: preview.refused.length,
  };
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
        <Button onClick={() => void readFromPartnerCenter()} disabled={!allowed || busy || readBlocked !== null || reading !== null}>
          {t('pcLists.customers.pc.button')}
        </Button>
        {readBlocked && <Text size={200}>{t(readBlocked === 'web' ? 'pcLists.customers.pc.blocked.web' : 'pcLists.customers.pc.blocked.signedOut')}</Text>}
        <PermissionNote permission="customer.edit" />
      </div>
      {reading && (
        <Text role="status" data-testid="pc-customer-reading">
          {t('pcLists.customers.pc.reading', { page: reading.pages, customers: formatCountOf(reading.customers, 'customer', ja ? 'ja' : 'en') })}
        </Text>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{'code' in problem ? partnerCenterErrorText(t, problem) : ja ? problem.ja : problem.en}</MessageBarBody>
        </MessageBar>
      )}
      {preview && counts && (
        <div data-testid="pc-customer-preview">
          <Text role="status" data-testid="pc-customer-counts">
            {fromPc ? t('pcLists.customers.pc.counts', counts) : t('pcLists.customers.counts', counts)}
          </Text>
          {preview.toCreate.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{t('pcLists.customers.newTitle')}</h3>
              {/* Focusable, so a keyboard can scroll a long list (axe: scrollable-region-focusable). */}
              <div className={styles.scroll} tabIndex={0} role="group" aria-label={t('pcLists.customers.newTitle')}>
                <table className={styles.table} data-testid="pc-new">
                  <thead>
                    <tr>
                      <th scope="col">{fromPc ? t('pcLists.customers.pc.position') : t('pcLists.row')}</th>
                      <th scope="col">{t('pcLists.customers.name')}</th>
                      <th scope="col">{t('pcLists.customers.domain')}</th>
                      <th scope="col">{t('pcLists.customers.tenantId')}</th>
                      {withCountry && <th scope="col">{t('pcLists.customers.pc.country')}</th>}
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
                        {withCountry && <td>{c.country ?? '–'}</td>}
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
                  <li key={c.row}>{fromPc ? t('pcLists.customers.pc.known', { row: c.row, name: c.name, tenantId: c.tenantId, existing: c.existingName }) : t('pcLists.customers.known', { row: c.row, name: c.name, tenantId: c.tenantId, existing: c.existingName })}</li>
                ))}
              </ul>
            </>
          )}
          {preview.duplicates.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{fromPc ? t('pcLists.customers.pc.duplicatesTitle') : t('pcLists.customers.duplicatesTitle')}</h3>
              <ul data-testid="pc-duplicates">
                {preview.duplicates.map((d) => (
                  <li key={d.row}>{fromPc ? t('pcLists.customers.pc.duplicate', { row: d.row, name: d.name, tenantId: d.tenantId, first: d.firstRow }) : t('pcLists.customers.duplicate', { row: d.row, name: d.name, tenantId: d.tenantId, first: d.firstRow })}</li>
                ))}
              </ul>
            </>
          )}
          {preview.refused.length > 0 && (
            <>
              <h3 className={styles.subTitle}>{fromPc ? t('pcLists.customers.pc.refusedTitle') : t('pcLists.customers.refusedTitle')}</h3>
              <ul data-testid="pc-refused">
                {preview.refused.map((r) => (
                  <li key={r.row}>
                    {'record' in r
                      ? t('pcLists.customers.pc.refusedRecord', { row: r.row, id: r.field, reason: partnerCenterRecordText(t, r.record) })
                      : t('pcLists.customers.refusedRow', { row: r.row, field: r.field, reason: importProblemIn(r, ja ? 'ja' : 'en') })}
                  </li>
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
