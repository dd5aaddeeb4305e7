// Customers: the list (a live query over the workspace), adding one, and importing a tenant's Graph
// exports in the import worker with progress and cancel. With a customer in the address
// (#/customers/<id>) the page is that customer's case file instead.
import {
  Button,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentUserCounts, customersByName } from '../../db/queries';
import { useViewStore } from '../../ui/viewStore';
import { CaseFile } from './CaseFile';
import { CustomerList } from './CustomerList';
import { DataGuide } from './DataGuide';
import { AmbiguousChoices, useAmbiguousLicenses } from './AmbiguousChoices';
import { ImportStatus, useImport } from '../../import/useImport';
import { TenantFilePickers, tenantImportRequest, type PickedTenantFiles } from '../../import/TenantFilePickers';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';
import { useSync } from '../../workspace/SyncContext';
import { pageStyle, sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { CustomerPicker } from '../../ui/CustomerPicker';
import { uuidv7 } from '../../sync/ids';
import { CustomerListImport } from './CustomerListImport';
import { ReadFromMicrosoft } from './ReadFromMicrosoft';
import type { ImportFile } from '../../import/importProtocol';
import { partnerCenterFileKind } from '../../import/partnerCenterLists';
import { readTenantFile } from '../../import/tenantFileKind';
import { refusalText } from '../../words/refusalText';

const useStyles = makeStyles({
  page: pageStyle,
  section: sectionStyle,
  sectionTitle: sectionTitleStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});


function useCustomerRows() {
  return useLiveQuery(async () => {
    const db = workspaceDb();
    // Counts from the committed imports' records: two reads for 10,000 customers, not 10,000.
    const [customers, users] = await Promise.all([customersByName(db), currentUserCounts(db)]);
    return customers.map((c) => ({ ...c, users: users.get(c.id) ?? null }));
  }, []);
}

function AddCustomer() {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { allowed } = usePermission('customer.edit');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await sync.mutate('customer.create', { id: uuidv7(), name });
    if (outcome.ok) {
      setName('');
      setError(null);
    } else setError(refusalText(t, i18n.language, outcome));
  };
  return (
    <form className={styles.row} onSubmit={(e) => void submit(e)}>
      <Field label={t('customers.add.name')} validationMessage={error ?? undefined}>
        <Input value={name} onChange={(_, d) => setName(d.value)} required />
      </Field>
      <Button type="submit" appearance="primary" disabled={!allowed}>
        {t('customers.add.submit')}
      </Button>
      <PermissionNote permission="customer.edit" />
    </form>
  );
}

function ImportTenant({ customers }: { customers: { id: string; name: string; tenantId: string }[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ids = { title: useId() };
  const [customerId, setCustomerId] = useState('');
  const [files, setFiles] = useState<PickedTenantFiles>({});
  const importRun = useImport();
  const running = importRun.running;
  const { allowed } = usePermission('tenant.import');
  const chosen = customerId || customers[0]?.id || '';
  const ambiguous = useAmbiguousLicenses(chosen, files);
  const [chosenSkus, setChosenSkus] = useState<Record<string, string>>({});

  const run = async (e: FormEvent) => {
    e.preventDefault();
    // Only the names still ambiguous for this file; an empty choice leaves them out.
    const choices = Object.fromEntries(Object.entries(chosenSkus).filter(([name, sku]) => sku !== '' && ambiguous.some((a) => a.name === name)));
    await importRun.run(() => tenantImportRequest(chosen, files, choices));
  };

  return (
    <section className={styles.section} aria-labelledby={ids.title}>
      <h2 id={ids.title} className={styles.sectionTitle}>
        {t('customers.import.title')}
      </h2>
      <Text>{t('customers.import.hint')}</Text>
      <DataGuide customer={customers.find((c) => c.id === chosen)} />
      <form onSubmit={(e) => void run(e)} className={styles.page}>
        <CustomerPicker label={t('customers.import.customer')} customers={customers} value={chosen} onChange={setCustomerId} disabled={running} />
        <TenantFilePickers disabled={running} onPick={(kind, file) => setFiles((prev) => ({ ...prev, [kind]: file }))} />
        <AmbiguousChoices ambiguous={ambiguous} chosen={chosenSkus} onChoose={(name, sku) => setChosenSkus((prev) => ({ ...prev, [name]: sku }))} disabled={running} />
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={!allowed || running || !chosen || Object.keys(files).length === 0}>
            {t('customers.import.start')}
          </Button>
          <ReadFromMicrosoft customerId={chosen} tenantId={customers.find((c) => c.id === chosen)?.tenantId ?? ''} importRun={importRun} disabled={!allowed || running || !chosen} />
          <PermissionNote permission="tenant.import" />
          {running && (
            <Button type="button" onClick={importRun.cancel}>
              {t('customers.import.cancel')}
            </Button>
          )}
        </div>
      </form>
      <ImportStatus run={importRun} />
    </section>
  );
}

export function CustomersPage() {
  const customerId = useViewStore((s) => s.customerId);
  return customerId ? <CaseFile key={customerId} customerId={customerId} /> : <CustomerListPage />;
}

function CustomerListPage() {
  const sync = useSync();
  const { t } = useTranslation();
  const styles = useStyles();
  const listTitle = useId();
  const customers = useCustomerRows();
  const [dropped, setDropped] = useState<ImportFile | null>(null);
  const [dropNote, setDropNote] = useState<string | null>(null);
  // A Partner Center customer list dropped anywhere on the page (not on the tenant import's own drop
  // zone, which takes its files first) is recognised by its content and previewed.
  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    if (e.defaultPrevented) return;
    e.preventDefault();
    for (const f of [...e.dataTransfer.files]) {
      const file = await readTenantFile(f);
      if (partnerCenterFileKind(file.text) === 'customerList') {
        setDropNote(null);
        setDropped(file);
        return;
      }
      setDropNote(t('pcLists.customers.dropNotRecognised', { name: f.name }));
    }
  };
  return (
    <div className={styles.page} data-testid="customers-page" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
      <section className={styles.section} aria-labelledby={listTitle}>
        <h2 id={listTitle} className={styles.sectionTitle}>
          {t('customers.list.title')}
        </h2>
        <AddCustomer />
        {customers && customers.length > 0 ? (
          <CustomerList customers={customers} />
        ) : (
          <Text>{customers ? t('customers.list.empty') : t('app.loading')}</Text>
        )}
      </section>
      {customers && (
        <CustomerListImport
          existing={customers}
          dropped={dropped}
          newId={uuidv7}
          onCreate={(args) => sync.mutate('customer.createMany', args)}
        />
      )}
      {dropNote && (
        <Text role="status" data-testid="customers-drop-note">
          {dropNote}
        </Text>
      )}
      {customers && customers.length > 0 && <ImportTenant customers={customers} />}
    </div>
  );
}
