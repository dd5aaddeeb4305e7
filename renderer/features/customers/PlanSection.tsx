// The plan line by line: what is moved to what, how many licenses, when to buy, and each line's
// findings with the rule they come from. Tenant-wide findings (region, 150 subscriptions) first.
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRight16Regular } from '@fluentui/react-icons';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, TenantPlan } from '../../../shared/domain/engine';
import { catalogProductNames, formatCount, formatDay, targetName } from '../../../shared/domain/format';
import { hashOf } from '../../ui/viewStore';
import { cardStyle } from '../../ui/layoutStyles';
import type { CustomerData } from '../../engine/customerPlan';
import { lineIdOf } from '../../engine/customerPlan';
import { useCaseFileStyles } from './caseFileStyles';
import { channelWord, matchWord } from './caseFileWords';
import { FindingList } from './FindingList';
import { CASE_PLAN_STATUS_WORDS } from '../../words/labels';

const useStyles = makeStyles({
  lines: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  line: cardStyle,
  lineHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', margin: 0, '& dt': { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 }, '& dd': { margin: 0 } },
});

/**
 * The case file's plan: the rows it reads, each a prop of its own, so that a save of the customer's
 * details (a new object for the customer, the same plan) does not draw the plan again.
 */
export const PlanSection = memo(function PlanSection({
  customerId,
  catalog,
  savedPlan,
  planLines,
  findingAcks,
  plan,
}: {
  customerId: string;
  catalog: CustomerData['catalog'];
  savedPlan: CustomerData['plan'];
  planLines: CustomerData['planLines'];
  findingAcks: CustomerData['findingAcks'];
  plan: TenantPlan;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useStyles();
  const shared = useCaseFileStyles();
  const titleId = useId();
  const names = catalogProductNames(catalog);
  const day = (d: string | null | undefined, none: string) => (d ? formatDay(d, lang) : none);
  const tenantWide = plan.findings.filter((f) => !f.lineId);
  const byLine = new Map<string, Finding[]>();
  for (const f of plan.findings) if (f.lineId) byLine.set(f.lineId, [...(byLine.get(f.lineId) ?? []), f]);
  const saved = new Map(planLines.map((l) => [lineIdOf(l), l]));
  const catalogEmpty = catalog.skus.size === 0;

  return (
    <section className={shared.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={shared.title}>
        {t('caseFile.plan.title')}
      </h3>
      {plan.lines.length > 0 && (
        <Text>
          {savedPlan ? t('caseFile.plan.saved', { status: CASE_PLAN_STATUS_WORDS[savedPlan.status](t), asOf: formatDay(savedPlan.asOf, lang) }) : t('caseFile.plan.notSaved')}{' '}
          <a className={shared.link} href={hashOf('offer-matching', customerId)}>
            {t('caseFile.plan.openMatching')}
          </a>
        </Text>
      )}
      {catalogEmpty && (
        <Text>
          {t('caseFile.plan.noCatalog')}{' '}
          <a className={shared.link} href={hashOf('settings')}>
            {t('caseFile.plan.openSettings')}
          </a>
        </Text>
      )}
      {tenantWide.length > 0 && (
        <div>
          <h4 className={shared.subTitle}>{t('caseFile.plan.tenantWide')}</h4>
          <FindingList findings={tenantWide} ackContext={{ customerId, acks: findingAcks }} />
        </div>
      )}
      {plan.lines.length === 0 ? (
        <Text>{t('caseFile.plan.empty')}</Text>
      ) : (
        <ol className={styles.lines} aria-label={t('caseFile.plan.linesLabel')}>
          {plan.lines.map((l) => {
            const target = targetName(names, l.match);
            const findings = byLine.get(l.lineId) ?? [];
            return (
              <li key={l.lineId} className={styles.line} data-line={l.lineId}>
                <h4 className={styles.lineHead}>
                  <span title={l.sourceSkuPartNumber}>{l.sourceSkuName}</span>
                  {target && (
                    <>
                      <ArrowRight16Regular aria-label={t('caseFile.plan.to')} />
                      <span>{target}</span>
                    </>
                  )}
                  <Badge appearance="outline" color={l.match.kind === 'none' ? 'danger' : l.match.kind === 'same' ? 'success' : 'warning'}>
                    {matchWord(t, l.match.kind)}
                  </Badge>
                </h4>
                <dl className={styles.facts}>
                  <div>
                    <dt>{t('caseFile.plan.channel')}</dt>
                    <dd>{channelWord(t, l.channel)}</dd>
                  </div>
                  <div>
                    <dt>{t('caseFile.plan.licenses')}</dt>
                    <dd>{t('caseFile.plan.licensesValue', { from: formatCount(l.quantity, lang), to: formatCount(l.targetQuantity, lang), consumed: formatCount(l.consumed, lang) })}</dd>
                  </div>
                  <div>
                    <dt>{t('caseFile.plan.expires')}</dt>
                    <dd>{day(l.expires, t('caseFile.subscriptions.noDate'))}</dd>
                  </div>
                  <div>
                    <dt>{t('caseFile.plan.deadline')}</dt>
                    <dd>{day(l.deadline, t('caseFile.subscriptions.noDate'))}</dd>
                  </div>
                  <div>
                    <dt>{t('caseFile.plan.orderDate')}</dt>
                    <dd>{day(saved.get(l.lineId)?.orderDate, t('caseFile.plan.noOrderDate'))}</dd>
                  </div>
                  {l.checkBy && (
                    <div>
                      <dt>{t('caseFile.plan.checkBy')}</dt>
                      <dd>{t('caseFile.plan.checkByValue', { date: formatDay(l.checkBy, lang) })}</dd>
                    </div>
                  )}
                </dl>
                {findings.length > 0 ? <FindingList findings={findings} ackContext={{ customerId, acks: findingAcks }} /> : <Text className={shared.muted}>{t('caseFile.plan.noFindings')}</Text>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});
