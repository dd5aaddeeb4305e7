// The customer's details (react-hook-form + zod, saved through customer.update with only the fields
// that changed, so the activity says what changed and a teammate's edit of another field stays),
// the stage (customer.setStage) and the notes.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
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

export function DetailsSection({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const stored: Details = { name: customer.name, domain: customer.domain, tenantId: customer.tenantId, country: customer.country, channel: customer.channel };
  // A change that arrives from the team (or this save) starts the form again from the stored details.
  return (
    <>
      <DetailsForm key={JSON.stringify(stored)} customerId={customer.id} stored={stored} sources={customer.fieldSources} canEdit={canEdit} outcome={outcome} setOutcome={setOutcome} />
      <BillingAndAgreement customer={customer} />
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
function BillingAndAgreement({ customer }: { customer: Customer }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const noteId = useId();
  const { allowed } = usePermission('customer.edit');
  const { billingAccount, agreement } = withDefaults('customers', customer);
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
    const result = await sync.mutate('customer.setBillingAccount', { id: customer.id, billingAccount: parsed.data });
    done(result, t('caseFile.billing.saved'));
  };
  const record = handleSubmit(async (values) => {
    const result = await sync.mutate('customer.recordAgreement', { id: customer.id, acceptedOn: values.acceptedOn, attestedBy: values.attestedBy.trim() });
    if (done(result, t('caseFile.agreement.recorded'))) reset({ acceptedOn: '', attestedBy: '' });
  });
  const clear = async () => {
    const result = await sync.mutate('customer.clearAgreement', { id: customer.id });
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
      {!agreement && <PartnerCenterAgreement customerId={customer.id} tenantId={customer.tenantId} allowed={allowed} />}
      <PermissionNote permission="customer.edit" id={noteId} />
      <OutcomeBar outcome={outcome} />
    </section>
  );
}

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

function DetailsForm({
  customerId,
  stored,
  sources,
  canEdit,
  outcome,
  setOutcome,
}: {
  customerId: string;
  stored: Details;
  sources: Customer['fieldSources'];
  canEdit: boolean;
  outcome: Outcome;
  setOutcome: (o: Outcome) => void;
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const schema = useDetailsSchema();
  const { control, handleSubmit, formState } = useForm<Details>({ resolver: zodResolver(schema), defaultValues: stored });
  // Read while rendering: react-hook-form tracks dirty fields only for a form state read here, and
  // without it a first save that changes one field (the domain alone) said "nothing to save".
  const { dirtyFields } = formState;

  const save = handleSubmit(async (values) => {
    setOutcome(null);
    // Stored as the workspace keeps them (GUIDs lower case, countries upper case), and shown that way.
    const normalized: Details = {
      name: values.name.trim(),
      domain: values.domain.trim(),
      tenantId: values.tenantId.trim().toLowerCase(),
      country: values.country.trim().toUpperCase(),
      channel: values.channel,
    };
    const changed = Object.fromEntries((Object.keys(normalized) as (keyof Details)[]).filter((k) => dirtyFields[k]).map((k) => [k, normalized[k]]));
    if (Object.keys(changed).length === 0) {
      setOutcome({ intent: 'success', text: t('caseFile.details.nothingChanged') });
      return;
    }
    const result = await sync.mutate('customer.update', { id: customerId, ...changed });
    if (result.ok) setOutcome({ intent: 'success', text: t('caseFile.details.saved') });
    else setOutcome({ intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  });

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
      <form onSubmit={(e) => void save(e)} noValidate>
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
          <Button type="submit" appearance="primary" disabled={!canEdit || formState.isSubmitting}>
            {t('caseFile.details.save')}
          </Button>
          <OutcomeBar outcome={outcome} />
        </div>
      </form>
    </section>
  );
}

export function StageAndNotesSection({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const [notes, setNotes] = useState(customer.notes);
  const [storedNotes, setStoredNotes] = useState(customer.notes);
  // Notes changed elsewhere (a teammate, a sync): take them unless this person is typing over them.
  if (customer.notes !== storedNotes) {
    setStoredNotes(customer.notes);
    if (notes === storedNotes) setNotes(customer.notes);
  }
  const [outcome, setOutcome] = useState<Outcome>(null);

  const setStage = async (stage: CustomerStage) => {
    const result = await sync.mutate('customer.setStage', { id: customer.id, stage });
    setOutcome(result.ok ? { intent: 'success', text: t('caseFile.stage.saved') } : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  };
  const saveNotes = async () => {
    const result = await sync.mutate('customer.update', { id: customer.id, notes });
    setOutcome(result.ok ? { intent: 'success', text: t('caseFile.notes.saved') } : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.stage.title')}
      </h3>
      <Field label={t('caseFile.stage.label')} hint={t('caseFile.stage.hint')}>
        <Select value={customer.stage} onChange={(_, d) => void setStage(CustomerStage.parse(d.value))} disabled={!canEdit}>
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
        <Button onClick={() => void saveNotes()} disabled={!canEdit || notes === customer.notes}>
          {t('caseFile.notes.save')}
        </Button>
        <OutcomeBar outcome={outcome} />
      </div>
    </section>
  );
}
