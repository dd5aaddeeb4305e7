// The empty row a virtualized table keeps above and below the rows it draws: as tall as the rows it
// leaves out, so the scrollbar is right; hidden from screen readers; nothing when there is no gap.
export function SpacerRow({ height, colSpan }: { height: number; colSpan: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
