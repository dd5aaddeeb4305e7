// One line, reviewed and decided: its findings, the target (the rules' proposal, a ranked
// equivalent or any catalog product), the service plans now and after side by side, the quantity
// with the seat math, the term and billing frequency with their documented premiums, and the dates
// from the timing rules with the order date. "Use these choices"
// keeps them for the line until the plan is saved in the last step.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BillingFrequency, Term } from '../../../shared/domain/commerce';
import { checkSeats, equivalentProposals, findingText, findSku, matchOffer, type Catalog, type MatchKind } from '../../../shared/domain/engine';
import { formatCount, formatCountOf } from '../../../shared/domain/format';
import { billingFrequenciesFor, MONTHLY_TERM_PREMIUM_RULE_ID, termPremiums, threeYearMinimumProblem } from '../../../shared/domain/terms';
import { CatalogSearch } from './CatalogSearch';
import { useDraftStore } from './draftStore';
import { lineFormSchema, MAX_QUANTITY, type LineFormError, type LineFormValues } from './lineForm';
import { SeverityBadge } from './MatchBadge';
import { ServiceComparison } from './ServiceComparison';
import { useWizardStyles } from './styles';
import type { WizardLine } from './wizardPlan';
import { BILLING_FREQUENCY_WORDS, TERM_WORDS } from '../../words/labels';

const OTHER = 'other';
const TERM_ORDER: readonly Term[] = ['P1M', 'P1Y', 'P3Y'];

/** What the rules propose for the line without anyone's choice. */
function proposalOf(line: WizardLine, catalog: Catalog): { skuId: string | null; kind: MatchKind } {
  const p = line.planned;
  if (p.channel === 'own') return { skuId: p.sourceSkuId, kind: 'same' };
  const m = matchOffer(p.sourceSkuId, catalog);
  return { skuId: m.targetSkuId, kind: m.kind };
}

export function LineEditor({ line, catalog, customerId, asOf }: { line: WizardLine; catalog: Catalog; customerId: string; asOf: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useWizardStyles();
  const ids = { findings: useId(), target: useId(), seats: useId(), dates: useId(), services: useId(), term: useId() };
  const setDraft = useDraftStore((s) => s.setDraft);
  const p = line.planned;
  const proposal = proposalOf(line, catalog);
  const equivalents = equivalentProposals(p.sourceSkuId, catalog).filter((e) => e.skuId !== proposal.skuId && e.skuId !== p.sourceSkuId);
  const schema = lineFormSchema({ asOf, deadline: p.deadline });
  const { control, handleSubmit, setValue, trigger, formState } = useForm<LineFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { targetSkuId: p.match.targetSkuId ?? '', quantity: p.targetQuantity, orderDate: line.orderDate ?? '', term: line.term, billingFrequency: line.billingFrequency },
  });
  const target = useWatch({ control, name: 'targetSkuId' });
  const quantity = useWatch({ control, name: 'quantity' });
  const term = useWatch({ control, name: 'term' });
  const billingFrequency = useWatch({ control, name: 'billingFrequency' });
  const premiums = termPremiums(term, billingFrequency, asOf);
  const threeYear = threeYearMinimumProblem(term, Number.isInteger(quantity) ? quantity : p.targetQuantity, asOf);
  const listed = [proposal.skuId ?? '', ...equivalents.map((e) => e.skuId)];
  const [otherMode, setOtherMode] = useState(!listed.includes(target));
  const [applied, setApplied] = useState(false);
  const radioValue = otherMode ? OTHER : target;

  const source = findSku(catalog, p.sourceSkuId);
  const targetSku = target ? findSku(catalog, target) : undefined;
  const seats = checkSeats(p.quantity, p.consumed, Number.isFinite(quantity) ? quantity : p.targetQuantity);

  const errorText = (code: string | undefined): string | undefined => {
    switch (code as LineFormError | undefined) {
      case 'quantity':
        return t('offerMatching.edit.quantityInvalid', { max: MAX_QUANTITY });
      case 'date':
        return t('offerMatching.edit.dateInvalid');
      case 'beforePlanDate':
        return t('offerMatching.edit.dateBeforePlan', { asOf });
      case 'afterDeadline':
        return t('offerMatching.edit.dateAfterDeadline', { deadline: p.deadline });
      case 'billingFrequency':
        return t('offerMatching.term.billingInvalid');
      case 'threeYearMinimum':
        return t('offerMatching.term.threeYearMinimum', { minimum: threeYear?.minimum ?? 0, quantity, asOf });
      default:
        return undefined;
    }
  };

  const apply = (values: LineFormValues) => {
    const chosen = values.targetSkuId === '' || values.targetSkuId === proposal.skuId ? null : values.targetSkuId;
    const orderDate = values.orderDate || null;
    // The base is the line as the person first saw it in this draft: a later edit keeps it.
    const base = line.draft?.base ?? {
      version: line.savedVersion,
      targetSkuId: p.match.targetSkuId,
      quantity: p.targetQuantity,
      orderDate: line.orderDate,
      term: line.term,
      billingFrequency: line.billingFrequency,
    };
    const changed = {
      targetSkuId: (chosen ?? proposal.skuId) !== base.targetSkuId,
      quantity: values.quantity !== base.quantity,
      orderDate: orderDate !== base.orderDate,
      term: values.term !== base.term,
      billingFrequency: values.billingFrequency !== base.billingFrequency,
    };
    setDraft(customerId, p.lineId, { targetSkuId: chosen, quantity: values.quantity, orderDate, term: values.term, billingFrequency: values.billingFrequency, base, changed });
    setApplied(true);
  };

  const timingText = () => {
    const tm = p.timing;
    switch (tm.state) {
      case 'active':
        return t('offerMatching.dates.state.active', { days: formatCountOf(tm.daysToExpiry ?? 0, 'day', lang) });
      case 'expiring-soon':
        return t('offerMatching.dates.state.expiring-soon', { days: formatCountOf(tm.daysToExpiry ?? 0, 'day', lang) });
      case 'in-expired-window':
        return t('offerMatching.dates.state.in-expired-window', { days: formatCountOf(tm.daysToDeadline ?? 0, 'day', lang) });
      case 'past-deadline':
        return t('offerMatching.dates.state.past-deadline');
      default:
        return t('offerMatching.dates.state.unknown');
    }
  };

  return (
    <form className={styles.column} onSubmit={(e) => void handleSubmit(apply)(e)} noValidate>
      <section aria-labelledby={ids.findings} className={styles.column}>
        <h3 id={ids.findings} className={styles.subTitle}>
          {t('offerMatching.edit.findingsTitle')}
        </h3>
        {line.findings.length === 0 ? (
          <Text>{t('offerMatching.edit.noFindings')}</Text>
        ) : (
          <ul className={styles.column} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} data-testid="line-findings">
            {line.findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>
                <SeverityBadge severity={f.severity} /> <span className={styles.mono}>{f.code}</span> {findingText(f, lang)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={ids.target} className={styles.column}>
        <h3 id={ids.target} className={styles.subTitle}>
          {t('offerMatching.target.title')}
        </h3>
        <Field label={t('offerMatching.target.label')}>
          <RadioGroup
            value={radioValue}
            onChange={(_, d) => {
              if (d.value === OTHER) setOtherMode(true);
              else {
                setOtherMode(false);
                setValue('targetSkuId', d.value, { shouldDirty: true });
              }
              setApplied(false);
            }}
          >
            {proposal.skuId ? (
              <Radio
                value={proposal.skuId}
                label={t('offerMatching.target.proposal', {
                  product: findSku(catalog, proposal.skuId)?.name ?? proposal.skuId,
                  partNumber: findSku(catalog, proposal.skuId)?.partNumber ?? '',
                  kind: t(proposal.kind === 'same' ? 'offerMatching.kind.same' : 'offerMatching.kind.equivalent'),
                })}
              />
            ) : (
              <Radio value="" label={t('offerMatching.target.noProposal')} />
            )}
            {equivalents.map((e) => (
              <Radio
                key={e.skuId}
                value={e.skuId}
                label={t('offerMatching.target.equivalent', { product: e.name, partNumber: e.skuPartNumber, kept: formatCount(e.kept, lang), lost: formatCount(e.lostServicePlans.length, lang), gained: formatCount(e.gained, lang) })}
              />
            ))}
            <Radio value={OTHER} label={t('offerMatching.target.other')} />
          </RadioGroup>
        </Field>
        {otherMode && (
          <CatalogSearch
            catalog={catalog}
            value={target}
            onSelect={(skuId) => {
              setValue('targetSkuId', skuId, { shouldDirty: true });
              setApplied(false);
            }}
          />
        )}
        <section aria-labelledby={ids.services} className={styles.column}>
          <h4 id={ids.services} className={styles.subTitle}>
            {t('offerMatching.services.title')}
          </h4>
          {!source ? (
            <Text>{t('offerMatching.services.sourceUnknown', { sku: p.sourceSkuPartNumber })}</Text>
          ) : !target ? (
            <Text>{t('offerMatching.services.noTarget')}</Text>
          ) : !targetSku ? (
            <Text>{t('offerMatching.services.targetUnknown')}</Text>
          ) : (
            <ServiceComparison source={source} target={targetSku} />
          )}
        </section>
      </section>

      <section aria-labelledby={ids.seats} className={styles.column}>
        <h3 id={ids.seats} className={styles.subTitle}>
          {t('offerMatching.seats.title')}
        </h3>
        <Controller
          control={control}
          name="quantity"
          render={({ field, fieldState }) => (
            <Field
              label={t('offerMatching.seats.quantity')}
              hint={t('offerMatching.seats.quantityHint', { quantity: formatCount(p.quantity, lang) })}
              validationMessage={errorText(fieldState.error?.message)}
              validationState={fieldState.error ? 'error' : 'none'}
            >
              <Input
                type="number"
                min={0}
                max={MAX_QUANTITY}
                step={1}
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={Number.isFinite(field.value) ? String(field.value) : ''}
                onChange={(_, d) => {
                  field.onChange(d.value.trim() === '' ? Number.NaN : Number(d.value));
                  // The 3-year minimum is judged on the quantity: an error shown on the term follows it.
                  if (formState.isSubmitted) void trigger('term');
                  setApplied(false);
                }}
                style={{ maxWidth: '12rem' }}
              />
            </Field>
          )}
        />
        <dl className={styles.facts} data-testid="seat-math">
          <dt>{t('offerMatching.seats.consumed')}</dt>
          <dd>{seats.consumed}</dd>
          <dt>{t('offerMatching.seats.current')}</dt>
          <dd>{seats.quantity}</dd>
          <dt>{t('offerMatching.seats.new')}</dt>
          <dd>{seats.targetQuantity}</dd>
          <dt>{t('offerMatching.seats.shortfall')}</dt>
          <dd>{seats.shortfall}</dd>
        </dl>
        <div role="status" aria-live="polite">
          {seats.shortfall > 0 ? (
            <MessageBar intent="error">
              <MessageBarBody>{t('offerMatching.seats.short', { shortfall: formatCountOf(seats.shortfall, 'license', lang), consumed: formatCount(seats.consumed, lang), targetQuantity: formatCount(seats.targetQuantity, lang) })}</MessageBarBody>
            </MessageBar>
          ) : seats.changed ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('offerMatching.seats.changed', { quantity: formatCount(seats.quantity, lang), targetQuantity: formatCount(seats.targetQuantity, lang) })}</MessageBarBody>
            </MessageBar>
          ) : (
            <Text>{t('offerMatching.seats.same')}</Text>
          )}
        </div>
      </section>

      <section aria-labelledby={ids.term} className={styles.column} data-testid="term">
        <h3 id={ids.term} className={styles.subTitle}>
          {t('offerMatching.term.title')}
        </h3>
        <Controller
          control={control}
          name="term"
          render={({ field, fieldState }) => (
            <Field label={t('offerMatching.term.term')} validationMessage={errorText(fieldState.error?.message)} validationState={fieldState.error ? 'error' : 'none'}>
              <RadioGroup
                name={field.name}
                value={field.value}
                onChange={(_, d) => {
                  const next = d.value as Term;
                  field.onChange(next);
                  // Keep the billing frequency when the new term offers it, else the term's usual one.
                  const allowed = billingFrequenciesFor(next);
                  if (!allowed.includes(billingFrequency)) setValue('billingFrequency', allowed[0]!, { shouldDirty: true });
                  setApplied(false);
                }}
              >
                {TERM_ORDER.map((v) => (
                  <Radio key={v} value={v} label={TERM_WORDS[v](t)} />
                ))}
              </RadioGroup>
            </Field>
          )}
        />
        <Controller
          control={control}
          name="billingFrequency"
          render={({ field, fieldState }) => (
            <Field label={t('offerMatching.term.billing')} validationMessage={errorText(fieldState.error?.message)} validationState={fieldState.error ? 'error' : 'none'}>
              <RadioGroup
                name={field.name}
                value={field.value}
                layout="horizontal"
                onChange={(_, d) => {
                  field.onChange(d.value as BillingFrequency);
                  setApplied(false);
                }}
              >
                {billingFrequenciesFor(term).map((v) => (
                  <Radio key={v} value={v} label={BILLING_FREQUENCY_WORDS[v](t)} />
                ))}
              </RadioGroup>
            </Field>
          )}
        />
        <div role="status" aria-live="polite" data-testid="term-notes" className={styles.column}>
          {premiums.length === 0 ? (
            <Text>{t('offerMatching.term.noPremium')}</Text>
          ) : (
            premiums.map((pr) => (
              <Text key={pr.ruleId} data-rule={pr.ruleId}>
                {pr.ruleId === MONTHLY_TERM_PREMIUM_RULE_ID ? t('offerMatching.term.premiumMonthlyTerm', { percent: pr.percent }) : t('offerMatching.term.premiumMonthlyBilling', { percent: pr.percent })}
              </Text>
            ))
          )}
          {threeYear && (
            <MessageBar intent="error" data-rule={threeYear.ruleId}>
              <MessageBarBody>{t('offerMatching.term.threeYearMinimum', { minimum: threeYear.minimum, quantity: Number.isInteger(quantity) ? quantity : p.targetQuantity, asOf })}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </section>

      <section aria-labelledby={ids.dates} className={styles.column}>
        <h3 id={ids.dates} className={styles.subTitle}>
          {t('offerMatching.dates.title')}
        </h3>
        <dl className={styles.facts} data-testid="dates">
          <dt>{t('offerMatching.dates.expires')}</dt>
          <dd>{p.expires ?? t('offerMatching.dates.unknown')}</dd>
          <dt>{t('offerMatching.dates.deadline')}</dt>
          <dd>{p.deadline ?? t('offerMatching.dates.unknown')}</dd>
          <dt>{t('offerMatching.dates.status')}</dt>
          <dd>{timingText()}</dd>
        </dl>
        <Controller
          control={control}
          name="orderDate"
          render={({ field, fieldState }) => (
            <Field
              label={t('offerMatching.dates.orderDate')}
              hint={line.suggestedOrderDate ? t('offerMatching.dates.suggested', { date: line.suggestedOrderDate }) : t('offerMatching.dates.noSuggestion')}
              validationMessage={errorText(fieldState.error?.message)}
              validationState={fieldState.error ? 'error' : 'none'}
            >
              <Input
                type="date"
                name={field.name}
                ref={field.ref}
                onBlur={field.onBlur}
                value={field.value}
                onChange={(_, d) => {
                  field.onChange(d.value);
                  setApplied(false);
                }}
                style={{ maxWidth: '12rem' }}
              />
            </Field>
          )}
        />
      </section>

      <div className={styles.row}>
        <Button type="submit" appearance="primary">
          {t('offerMatching.edit.apply')}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="line-applied">
        {applied && !formState.isSubmitting && (
          <MessageBar intent="success">
            <MessageBarBody>{t('offerMatching.edit.applied')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </form>
  );
}
