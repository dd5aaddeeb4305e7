// Step 4: the email's language and recipients, then one invitation.create per customer. The drafts
// are the team's record from here on; step 5 builds each email from what was stored.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import { z } from 'zod';
import type { Customer } from '../../../shared/workspace/tables';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import type { AccessChoice } from './DelegatedAdminStep';
import { useInviteStyles } from './inviteStyles';
import { uuidv7 } from '../../sync/ids';
import { refusalText } from '../../words/refusalText';

export interface Created {
  invitationIds: string[];
  recipients: string[];
  failures: { customer: string; reason: string }[];
}

type FormValues = { language: 'en' | 'ja'; recipients: string };

const Email = z.email();

export function splitRecipients(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function ComposeStep({
  customers,
  access,
  onBack,
  onCreated,
}: {
  customers: Customer[];
  access: AccessChoice;
  onBack: () => void;
  onCreated: (created: Created) => void;
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const [busy, setBusy] = useState(false);
  // invitation.create needs invite.send, and delegated admin besides when it is asked for.
  const send = usePermission('invite.send');
  const delegated = usePermission('invite.delegatedAdmin');
  const needed = !send.allowed || access.delegatedAdmin === 'none' ? 'invite.send' : 'invite.delegatedAdmin';
  const allowed = send.allowed && (access.delegatedAdmin === 'none' || delegated.allowed);
  const schema = useMemo(
    () =>
      z.object({ language: z.enum(['en', 'ja']), recipients: z.string() }).superRefine((v, ctx) => {
        const bad = splitRecipients(v.recipients).find((r) => !Email.safeParse(r).success);
        if (bad !== undefined) ctx.addIssue({ code: 'custom', path: ['recipients'], message: t('invite.compose.recipientsError', { address: bad }) });
      }),
    [t],
  );
  const { control, handleSubmit, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: { language: i18n.language === 'ja' ? 'ja' : 'en', recipients: '' },
  });

  const submit = handleSubmit(async (v) => {
    setBusy(true);
    const created: Created = { invitationIds: [], recipients: splitRecipients(v.recipients), failures: [] };
    // One invitation per customer, each its own change: one refused (say, a customer deleted by a
    // teammate meanwhile) leaves the others valid, and the refusal is shown by customer.
    for (const c of customers) {
      const id = uuidv7();
      const outcome = await sync.mutate('invitation.create', {
        id,
        customerId: c.id,
        delegatedAdmin: access.delegatedAdmin,
        gdap:
          access.delegatedAdmin === 'gdap'
            ? { roles: access.roles, durationDays: access.durationDays, approvalLink: access.approvalLinks[c.id] ?? '', autoExtend: access.autoExtend }
            : null,
        language: v.language,
      });
      if (outcome.ok) created.invitationIds.push(id);
      else created.failures.push({ customer: c.name, reason: refusalText(t, i18n.language, outcome) });
    }
    setBusy(false);
    onCreated(created);
  });

  const errors = formState.errors;
  return (
    <form className={styles.stack} onSubmit={(e) => void submit(e)} noValidate>
      <Controller
        control={control}
        name="language"
        render={({ field }) => (
          <Field label={t('invite.compose.language')}>
            <RadioGroup layout="horizontal" value={field.value} onChange={(_, d) => field.onChange(d.value)}>
              <Radio value="en" label={<span lang="en">{t('invite.compose.english')}</span>} />
              <Radio value="ja" label={<span lang="ja">{t('invite.compose.japanese')}</span>} />
            </RadioGroup>
          </Field>
        )}
      />
      <Controller
        control={control}
        name="recipients"
        render={({ field }) => (
          <Field
            label={t('invite.compose.recipients')}
            hint={t('invite.compose.recipientsHint')}
            validationMessage={errors.recipients?.message}
            validationState={errors.recipients ? 'error' : 'none'}
          >
            <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />
          </Field>
        )}
      />
      <Text>{t('invite.compose.explain', { count: formatCount(customers.length, i18n.language) })}</Text>
      {busy && <Spinner size="tiny" label={t('invite.compose.creating')} />}
      <PermissionNote permission={needed} />
      <div className={styles.actions}>
        <Button type="button" onClick={onBack} disabled={busy}>
          {t('invite.wizard.back')}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy || !allowed}>
          {t('invite.compose.create')}
        </Button>
      </div>
    </form>
  );
}

export function CreationFailures({ failures }: { failures: Created['failures'] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {failures.map((f) => (
          <div key={f.customer}>{t('invite.compose.failed', { customer: f.customer, reason: f.reason })}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
