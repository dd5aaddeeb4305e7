// Settings > Microsoft catalog: import Microsoft's licensing CSV ("Product names and service plan
// identifiers for licensing") and, optionally, a Partner Center offer list that says what can be
// bought. The engine matches offers against this catalog; a re-import replaces it for the team.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountOf, formatDateTime } from '../../../shared/domain/format';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { ImportStatus, readPicked, useImport } from '../../import/useImport';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';

const useStyles = makeStyles({
  section: sectionStyle,
  sectionTitle: sectionTitleStyle,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  files: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalM },
  fileLabel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

function useCatalogSummary() {
  return useLiveQuery(async () => {
    const db = workspaceDb();
    const state = await db.catalogState.get('catalog');
    if (!state?.importId) return { skus: 0, at: null as string | null, hasOffers: false };
    const [skus, record] = await Promise.all([db.catalogSkus.where('importId').equals(state.importId).count(), db.imports.get(state.importId)]);
    return { skus, at: record?.at ?? null, hasOffers: state.hasOffers };
  }, []);
}

export function CatalogSection() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const title = useId();
  const summary = useCatalogSummary();
  const [catalogFile, setCatalogFile] = useState<File | undefined>();
  const [offersFile, setOffersFile] = useState<File | undefined>();
  const importRun = useImport();
  const { allowed } = usePermission('catalog.edit');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!catalogFile) return;
    await importRun.run(async () => {
      const catalog = (await readPicked(catalogFile, 'catalog'))!;
      const offers = await readPicked(offersFile, 'offers');
      return { kind: 'catalog', files: offers ? { catalog, offers } : { catalog } };
    });
  };

  return (
    <section className={styles.section} aria-labelledby={title}>
      <h2 id={title} className={styles.sectionTitle}>
        {t('catalog.title')}
      </h2>
      <Text data-testid="catalog-summary">
        {!summary
          ? t('app.loading')
          : summary.skus === 0
            ? t('catalog.none')
            : t(summary.hasOffers ? 'catalog.currentWithOffers' : 'catalog.current', {
                products: formatCountOf(summary.skus, 'product', i18n.language === 'ja' ? 'ja' : 'en'),
                date: summary.at ? formatDateTime(summary.at, i18n.language) : '–',
              })}
      </Text>
      <Text>{t('catalog.hint')}</Text>
      <form className={styles.form} onSubmit={(e) => void submit(e)}>
        <div className={styles.files}>
          <label className={styles.fileLabel}>
            {t('catalog.file.catalog')}
            <input type="file" accept=".csv,text/csv" disabled={importRun.running} onChange={(e) => setCatalogFile(e.currentTarget.files?.[0])} />
          </label>
          <label className={styles.fileLabel}>
            {t('catalog.file.offers')}
            <input type="file" accept=".json,application/json" disabled={importRun.running} onChange={(e) => setOffersFile(e.currentTarget.files?.[0])} />
          </label>
        </div>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={!allowed || importRun.running || !catalogFile}>
            {t('catalog.start')}
          </Button>
          <PermissionNote permission="catalog.edit" />
          {importRun.running && (
            <Button type="button" onClick={importRun.cancel}>
              {t('customers.import.cancel')}
            </Button>
          )}
        </div>
      </form>
      <ImportStatus run={importRun} testId="catalog-import-outcome" />
    </section>
  );
}
