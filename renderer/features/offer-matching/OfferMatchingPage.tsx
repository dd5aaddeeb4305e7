// The offer-matching wizard (issue item 4): pick the customer, import or refresh its tenant
// exports, review each line's match with the services side by side, choose targets, quantities and
// order dates, and save it all as the customer's plan. Choices are kept per line until saved; the
// saved plan lines come back as the wizard's starting point.
import { Button, MessageBar, MessageBarBody, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import type { Lang } from '../../../shared/domain/engine';
import { useViewStore } from '../../ui/viewStore';
import { useCustomerData } from '../../engine/customerPlan';
import { CustomerStep } from './CustomerStep';
import { useCustomerDrafts } from './draftStore';
import { ExportsStep } from './ExportsStep';
import { ReviewStep } from './ReviewStep';
import { SaveStep } from './SaveStep';
import { useWizardStyles } from './styles';
import { wizardPlan } from './wizardPlan';
import { STAGE_WORDS } from '../../words/labels';

const STEPS = ['customer', 'exports', 'review', 'save'] as const;
type Step = (typeof STEPS)[number];

const useStyles = makeStyles({
  steps: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  stepButton: { justifyContent: 'flex-start' },
  footer: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  wide: { maxWidth: '1200px' },
});

export function OfferMatchingPage() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const shared = useWizardStyles();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const customerId = useViewStore((s) => s.customerId);
  const lang: Lang = i18n.language === 'ja' ? 'ja' : 'en';
  const data = useCustomerData(customerId);
  const drafts = useCustomerDrafts(customerId);
  // Where the wizard is, for the customer it is about: another customer (picked here or arriving
  // in the address) starts again at its exports.
  const [at, setAt] = useState({ customerId, step: (customerId ? 'exports' : 'customer') as Step, openLine: null as string | null, focus: 0 });
  if (at.customerId !== customerId) setAt({ customerId, step: customerId ? 'exports' : 'customer', openLine: null, focus: at.focus + 1 });
  const { step, openLine } = at;

  useEffect(() => {
    // Focus goes to the new step's heading when the user moves, not when the page first opens.
    if (at.focus > 0) heading.current?.focus();
  }, [at.focus]);

  const wizard = useMemo(() => (data ? wizardPlan(data, drafts) : null), [data, drafts]);
  const hasImport = Boolean(data?.customer.tenantImportId);
  const hasCatalog = (data?.catalog.skus.size ?? 0) > 0;
  const available: Record<Step, boolean> = { customer: true, exports: Boolean(data), review: Boolean(data) && hasImport && hasCatalog, save: Boolean(data) && hasImport && hasCatalog };
  const labels: Record<Step, string> = {
    customer: t('offerMatching.steps.customer'),
    exports: t('offerMatching.steps.exports'),
    review: t('offerMatching.steps.review'),
    save: t('offerMatching.steps.save'),
  };
  const index = STEPS.indexOf(step);
  const go = (next: Step) => setAt((a) => ({ ...a, step: next, focus: a.focus + 1 }));
  const openLineIn = (lineId: string | null) =>
    // An opened line takes the focus itself (its heading); the list takes the step's heading.
    setAt((a) => (a.step === 'review' ? { ...a, openLine: lineId } : { ...a, step: 'review', openLine: lineId, focus: lineId ? a.focus : a.focus + 1 }));
  const nextStep = STEPS[index + 1];
  const previousStep = index > 0 ? STEPS[index - 1] : undefined;

  return (
    <div className={mergeClasses(shared.page, styles.wide)}>
      <Text as="p">{t('pages.offerMatching.purpose')}</Text>
      <nav aria-label={t('offerMatching.steps.label')}>
        <ol className={styles.steps}>
          {STEPS.map((s, i) => (
            <li key={s}>
              <Button
                className={styles.stepButton}
                appearance={s === step ? 'primary' : 'subtle'}
                aria-current={s === step ? 'step' : undefined}
                disabled={!available[s]}
                onClick={() => go(s)}
              >
                {t('offerMatching.steps.item', { number: i + 1, label: labels[s] })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      {data && (
        <Text data-testid="wizard-customer">
          {t('offerMatching.customer.current', { name: data.customer.name, stage: STAGE_WORDS[data.customer.stage](t) })}
        </Text>
      )}
      {wizard && wizard.unsaved > 0 && step !== 'save' && (
        <MessageBar intent="info">
          <MessageBarBody>{t('offerMatching.unsavedBanner', { lines: formatCount(wizard.unsaved, lang) })}</MessageBarBody>
        </MessageBar>
      )}
      <section className={shared.section} aria-labelledby={titleId}>
        <h2 id={titleId} ref={heading} tabIndex={-1} className={shared.sectionTitle}>
          {t('offerMatching.steps.heading', { number: index + 1, label: labels[step] })}
        </h2>
        {customerId && data === null && step !== 'customer' ? (
          <MessageBar intent="error">
            <MessageBarBody>{t('offerMatching.customer.missing')}</MessageBarBody>
          </MessageBar>
        ) : step === 'customer' ? (
          <CustomerStep customerId={customerId} />
        ) : !data || !wizard ? (
          <Text>{t('offerMatching.loading')}</Text>
        ) : step === 'exports' ? (
          <ExportsStep customerId={data.customer.id} />
        ) : !hasImport || !hasCatalog ? (
          <MessageBar intent="warning">
            <MessageBarBody>{!hasImport ? t('offerMatching.review.needImport') : t('offerMatching.review.needCatalog')}</MessageBarBody>
          </MessageBar>
        ) : step === 'review' ? (
          <ReviewStep wizard={wizard} catalog={data.catalog} customerId={data.customer.id} openLineId={openLine} onOpen={openLineIn} />
        ) : (
          <SaveStep wizard={wizard} data={data} onOpen={openLineIn} />
        )}
        <div className={styles.footer}>
          {previousStep ? (
            <Button onClick={() => go(previousStep)}>{t('offerMatching.steps.back', { label: labels[previousStep] })}</Button>
          ) : (
            <span />
          )}
          {nextStep && (
            <Button appearance="primary" disabled={!available[nextStep]} onClick={() => go(nextStep)}>
              {t('offerMatching.steps.next', { label: labels[nextStep] })}
            </Button>
          )}
        </div>
      </section>
    </div>
  );
}
