// The customer's details (react-hook-form + zod, saved through customer.update with only the fields
// that changed, so the activity says what changed and a teammate's edit of another field stays),
// the stage (customer.setStage) and the notes.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { memo, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Controller, useForm, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BILLING_ACCOUNTS } from '../../../shared/domain/commerce';
import { isLocalDate } from '../../../shared/domain/dates';
import { CustomerStage, withDefaults, type Customer, type ImportableField } from '../../../shared/workspace/tables';
import { today } from '../../engine/customerPlan';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { useCaseFileStyles } from './caseFileStyles';
import { PartnerCenterAgreement } from './PartnerCenterAgreement';
import { STAGE_WORDS, BILLING_ACCOUNT_WORDS } from '../../words/labels';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { refusalText } from '../../words/refusalText';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
const CHANNELS = ['unknown', 'direct', 'other-partner', 'own'] as const;

type Outcome = { intent: 'success' | 'error'; text: string } | null;

function useDetailsSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('caseFile.details.errors.name')).max(200, t('caseFile.details.errors.nameLong')),
        domain: z.string().trim().refine((v) => v === '' || DOMAIN.test(v), t('caseFile.details.errors.domain')),
        tenantId: z.string().trim().refine((v) => v === '' || GUID.test(v), t('caseFile.details.errors.tenantId')),
        country: z.string().trim().refine((v) => v === '' || /^[A-Za-z]{2}$/.test(v), t('caseFile.details.errors.country')),
        channel: z.enum(CHANNELS),
      }),
    [t],
  );
}
type Details = z.infer<ReturnType<typeof useDetailsSchema>>;

/** `value` itself while it has the same contents as at the last render (a re-read row's nested details are new objects). */
function useSameValue<T>(value: T): T {
  const key = JSON.stringify(value ?? null);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the value is the same while its key is
  return useMemo(() => value, [key]);
}

export function DetailsSection({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const { name, domain, tenantId, country, channel } = customer;
  // One object while the stored details are the same values; the form is told when they change
  // (this save read back, or a change pulled from the team) without rendering it again.
  const stored = useMemo<Details>(() => ({ name, domain, tenantId, country, channel }), [name, domain, tenantId, country, channel]);
  const sources = useSameValue(customer.fieldSources);
  const form = useRef<DetailsFormHandle>(null);
  useEffect(() => form.current?.storedChanged(stored), [stored]);
  const { billingAccount, agreement } = withDefaults('customers', customer);
  const sameAgreement = useSameValue(agreement);
  return (
    <>
      <DetailsForm key={customer.id} ref={form} customerId={customer.id} initial={stored} sources={sources} canEdit={canEdit} />
      <BillingAndAgreement customerId={customer.id} tenantId={tenantId} billingAccount={billingAccount} agreement={sameAgreement} />
    </>
  );
}

function useAgreementSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z.object({
        acceptedOn: z
          .string()
          .refine((v) => isLocalDate(v), t('caseFile.agreement.errors.date'))
          .refine((v) => !isLocalDate(v) || v <= today(), t('caseFile.agreement.errors.future')),
        attestedBy: z.string().trim().min(1, t('caseFile.agreement.errors.attestedBy')).max(200, t('caseFile.agreement.errors.attestedByLong')),
      }),
    [t],
  );
}
type AgreementValues = z.infer<ReturnType<typeof useAgreementSchema>>;

/**
 * How the customer is billed (it decides whether the old direct subscriptions are refunded) and
 * whether it accepted the Microsoft Customer Agreement (ordering needs it): each saved at once
 * through its own mutator, so the activity names the fact recorded.
 */
const BillingAndAgreement = memo(function BillingAndAgreement({
  customerId,
  tenantId,
  billingAccount,
  agreement,
}: {
  customerId: string;
  tenantId: string;
  billingAccount: ReturnType<typeof withDefaults<'customers'>>['billingAccount'];
  agreement: ReturnType<typeof withDefaults<'customers'>>['agreement'];
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const noteId = useId();
  const { allowed } = usePermission('customer.edit');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const schema = useAgreementSchema();
  const { control, handleSubmit, reset, formState } = useForm<AgreementValues>({ resolver: zodResolver(schema), defaultValues: { acceptedOn: '', attestedBy: '' } });

  const done = (result: { ok: true } | { ok: false; message: string }, text: string) => {
    setOutcome(result.ok ? { intent: 'success', text } : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
    return result.ok;
  };
  const setBilling = async (value: string) => {
    const parsed = z.enum(BILLING_ACCOUNTS).safeParse(value);
    if (!parsed.success) return;
    const result = await sync.mutate('customer.setBillingAccount', { id: customerId, billingAccount: parsed.data });
    done(result, t('caseFile.billing.saved'));
  };
  const record = handleSubmit(async (values) => {
    const result = await sync.mutate('customer.recordAgreement', { id: customerId, acceptedOn: values.acceptedOn, attestedBy: values.attestedBy.trim() });
    if (done(result, t('caseFile.agreement.recorded'))) reset({ acceptedOn: '', attestedBy: '' });
  });
  const clear = async () => {
    const result = await sync.mutate('customer.clearAgreement', { id: customerId });
    done(result, t('caseFile.agreement.cleared'));
  };

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="billing-agreement">
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.billing.title')}
      </h3>
      <Field label={t('caseFile.billing.label')} hint={t('caseFile.billing.hint')}>
        <Select value={billingAccount} onChange={(_, d) => void setBilling(d.value)} disabled={!allowed} aria-describedby={allowed ? undefined : noteId}>
          {BILLING_ACCOUNTS.map((b) => (
            <option key={b} value={b}>
              {BILLING_ACCOUNT_WORDS[b](t)}
            </option>
          ))}
        </Select>
      </Field>
      <h4 className={styles.subTitle}>{t('caseFile.agreement.title')}</h4>
      {agreement ? (
        <div className={styles.row}>
          <Text data-testid="agreement-record">{t('caseFile.agreement.record', { date: agreement.acceptedOn, who: agreement.attestedBy })}</Text>
          <Button onClick={() => void clear()} disabled={!allowed} aria-describedby={allowed ? undefined : noteId}>
            {t('caseFile.agreement.clear')}
          </Button>
        </div>
      ) : (
        <form onSubmit={(e) => void record(e)} noValidate className={styles.column}>
          <Text className={styles.muted}>{t('caseFile.agreement.missing')}</Text>
          <div className={styles.grid}>
            <Controller
              name="acceptedOn"
              control={control}
              render={({ field, fieldState }) => (
                <Field label={t('caseFile.agreement.acceptedOn')} required validationMessage={fieldState.error?.message} validationState={fieldState.error ? 'error' : 'none'}>
                  <Input type="date" {...field} onChange={(_, d) => field.onChange(d.value)} disabled={!allowed} max={today()} />
                </Field>
              )}
            />
            <Controller
              name="attestedBy"
              control={control}
              render={({ field, fieldState }) => (
                <Field label={t('caseFile.agreement.attestedBy')} hint={t('caseFile.agreement.attestedByHint')} required validationMessage={fieldState.error?.message} validationState={fieldState.error ? 'error' : 'none'}>
                  <Input {...field} onChange={(_, d) => field.onChange(d.value)} disabled={!allowed} maxLength={200} />
                </Field>
              )}
            />
          </div>
          <div className={styles.row}>
            <Button type="submit" disabled={!allowed || formState.isSubmitting} aria-describedby={allowed ? undefined : noteId}>
              {t('caseFile.agreement.save')}
            </Button>
          </div>
        </form>
      )}
      {!agreement && <PartnerCenterAgreement customerId={customerId} tenantId={tenantId} allowed={allowed} />}
      <PermissionNote permission="customer.edit" id={noteId} />
      <OutcomeBar outcome={outcome} />
    </section>
  );
});

/** Where a detail an import can know came from: "from the import of <date>" or "entered by a person". */
function SourceNote({ field, sources }: { field: ImportableField; sources: Customer['fieldSources'] }) {
  const { t } = useTranslation();
  const styles = useCaseFileStyles();
  const source = sources?.[field];
  if (!source) return null;
  const text =
    source.by === 'person'
      ? t('pcLists.source.person')
      : source.file
        ? t('pcLists.source.import', { date: source.at.slice(0, 10), file: source.file })
        : t('pcLists.source.importNoFile', { date: source.at.slice(0, 10) });
  return (
    <Text size={200} className={styles.muted} data-testid={`source-${field}`}>
      {text}
    </Text>
  );
}

/** The outcome of the last save, beside the button: it alone re-renders when a save says how it went. */
function SaveOutcome({ ref }: { ref: Ref<(o: Outcome) => void> }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  useImperativeHandle(ref, () => setOutcome, []);
  return <OutcomeBar outcome={outcome} />;
}

/** The save button: it alone re-renders while a save runs (disabled until it answered). */
function SaveButton({ control, canEdit, label }: { control: Control<Details>; canEdit: boolean; label: string }) {
  const { isSubmitting } = useFormState({ control });
  return (
    <Button type="submit" appearance="primary" disabled={!canEdit || isSubmitting}>
      {label}
    </Button>
  );
}

const DETAIL_KEYS = ['name', 'domain', 'tenantId', 'country', 'channel'] as const satisfies readonly (keyof Details)[];

interface DetailsFormHandle {
  /** The stored details now (this save read back, or a change pulled from the team). */
  storedChanged(stored: Details): void;
}

const DetailsForm = memo(
  function DetailsForm({
    ref,
    customerId,
    initial,
    sources,
    canEdit,
  }: {
    ref: Ref<DetailsFormHandle>;
    customerId: string;
    /** The stored details when the form opened; later ones come through `ref`. */
    initial: Details;
    sources: Customer['fieldSources'];
    canEdit: boolean;
  }) {
    const sync = useSync();
    const { t, i18n } = useTranslation();
    const styles = useCaseFileStyles();
    const titleId = useId();
    const schema = useDetailsSchema();
    const { control, handleSubmit, reset, getValues } = useForm<Details>({ resolver: zodResolver(schema), defaultValues: initial });
    const showOutcome = useRef<(o: Outcome) => void>(null);
    // The stored details the form shows (as it opened, or as last saved or read back): a field whose
    // value differs from them is one the person is editing, and only those are saved.
    const base = useRef(initial);

    useImperativeHandle(
      ref,
      () => ({
        storedChanged(stored) {
          const from = base.current;
          base.current = stored;
          if (DETAIL_KEYS.every((k) => from[k] === stored[k])) return;
          // The form shows the stored details, except in a field the person is editing: it keeps
          // what they typed (and saving it saves it over the new value).
          const values = getValues();
          const shown = { ...stored };
          for (const k of DETAIL_KEYS) if (values[k] !== from[k]) Object.assign(shown, { [k]: values[k] });
          reset(shown);
        },
      }),
      [getValues, reset],
    );

    const save = async (values: Details) => {
      showOutcome.current?.(null);
      // Stored as the workspace keeps them (GUIDs lower case, countries upper case), and shown that way.
      const normalized: Details = {
        name: values.name.trim(),
        domain: values.domain.trim(),
        tenantId: values.tenantId.trim().toLowerCase(),
        country: values.country.trim().toUpperCase(),
        channel: values.channel,
      };
      const changed: Partial<Details> = Object.fromEntries(DETAIL_KEYS.filter((k) => values[k] !== base.current[k]).map((k) => [k, normalized[k]]));
      if (Object.keys(changed).length === 0) {
        showOutcome.current?.({ intent: 'success', text: t('caseFile.details.nothingChanged') });
        return;
      }
      const result = await sync.mutate('customer.update', { id: customerId, ...changed });
      if (!result.ok) {
        showOutcome.current?.({ intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
        return;
      }
      // What is stored now: the form has nothing left to save and shows the stored (normalized)
      // values. Read back, the same details change nothing; the fields render again only where the
      // stored value is not what was typed ("us" shown as "US").
      const saved: Details = { ...base.current, ...changed };
      base.current = saved;
      if (DETAIL_KEYS.some((k) => getValues(k) !== saved[k])) reset(saved);
      showOutcome.current?.({ intent: 'success', text: t('caseFile.details.saved') });
    };

    const text = (name: 'name' | 'domain' | 'tenantId' | 'country', label: string, hint?: string) => (
      <div className={styles.column}>
        {field(name, label, hint)}
        {name !== 'name' && <SourceNote field={name} sources={sources} />}
      </div>
    );
    const field = (name: 'name' | 'domain' | 'tenantId' | 'country', label: string, hint?: string) => (
      <Controller
        name={name}
        control={control}
        render={({ field, fieldState }) => (
          <Field label={label} hint={hint} required={name === 'name'} validationMessage={fieldState.error?.message} validationState={fieldState.error ? 'error' : 'none'}>
            <Input {...field} onChange={(_, d) => field.onChange(d.value)} disabled={!canEdit} maxLength={name === 'country' ? 2 : undefined} />
          </Field>
        )}
      />
    );

    return (
      <section className={styles.section} aria-labelledby={titleId}>
        <h3 id={titleId} className={styles.title}>
          {t('caseFile.details.title')}
        </h3>
        <form onSubmit={(e) => void handleSubmit(save)(e)} noValidate>
          <div className={styles.grid}>
            {text('name', t('caseFile.details.name'))}
            {text('domain', t('caseFile.details.domain'), t('caseFile.details.domainHint'))}
            {text('tenantId', t('caseFile.details.tenantId'), t('caseFile.details.tenantIdHint'))}
            {text('country', t('caseFile.details.country'), t('caseFile.details.countryHint'))}
            <div className={styles.column}>
            <Controller
              name="channel"
              control={control}
              render={({ field }) => (
                <Field label={t('caseFile.details.channel')} hint={t('caseFile.details.channelHint')}>
                  <Select value={field.value} onChange={(_, d) => field.onChange(d.value)} onBlur={field.onBlur} disabled={!canEdit}>
                    <option value="unknown">{t('caseFile.channel.unknown')}</option>
                    <option value="direct">{t('caseFile.channel.direct')}</option>
                    <option value="other-partner">{t('caseFile.channel.otherPartner')}</option>
                    <option value="own">{t('caseFile.channel.own')}</option>
                  </Select>
                </Field>
              )}
            />
            <SourceNote field="channel" sources={sources} />
            </div>
          </div>
          <div className={styles.row} style={{ marginTop: 12 }}>
            <SaveButton control={control} canEdit={canEdit} label={t('caseFile.details.save')} />
            <SaveOutcome ref={showOutcome} />
          </div>
        </form>
      </section>
    );
  },
  // `initial` is read once, when the form opens (another customer opens another form: its key).
  (a, b) => a.ref === b.ref && a.customerId === b.customerId && a.sources === b.sources && a.canEdit === b.canEdit,
);

/** The stage and the notes (by value: a save of the customer's details does not render them again). */
export const StageAndNotesSection = memo(function StageAndNotesSection({ customerId, stage, notes: savedNotes, canEdit }: { customerId: string; stage: CustomerStage; notes: string; canEdit: boolean }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const [notes, setNotes] = useState(savedNotes);
  const [storedNotes, setStoredNotes] = useState(savedNotes);
  // Notes changed elsewhere (a teammate, a sync): take them unless this person is typing over them.
  if (savedNotes !== storedNotes) {
    setStoredNotes(savedNotes);
    if (notes === storedNotes) setNotes(savedNotes);
  }
  const [outcome, setOutcome] = useState<Outcome>(null);

  const setStage = async (next: CustomerStage) => {
    const result = await sync.mutate('customer.setStage', { id: customerId, stage: next });
    setOutcome(result.ok ? { intent: 'success', text: t('caseFile.stage.saved') } : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  };
  const saveNotes = async () => {
    const result = await sync.mutate('customer.update', { id: customerId, notes });
    setOutcome(result.ok ? { intent: 'success', text: t('caseFile.notes.saved') } : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.stage.title')}
      </h3>
      <Field label={t('caseFile.stage.label')} hint={t('caseFile.stage.hint')}>
        <Select value={stage} onChange={(_, d) => void setStage(CustomerStage.parse(d.value))} disabled={!canEdit}>
          {CustomerStage.options.map((s) => (
            <option key={s} value={s}>
              {STAGE_WORDS[s](t)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('caseFile.notes.label')} hint={t('caseFile.notes.hint')}>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" rows={4} maxLength={20_000} disabled={!canEdit} />
      </Field>
      <div className={styles.row}>
        <Button onClick={() => void saveNotes()} disabled={!canEdit || notes === savedNotes}>
          {t('caseFile.notes.save')}
        </Button>
        <OutcomeBar outcome={outcome} />
      </div>
    </section>
  );
});
