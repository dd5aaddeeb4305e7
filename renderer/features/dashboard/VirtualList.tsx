// A long list drawn a screenful at a time (TanStack Virtual): 10,000 rows cost what 30 do. One row
// at a time is in the Tab order (a roving tab stop), so Tab crosses a list of 10,000 in one step
// instead of stopping on every drawn row; Up, Down, Home and End move between rows, drawing the
// next one first when it is off screen.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { layoutFree } from '../../ui/layoutFree';

const useStyles = makeStyles({
  scroller: { overflowY: 'auto', position: 'relative', borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  list: { listStyleType: 'none', margin: 0, padding: 0, position: 'relative', width: '100%' },
  row: { position: 'absolute', top: 0, left: 0, width: '100%', boxSizing: 'border-box', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
});

export interface VirtualListProps<T> {
  items: readonly T[];
  label: string;
  getKey: (item: T) => string;
  estimateSize: number;
  maxHeight: number;
  /** `tabIndex` goes on every focusable element of the row: 0 for the current row, -1 for the others. */
  renderItem: (item: T, tabIndex: 0 | -1) => ReactNode;
  testId?: string;
}

/**
 * A row's content, drawn again only when its item, its tab stop or the list's way of drawing rows
 * changes: measuring the rows just drawn moves them (the virtualizer renders the list again at
 * once), which must not draw every row's controls a second time.
 */
const RowContent = memo(function RowContent({ item, tabIndex, render }: { item: unknown; tabIndex: 0 | -1; render: (item: never, tabIndex: 0 | -1) => ReactNode }) {
  return render(item as never, tabIndex);
});

export function VirtualList<T>({ items, label, getKey, estimateSize, maxHeight, renderItem, testId }: VirtualListProps<T>) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  // The virtualizer is mutable by design (it re-renders this component itself), so the React
  // Compiler leaves this component alone; nothing memoized receives its functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateSize,
    getItemKey: (i) => getKey(items[i]!),
    overscan: 6,
    ...layoutFree,
    // Before the first layout (and in a test without layout) draw the first screenful anyway.
    initialRect: { width: 800, height: maxHeight },
  });

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(items.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only be drawn on the next frame, after the scroll.
    const tryFocus = (attempt: number) => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"] a, [data-index="${target}"] button, [data-index="${target}"] select`);
      if (el) el.focus();
      else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
    };
    requestAnimationFrame(() => tryFocus(0));
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (row) setCurrent(Number(row.dataset.index));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const el = e.target as HTMLElement;
    // A select's own arrows change its value: leave them alone.
    if (el.tagName === 'SELECT') return;
    const row = el.closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    e.preventDefault();
    if (e.key === 'ArrowDown') focusRow(index + 1);
    else if (e.key === 'ArrowUp') focusRow(index - 1);
    else if (e.key === 'Home') focusRow(0);
    else focusRow(items.length - 1);
  };

  const drawn = virtualizer.getVirtualItems();
  // The current row may have scrolled away (and been unmounted): then the first drawn row takes
  // the tab stop, so the list never drops out of the Tab order.
  const tabStop = drawn.some((v) => v.index === current) ? current : (drawn[0]?.index ?? 0);

  return (
    <div ref={scroller} className={styles.scroller} style={{ maxHeight }} onKeyDown={onKeyDown} onFocus={onFocus} data-testid={testId}>
      <ul className={styles.list} aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {drawn.map((v) => (
          <li
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className={styles.row}
            style={{ transform: `translateY(${v.start}px)` }}
            aria-setsize={items.length}
            aria-posinset={v.index + 1}
          >
            <RowContent item={items[v.index]} tabIndex={v.index === tabStop ? 0 : -1} render={renderItem} />
          </li>
        ))}
      </ul>
    </div>
  );
}
