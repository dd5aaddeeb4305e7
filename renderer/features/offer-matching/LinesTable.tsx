// Every line of the plan, one row each, in a scrolling table that renders only the rows in view
// (a tenant can have hundreds of subscriptions). Each row opens the line. Products by their catalog
// names, the part number beside; counts and days through the one formatter (format.ts).
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { layoutFree } from '../../ui/layoutFree';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/domain/engine';
import { formatCount, formatCountOf, formatDay, productName, type ProductNames } from '../../../shared/domain/format';
import { checkSeats } from '../../../shared/domain/seats';
import { MatchBadge } from './MatchBadge';
import { useWizardStyles } from './styles';
import type { WizardLine } from './wizardPlan';
import { BILLING_FREQUENCY_WORDS, TERM_WORDS } from '../../words/labels';
import { SpacerRow } from '../../ui/SpacerRow';

const useStyles = makeStyles({
  scroller: { maxHeight: '480px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  head: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  short: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  unsaved: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
});

const ROW_ESTIMATE = 52;

export function useChannelLabel() {
  const { t } = useTranslation();
  return (channel: Channel) =>
    ({
      own: t('offerMatching.channel.own'),
      'other-partner': t('offerMatching.channel.other-partner'),
      direct: t('offerMatching.channel.direct'),
      unknown: t('offerMatching.channel.unknown'),
    })[channel];
}

export function LinesTable({ lines, onOpen, caption, names }: { lines: readonly WizardLine[]; onOpen: (lineId: string) => void; caption: string; names: ProductNames }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useStyles();
  const shared = useWizardStyles();
  const channelLabel = useChannelLabel();
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the table re-renders with the virtualizer, as intended
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 8, ...layoutFree });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className={styles.scroller}>
      <table className={shared.table} aria-rowcount={lines.length + 1} data-testid="plan-lines">
        <caption className={shared.muted} style={{ textAlign: 'left', padding: '4px 8px' }}>
          {caption}
        </caption>
        <thead className={styles.head}>
          <tr aria-rowindex={1}>
            <th scope="col">{t('offerMatching.lines.product')}</th>
            <th scope="col">{t('offerMatching.lines.channel')}</th>
            <th scope="col" className={styles.num}>
              {t('offerMatching.lines.licenses')}
            </th>
            <th scope="col">{t('offerMatching.lines.match')}</th>
            <th scope="col">{t('offerMatching.lines.target')}</th>
            <th scope="col">{t('offerMatching.term.column')}</th>
            <th scope="col">{t('offerMatching.lines.orderDate')}</th>
            <th scope="col">{t('offerMatching.lines.findings')}</th>
            <th scope="col">
              <span className={shared.muted}>{t('offerMatching.lines.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={top} colSpan={9} />
          {items.map((item) => {
            const line = lines[item.index]!;
            const p = line.planned;
            const errors = line.findings.filter((f) => f.severity === 'error').length;
            const warnings = line.findings.filter((f) => f.severity === 'warning').length;
            const short = checkSeats(p.quantity, p.consumed, p.targetQuantity).shortfall;
            return (
              <tr key={p.lineId} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} data-testid="plan-line">
                <td>
                  <strong>{p.sourceSkuName}</strong>
                  {p.sourceSkuName !== p.sourceSkuPartNumber && <div className={shared.muted}>{p.sourceSkuPartNumber}</div>}
                  {line.draft && <div className={styles.unsaved}>{t('offerMatching.lines.unsaved')}</div>}
                </td>
                <td>{channelLabel(p.channel)}</td>
                <td className={styles.num}>{t('offerMatching.lines.licensesValue', { quantity: formatCount(p.quantity, lang), consumed: formatCount(p.consumed, lang) })}</td>
                <td>
                  <MatchBadge kind={p.match.kind} />
                </td>
                <td>
                  {p.match.targetSkuId
                    ? // A Teams pair is two products bought in the same quantity: each on its own line.
                      [{ skuId: p.match.targetSkuId, partNumber: p.match.targetSkuPartNumber }, ...(p.match.extraTargets ?? []).map((e) => ({ skuId: e.skuId, partNumber: e.skuPartNumber }))].map((target) => (
                        <div key={target.skuId} data-testid="line-target">
                          {t('offerMatching.lines.targetValue', { target: productName(names, target), quantity: formatCount(p.targetQuantity, lang) })}
                        </div>
                      ))
                    : '–'}
                  {short > 0 && <div className={styles.short}>{t('offerMatching.lines.short', { shortfall: formatCount(short, lang) })}</div>}
                </td>
                <td className={styles.nowrap} data-testid="line-term">
                  {TERM_WORDS[line.term](t)}
                  <div className={shared.muted}>{BILLING_FREQUENCY_WORDS[line.billingFrequency](t)}</div>
                </td>
                <td className={styles.nowrap}>{line.orderDate ? formatDay(line.orderDate, lang) : '–'}</td>
                <td className={styles.nowrap}>{t('offerMatching.lines.findingsValue', { errors: formatCountOf(errors, 'error', lang), warnings: formatCountOf(warnings, 'warning', lang) })}</td>
                <td>
                  <Button size="small" onClick={() => onOpen(p.lineId)} aria-label={t('offerMatching.lines.openLabel', { product: p.sourceSkuName, channel: channelLabel(p.channel) })}>
                    {t('offerMatching.lines.open')}
                  </Button>
                </td>
              </tr>
            );
          })}
          <SpacerRow height={bottom} colSpan={9} />
        </tbody>
      </table>
    </div>
  );
}
