// The customers list: every customer of the team (10,000 and more) in one table that stays smooth,
// because only the rows in view are in the page (TanStack Virtual), sorted and filtered by TanStack
// Table. Each name links to the customer's case file (#/customers/<id>).
import { Input, Field, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular, ArrowSort16Regular, Search20Regular } from '@fluentui/react-icons';
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { layoutFree } from '../../ui/layoutFree';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import { CustomerStage, type Customer } from '../../../shared/workspace/tables';
import { hashOf } from '../../ui/viewStore';
import { STAGE_WORDS } from '../../words/labels';

export type CustomerRow = Customer & { users: number | null };

const STAGES = CustomerStage.options;
const ROW_HEIGHT = 40;
const GRID = 'minmax(200px, 2fr) minmax(90px, 1fr) minmax(150px, 1.2fr) minmax(120px, 1fr)';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  countText: { paddingBottom: tokens.spacingVerticalS },
  search: { minWidth: '340px' },
  scroller: {
    maxHeight: '60vh',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // A grid table: real table semantics for screen readers, absolute rows for the virtualizer.
  table: { display: 'grid', width: '100%', borderCollapse: 'collapse' },
  thead: { display: 'grid', position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  tbody: { display: 'grid', position: 'relative' },
  tr: {
    display: 'grid',
    gridTemplateColumns: GRID,
    width: '100%',
    alignItems: 'center',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bodyRow: { position: 'absolute', left: 0, height: `${ROW_HEIGHT}px`, ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  cell: { padding: `0 ${tokens.spacingHorizontalM}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: 'left' },
  th: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, textAlign: 'left', fontWeight: tokens.fontWeightSemibold },
  sortButton: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  count: { color: tokens.colorNeutralForeground2 },
});

const textFilter: FilterFn<CustomerRow> = (row, _columnId, value: string) => {
  const q = value.trim().toLowerCase();
  if (!q) return true;
  const c = row.original;
  return [c.name, c.domain, c.country, c.tenantId].some((v) => v.toLowerCase().includes(q));
};

export function CustomerList({ customers }: { customers: CustomerRow[] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const collator = useMemo(() => new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true }), [i18n.language]);

  const columns = useMemo<ColumnDef<CustomerRow>[]>(
    () => [
      { id: 'name', accessorFn: (c) => c.name, header: t('customers.list.name'), sortingFn: (a, b) => collator.compare(a.original.name, b.original.name), filterFn: textFilter },
      { id: 'country', accessorFn: (c) => c.country, header: t('customers.list.country'), sortingFn: (a, b) => collator.compare(a.original.country, b.original.country) },
      {
        id: 'stage',
        accessorFn: (c) => c.stage,
        header: t('customers.list.stage'),
        // The stages in the order a migration goes through them, not alphabetically.
        sortingFn: (a, b) => STAGES.indexOf(a.original.stage) - STAGES.indexOf(b.original.stage),
        filterFn: 'equals',
      },
      { id: 'users', accessorFn: (c) => c.users ?? -1, header: t('customers.list.users'), enableSorting: false },
    ],
    [t, collator],
  );

  const columnFilters = useMemo(
    () => [...(query.trim() ? [{ id: 'name', value: query }] : []), ...(stage ? [{ id: 'stage', value: stage }] : [])],
    [query, stage],
  );
  // TanStack Table hands out fresh functions each render; the component re-renders with it, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: customers,
    columns,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (c) => c.id,
  });
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, ...layoutFree });

  return (
    <>
      <div className={styles.filters} role="search" aria-label={t('caseFile.list.filters')}>
        <Field label={t('caseFile.list.search')} className={styles.search}>
          <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} contentBefore={<Search20Regular aria-hidden />} placeholder={t('caseFile.list.searchPlaceholder')} />
        </Field>
        <Field label={t('caseFile.list.stageFilter')}>
          <Select value={stage} onChange={(_, d) => setStage(d.value)}>
            <option value="">{t('caseFile.list.allStages')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_WORDS[s](t)}
              </option>
            ))}
          </Select>
        </Field>
        <Text className={mergeClasses(styles.count, styles.countText)} role="status">
          {t('caseFile.list.count', { shown: formatCount(rows.length, i18n.language), total: formatCount(customers.length, i18n.language) })}
        </Text>
      </div>
      {rows.length === 0 ? (
        <Text>{t('caseFile.list.noMatch')}</Text>
      ) : (
        <div ref={scrollRef} className={styles.scroller} data-testid="customer-list">
          <table className={styles.table} aria-rowcount={rows.length + 1}>
            <thead className={styles.thead}>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className={styles.tr} aria-rowindex={1}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    const text = String(header.column.columnDef.header);
                    return (
                      <th key={header.id} scope="col" className={styles.th} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                        {header.column.getCanSort() ? (
                          <button type="button" className={styles.sortButton} onClick={header.column.getToggleSortingHandler()}>
                            {text}
                            {sorted === 'asc' ? <ArrowSortUp16Regular aria-hidden /> : sorted === 'desc' ? <ArrowSortDown16Regular aria-hidden /> : <ArrowSort16Regular aria-hidden />}
                          </button>
                        ) : (
                          <span className={styles.sortButton}>{text}</span>
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className={styles.tbody} style={{ height: `${virtualizer.getTotalSize()}px` }}>
              {virtualizer.getVirtualItems().map((item) => {
                const c = rows[item.index]!.original;
                return (
                  <tr key={c.id} className={mergeClasses(styles.tr, styles.bodyRow)} style={{ transform: `translateY(${item.start}px)` }} aria-rowindex={item.index + 2}>
                    <td className={styles.cell}>
                      <a className={styles.link} href={hashOf('customers', c.id)}>
                        {c.name}
                      </a>
                    </td>
                    <td className={styles.cell}>{c.country || '–'}</td>
                    <td className={styles.cell}>{STAGE_WORDS[c.stage](t)}</td>
                    <td className={styles.cell}>{c.users === null ? t('customers.list.notImported') : c.users}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
