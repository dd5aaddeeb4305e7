// One customer's case file: everything about the move in one reviewable page (details, stage and
// notes, billing account and customer agreement, current subscriptions by channel and their
// partner-to-partner transfers, the email asking the old partner to cancel at term end, the plan
// line by line with the engine's findings, users to reassign, invitations, activity), with the
// plan's exports and a printable summary.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowSwap20Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountOf } from '../../../shared/domain/format';
import { hashOf, useViewStore } from '../../ui/viewStore';
import { useCustomerPlan } from '../../engine/customerPlan';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useCaseFileStyles } from './caseFileStyles';
import { DetailsSection, StageAndNotesSection } from './DetailsSection';
import { EstEmailSection } from './EstEmailSection';
import { ExportActions } from './ExportActions';
import { ActivitySection, InvitationsSection, UsersSection } from './PeopleSections';
import { PlanSection } from './PlanSection';
import { PRINT_CSS, PrintSummary } from './PrintSummary';
import { SubscriptionsSection } from './SubscriptionsSection';
import { TransfersSection } from './TransfersSection';
import { OwnSubscriptionsSection } from './OwnSubscriptionsSection';
import { useSync } from '../../workspace/SyncContext';
import type { CustomerData } from '../../engine/customerPlan';
import { GraphReadDate } from './ReadFromMicrosoft';
import { STAGE_WORDS } from '../../words/labels';

/** The tenant import's own subscription ids and commerce ids (not the lines Partner Center's list added). */
function tenantSubscriptionKeys(data: CustomerData): Set<string> {
  const added = new Set(data.ownPlacement?.added ?? []);
  const keys = new Set<string>();
  for (const s of data.inventory.subscriptions ?? []) {
    if (added.has(s.id)) continue;
    keys.add(s.id);
    if (s.commerceSubscriptionId) keys.add(s.commerceSubscriptionId.toLowerCase());
  }
  return keys;
}

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    alignSelf: 'flex-start',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  name: { ':focus': { outlineStyle: 'none' }, margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: tokens.spacingVerticalL, alignItems: 'start' },
});

export function CaseFile({ customerId }: { customerId: string }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useCaseFileStyles();
  const navigate = useViewStore((s) => s.navigate);
  const result = useCustomerPlan(customerId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { allowed: canEdit } = usePermission('customer.edit');
  const loaded = Boolean(result);

  // The link that opened the case file is gone with the list: put keyboard and screen-reader users
  // on the customer's name instead of leaving the focus nowhere.
  useEffect(() => {
    if (loaded && (document.activeElement === null || document.activeElement === document.body)) headingRef.current?.focus();
  }, [loaded]);

  if (result === undefined) return <Spinner label={t('app.loading')} />;
  if (result === null) {
    return (
      <div className={shared.page}>
        <Text>{t('caseFile.notFound')}</Text>
        <a className={shared.link} href={hashOf('customers')}>
          {t('caseFile.backToList')}
        </a>
      </div>
    );
  }
  const { data, plan } = result;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className={`${shared.page} case-file-screen`}>
        <div className={styles.header}>
          <a className={styles.back} href={hashOf('customers')}>
            <ArrowLeft20Regular aria-hidden />
            {t('caseFile.backToList')}
          </a>
          <h2 className={styles.name} tabIndex={-1} ref={headingRef}>
            {data.customer.name}
          </h2>
          <Text className={shared.muted}>
            {t('caseFile.summary', {
              stage: STAGE_WORDS[data.customer.stage](t),
              lines: formatCountOf(plan.lines.length, 'subscription', i18n.language === 'ja' ? 'ja' : 'en'),
              users: formatCountOf(plan.users.length, 'user', i18n.language === 'ja' ? 'ja' : 'en'),
            })}
          </Text>
          <GraphReadDate importId={data.customer.tenantImportId ?? null} />
          <div className={shared.row}>
            <Button appearance="primary" icon={<ArrowSwap20Regular />} onClick={() => navigate('offer-matching', customerId)}>
              {t('caseFile.openMatching')}
            </Button>
            <ExportActions data={data} plan={plan} />
          </div>
          <PermissionNote permission="customer.edit" />
        </div>
        <SubscriptionsSection data={data} plan={plan} />
        <OwnSubscriptionsSection
          customer={data.customer}
          placement={data.ownPlacement}
          tenantKeys={tenantSubscriptionKeys(data)}
          onSave={(args) => sync.mutate('customer.setOwnSubscriptions', args)}
        />
        <TransfersSection data={data} plan={plan} />
        <EstEmailSection data={data} plan={plan} />
        <PlanSection customerId={customerId} catalog={data.catalog} savedPlan={data.plan} planLines={data.planLines} findingAcks={data.findingAcks} plan={plan} />
        <UsersSection customerId={customerId} plan={plan} />
        <div className={styles.columns}>
          <StageAndNotesSection customerId={data.customer.id} stage={data.customer.stage} notes={data.customer.notes} canEdit={canEdit} />
          <DetailsSection customer={data.customer} canEdit={canEdit} />
        </div>
        <div className={styles.columns}>
          <InvitationsSection customerId={customerId} />
          <ActivitySection customerId={customerId} />
        </div>
      </div>
      <PrintSummary data={data} plan={plan} />
    </>
  );
}
