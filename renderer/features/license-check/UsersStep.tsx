// Step 2: the users who must be reassigned, what each loses, and how each license is held. A tenant
// can have 50,000 users: the table renders only the rows in view (TanStack Virtual) and the
// filters run on a deferred copy of the search text so typing stays smooth.
import { Button, Checkbox, Field, Input, Select, Text, mergeClasses } from '@fluentui/react-components';
import { ArrowSort16Regular, ArrowSortDown16Regular, ArrowSortUp16Regular } from '@fluentui/react-icons';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { layoutFree } from '../../ui/layoutFree';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatCountOf, productName, type ProductNames } from '../../../shared/domain/format';
import type { UserLicenseChanges } from '../../../shared/domain/licenseChanges';
import { targetsOf } from './pairTargets';
import { useWizardStyles } from './styles';
import { NO_FILTER, filterUsers, sourceSkus, type UserFilter } from './userFilters';
import { SpacerRow } from '../../ui/SpacerRow';

const column = createColumnHelper<UserLicenseChanges>();

function ChangeList({ user, names }: { user: UserLicenseChanges; names: ProductNames }) {
  const { t, i18n } = useTranslation();
  const styles = useWizardStyles();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (
    <>
      {user.changes.map((c) => {
        const from = productName(names, { skuId: c.fromSkuId, partNumber: c.fromSkuPartNumber });
        // A Teams pair: both products the user gets, by name.
        const to = targetsOf(c).map((x) => productName(names, { skuId: x.skuId, partNumber: x.skuPartNumber })).join(' + ');
        return (
          <div key={c.fromSkuId}>
            {c.toSkuId ? t('licenseCheck.users.change', { from, to }) : t('licenseCheck.users.noTarget', { from })}
            {c.disabledPlansCarried.length > 0 && <div className={styles.muted}>{t('licenseCheck.users.keptOff', { services: formatCountOf(c.disabledPlansCarried.length, 'service', lang) })}</div>}
          </div>
        );
      })}
    </>
  );
}

const CLAMPED_WHEN_MORE_THAN = 4;

/** The services a user loses: the count, and the names (two lines until the user asks for all). */
function LostServices({ user }: { user: UserLicenseChanges }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useWizardStyles();
  const [open, setOpen] = useState(false);
  const lost = user.lostServicePlans;
  if (lost.length === 0) return <span className={styles.muted}>{t('licenseCheck.users.losesNothing')}</span>;
  const clamp = lost.length > CLAMPED_WHEN_MORE_THAN;
  return (
    <>
      <div className={styles.bad}>{t('licenseCheck.users.losesCount', { services: formatCountOf(lost.length, 'service', lang) })}</div>
      <div className={clamp && !open ? styles.clamp : undefined}>{lost.map((p) => p.friendlyName || p.servicePlanName).join(', ')}</div>
      {clamp && (
        <Button appearance="transparent" size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open} className={styles.linkButton}>
          {open ? t('licenseCheck.users.showLess') : t('licenseCheck.users.showAll', { count: formatCount(lost.length, lang) })}
        </Button>
      )}
    </>
  );
}

function HeldBy({ user }: { user: UserLicenseChanges }) {
  const { t } = useTranslation();
  const styles = useWizardStyles();
  if (!user.viaGroup) return <>{t('licenseCheck.users.direct')}</>;
  const alsoDirect = user.changes.some((c) => c.direct && c.groups.length > 0);
  return (
    <>
      <div className={styles.warn}>{alsoDirect ? t('licenseCheck.users.groupAndDirect') : t('licenseCheck.users.group')}</div>
      {user.groups.map((g) => (
        <div key={g} className={mergeClasses(styles.code, styles.breakAll)}>
          {g}
        </div>
      ))}
    </>
  );
}

export function UsersStep({ users, names }: { users: readonly UserLicenseChanges[]; names: ProductNames }) {
  const { t, i18n } = useTranslation();
  const styles = useWizardStyles();
  const tableLabel = useId();
  const [filter, setFilter] = useState<UserFilter>(NO_FILTER);
  const deferred = useDeferredValue(filter);
  const skus = useMemo(() => sourceSkus(users), [users]);
  const shown = useMemo(() => filterUsers(users, deferred), [users, deferred]);
  const [sorting, setSorting] = useState<SortingState>([]);

  const columns = useMemo(
    () => [
      column.accessor('userPrincipalName', {
        header: () => t('licenseCheck.users.col.user'),
        cell: (c) => (
          <>
            <div className={styles.breakAll}>{c.getValue()}</div>
            <div className={mergeClasses(styles.muted, styles.breakAll)}>{c.row.original.userId}</div>
          </>
        ),
      }),
      column.display({ id: 'change', header: () => t('licenseCheck.users.col.change'), cell: (c) => <ChangeList user={c.row.original} names={names} /> }),
      column.accessor((u) => u.lostServicePlans.length, {
        id: 'loses',
        header: () => t('licenseCheck.users.col.loses'),
        cell: (c) => <LostServices user={c.row.original} />,
      }),
      column.accessor('viaGroup', { header: () => t('licenseCheck.users.col.heldBy'), cell: (c) => <HeldBy user={c.row.original} /> }),
    ],
    [t, styles, names],
  );

  // TanStack Table returns new functions each render by design; the React Compiler leaves this
  // component unmemoized, which is what the virtualized rows need anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown as UserLicenseChanges[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (u) => u.userId,
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 64, overscan: 8, ...layoutFree });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const set = (patch: Partial<UserFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const colCount = columns.length;

  if (users.length === 0) return <Text>{t('licenseCheck.users.none')}</Text>;
  return (
    <>
      <Text>{t('licenseCheck.users.intro')}</Text>
      <div className={styles.row} role="search" aria-label={t('licenseCheck.users.filters')}>
        <Field label={t('licenseCheck.users.search')}>
          <Input type="search" value={filter.search} onChange={(_, d) => set({ search: d.value })} placeholder={t('licenseCheck.users.searchPlaceholder')} />
        </Field>
        <Field label={t('licenseCheck.users.sku')}>
          <Select value={filter.skuId} onChange={(_, d) => set({ skuId: d.value })}>
            <option value="">{t('licenseCheck.users.allSkus')}</option>
            {skus.map((s) => (
              <option key={s.skuId} value={s.skuId}>
                {t('licenseCheck.users.skuOption', { product: productName(names, { skuId: s.skuId, partNumber: s.partNumber }), users: formatCountOf(s.users, 'user', i18n.language === 'ja' ? 'ja' : 'en') })}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.checks}>
          <Checkbox label={t('licenseCheck.users.losesFilter')} checked={filter.losesSomething} onChange={(_, d) => set({ losesSomething: d.checked === true })} />
          <Checkbox label={t('licenseCheck.users.groupFilter')} checked={filter.groupBased} onChange={(_, d) => set({ groupBased: d.checked === true })} />
        </div>
      </div>
      <Text role="status" data-testid="users-count">
        {t('licenseCheck.users.count', { shown: formatCount(rows.length, i18n.language), total: formatCount(users.length, i18n.language) })}
      </Text>
      <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-labelledby={tableLabel}>
        {/* Fixed column widths: rows come and go while scrolling, the columns must not jump. */}
        <table className={mergeClasses(styles.table, styles.fixed)} aria-rowcount={rows.length + 1}>
          <caption id={tableLabel} style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {t('licenseCheck.users.caption')}
          </caption>
          <colgroup>
            <col style={{ width: '26%' }} />
            <col style={{ width: '20%' }} />
            <col style={{ width: '36%' }} />
            <col style={{ width: '18%' }} />
          </colgroup>
          <thead className={styles.stickyHead}>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id} aria-rowindex={1}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const canSort = h.column.id === 'userPrincipalName' || h.column.id === 'loses';
                  return (
                    <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      {canSort ? (
                        <Button appearance="transparent" size="small" onClick={h.column.getToggleSortingHandler()} icon={sorted === 'asc' ? <ArrowSortUp16Regular /> : sorted === 'desc' ? <ArrowSortDown16Regular /> : <ArrowSort16Regular />} iconPosition="after" className={styles.sortButton}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                        </Button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            <SpacerRow height={top} colSpan={colCount} />
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr key={row.id} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              );
            })}
            <SpacerRow height={bottom} colSpan={colCount} />
          </tbody>
        </table>
      </div>
    </>
  );
}
