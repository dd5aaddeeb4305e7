// The Microsoft Customer Agreement through Partner Center, under the case file's agreement record:
// "Check in Partner Center" records what Partner Center holds (who, when, "read from Partner
// Center") with customer.recordAgreement, and "Record in Partner Center" creates the attestation a
// person entered, then records it the same way. Disabled with the reason in a browser, signed out,
// or without the customer's tenant id.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isLocalDate } from '../../../shared/domain/dates';
import type { PartnerCenterAgreement as Attestation } from '../../../shared/ipc/contract';
import { today } from '../../engine/customerPlan';
import { useSync } from '../../workspace/SyncContext';
import { useCaseFileStyles } from './caseFileStyles';
import { BlockedReason, usePartnerCenterAction } from './partnerCenterAction';
import { clip } from './partnerCenterWords';
import type { Translate } from '../../ui/language';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { refusalText as changeRefusalText } from '../../words/refusalText';
import { partnerCenterErrorText } from '../../words/connectorErrors';

type Outcome = { intent: 'success' | 'error' | 'info'; text: string } | null;
type Values = { firstName: string; lastName: string; email: string; dateAgreed: string };
/** Each field's label (literal keys: eslint/i18nKeys.js). */
const FIELD_WORDS: Record<keyof Values, (t: Translate) => string> = {
  firstName: (t) => t('pcCaseFile.agreement.firstName'),
  lastName: (t) => t('pcCaseFile.agreement.lastName'),
  email: (t) => t('pcCaseFile.agreement.email'),
  dateAgreed: (t) => t('pcCaseFile.agreement.dateAgreed'),
};
const EMPTY: Values = { firstName: '', lastName: '', email: '', dateAgreed: '' };

export function PartnerCenterAgreement({ customerId, tenantId, allowed }: { customerId: string; tenantId: string; allowed: boolean }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const { host, blocked, reasonId, describedBy, busy, outcome, run } = usePartnerCenterAction<NonNullable<Outcome>>(tenantId, (text) => ({ intent: 'error', text }));
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const disabled = !allowed || blocked !== null || busy;
  const customerTenantId = tenantId.trim().toLowerCase();
  const schema = useMemo(
    () =>
      z.object({
        firstName: z.string().trim().min(1, t('pcCaseFile.agreement.errors.firstName')).max(200),
        lastName: z.string().trim().min(1, t('pcCaseFile.agreement.errors.lastName')).max(200),
        email: z.string().trim().email(t('pcCaseFile.agreement.errors.email')),
        dateAgreed: z
          .string()
          .refine((v) => isLocalDate(v), t('pcCaseFile.agreement.errors.date'))
          .refine((v) => !isLocalDate(v) || v <= today(), t('pcCaseFile.agreement.errors.future')),
      }),
    [t],
  );

  const who = (a: Attestation) => (a.contact ? `${a.contact.firstName} ${a.contact.lastName} (${a.contact.email})` : t('pcCaseFile.agreement.unknownContact'));

  /** The case file's record of what Partner Center holds; false when the workspace refused it. */
  const recordLocally = async (a: Attestation, attestedBy: string): Promise<string | null> => {
    const result = await sync.mutate('customer.recordAgreement', { id: customerId, acceptedOn: a.dateAgreed, attestedBy: clip(attestedBy) });
    return result.ok ? null : changeRefusalText(t, i18n.language, result);
  };

  const check = () =>
    run(async () => {
      const answer = await host.partnerCenterAgreement({ customerTenantId });
      if (!answer.ok) return { intent: 'error', text: partnerCenterErrorText(t, answer) };
      if (!answer.agreement) return { intent: 'info', text: t('pcCaseFile.agreement.none') };
      const refused = await recordLocally(answer.agreement, t('pcCaseFile.agreement.readAttestedBy', { who: who(answer.agreement) }));
      return refused === null
        ? { intent: 'success', text: t('pcCaseFile.agreement.found', { date: answer.agreement.dateAgreed, who: who(answer.agreement) }) }
        : { intent: 'error', text: t('caseFile.details.refused', { message: refused }) };
    });

  const record = async () => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message])));
      return;
    }
    setErrors({});
    await run(async () => {
      const answer = await host.partnerCenterRecordAgreement({ customerTenantId, ...parsed.data });
      if (!answer.ok) return { intent: 'error', text: partnerCenterErrorText(t, answer) };
      const refused = await recordLocally(answer.agreement, t('pcCaseFile.agreement.recordedAttestedBy', { who: who(answer.agreement) }));
      if (refused !== null) return { intent: 'error', text: t('pcCaseFile.agreement.caseFileRefused', { message: refused }) };
      setValues(EMPTY);
      return { intent: 'success', text: t('pcCaseFile.agreement.recorded') };
    });
  };

  const input = (name: keyof Values, type: 'text' | 'email' | 'date' = 'text') => (
    <Field label={FIELD_WORDS[name](t)} required validationMessage={errors[name]} validationState={errors[name] ? 'error' : 'none'}>
      <Input
        type={type}
        value={values[name]}
        onChange={(_, d) => setValues((v) => ({ ...v, [name]: d.value }))}
        disabled={disabled}
        maxLength={type === 'email' ? 320 : type === 'text' ? 200 : undefined}
        max={type === 'date' ? today() : undefined}
      />
    </Field>
  );

  return (
    <div className={styles.column} data-testid="pc-agreement">
      <div className={styles.row}>
        <Button onClick={() => void check()} disabled={disabled} aria-describedby={describedBy} data-testid="pc-agreement-check">
          {t('pcCaseFile.agreement.check')}
        </Button>
        <BlockedReason blocked={blocked} id={reasonId} />
      </div>
      <form
        className={styles.column}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void record();
        }}
        aria-label={t('pcCaseFile.agreement.recordTitle')}
      >
        <Text weight="semibold">{t('pcCaseFile.agreement.recordTitle')}</Text>
        <Text className={styles.muted}>{t('pcCaseFile.agreement.recordIntro')}</Text>
        <div className={styles.grid}>
          {input('firstName')}
          {input('lastName')}
          {input('email', 'email')}
          {input('dateAgreed', 'date')}
        </div>
        <div className={styles.row}>
          <Button type="submit" disabled={disabled} aria-describedby={describedBy} data-testid="pc-agreement-record">
            {t('pcCaseFile.agreement.record')}
          </Button>
        </div>
      </form>
      <OutcomeBar outcome={outcome} />
    </div>
  );
}
