// Step 3: every line of the plan, and one line opened for review and choices. Previous/next walk
// the lines without going back to the list.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ArrowLeft16Regular, ArrowRight16Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { findingText, type Catalog } from '../../../shared/domain/engine';
import { catalogProductNames, formatCount, targetName } from '../../../shared/domain/format';
import { LineEditor } from './LineEditor';
import { LinesTable, useChannelLabel } from './LinesTable';
import { MatchBadge, SeverityBadge } from './MatchBadge';
import { useWizardStyles } from './styles';
import type { WizardPlan } from './wizardPlan';

export function TenantFindings({ wizard }: { wizard: WizardPlan }) {
  const styles = useWizardStyles();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  if (wizard.tenantFindings.length === 0) return null;
  return (
    <ul className={styles.column} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} data-testid="tenant-findings">
      {wizard.tenantFindings.map((f, i) => (
        <li key={`${f.code}-${i}`}>
          <SeverityBadge severity={f.severity} /> <span className={styles.mono}>{f.code}</span> {findingText(f, lang)}
        </li>
      ))}
    </ul>
  );
}

export function ReviewStep(props: {
  wizard: WizardPlan;
  catalog: Catalog;
  customerId: string;
  openLineId: string | null;
  onOpen: (lineId: string | null) => void;
}) {
  const { wizard, catalog, customerId, openLineId, onOpen } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const names = catalogProductNames(catalog);
  const styles = useWizardStyles();
  const channelLabel = useChannelLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  const index = openLineId ? wizard.lines.findIndex((l) => l.planned.lineId === openLineId) : -1;
  const line = index >= 0 ? wizard.lines[index]! : null;

  useEffect(() => {
    if (line) heading.current?.focus();
    // Focus follows the opened line only, not each re-computation of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openLineId]);

  if (wizard.lines.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('offerMatching.review.noLines')}</MessageBarBody>
      </MessageBar>
    );
  }

  if (!line) {
    return (
      <div className={styles.column}>
        <Text>{t('offerMatching.review.hint')}</Text>
        <TenantFindings wizard={wizard} />
        <LinesTable lines={wizard.lines} onOpen={onOpen} names={names} caption={t('offerMatching.review.caption', { total: formatCount(wizard.lines.length, lang) })} />
      </div>
    );
  }

  const p = line.planned;
  const source = catalog.skus.get(p.sourceSkuId);
  return (
    <div className={styles.column}>
      <div className={styles.row}>
        <Button icon={<ArrowLeft16Regular />} onClick={() => onOpen(null)}>
          {t('offerMatching.review.backToLines')}
        </Button>
        <Button disabled={index === 0} onClick={() => onOpen(wizard.lines[index - 1]!.planned.lineId)}>
          {t('offerMatching.review.previous')}
        </Button>
        <Button disabled={index === wizard.lines.length - 1} icon={<ArrowRight16Regular />} iconPosition="after" onClick={() => onOpen(wizard.lines[index + 1]!.planned.lineId)}>
          {t('offerMatching.review.next')}
        </Button>
        <Text className={styles.muted}>{t('offerMatching.review.position', { index: formatCount(index + 1, lang), total: formatCount(wizard.lines.length, lang) })}</Text>
      </div>
      <h3 ref={heading} tabIndex={-1} className={styles.sectionTitle} data-testid="line-title">
        {source ? t('offerMatching.review.lineTitle', { sku: p.sourceSkuPartNumber, name: source.name }) : t('offerMatching.review.lineTitleUnknown', { sku: p.sourceSkuPartNumber })}
      </h3>
      <dl className={styles.facts}>
        <dt>{t('offerMatching.lines.channel')}</dt>
        <dd>{channelLabel(p.channel)}</dd>
        <dt>{t('offerMatching.review.status')}</dt>
        <dd>{p.isTrial ? t('offerMatching.review.trial', { status: p.status }) : p.status}</dd>
        <dt>{t('offerMatching.lines.licenses')}</dt>
        <dd>{t('offerMatching.lines.licensesValue', { quantity: formatCount(p.quantity, lang), consumed: formatCount(p.consumed, lang) })}</dd>
        <dt>{t('offerMatching.review.subscription')}</dt>
        <dd className={styles.mono}>{p.subscriptionId ?? t('offerMatching.review.noSubscription')}</dd>
        <dt>{t('offerMatching.lines.match')}</dt>
        <dd>
          <MatchBadge kind={p.match.kind} /> {p.match.targetSkuId ? (targetName(names, p.match) ?? '') : ''}
        </dd>
      </dl>
      <LineEditor key={p.lineId} line={line} catalog={catalog} customerId={customerId} asOf={wizard.asOf} />
    </div>
  );
}
