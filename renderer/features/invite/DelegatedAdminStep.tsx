// Step 3: what the invitation asks for. Reseller only; or a GDAP admin relationship (roles, a
// duration of at most 730 days, and each customer's approval link from Partner Center); or, as an
// explicit choice with a warning, legacy DAP. Only roles allowed to request delegated admin may
// choose the last two.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GDAP_MAX_DAYS } from '../../../shared/domain/invitation';
import { can, roleLabels, type Role } from '../../../shared/domain/roles';
import type { Customer } from '../../../shared/workspace/tables';
import { ENTRA_ROLES } from './entraRoles';
import { checkGdapApprovalLink } from './gdapLink';
import { useInviteStyles } from './inviteStyles';

export interface AccessChoice {
  delegatedAdmin: 'none' | 'gdap' | 'dap';
  roles: string[];
  durationDays: number;
  /** Customer id -> approval link (GDAP only). */
  approvalLinks: Record<string, string>;
}

type FormValues = {
  delegatedAdmin: 'none' | 'gdap' | 'dap';
  roles: string[];
  durationDays: string;
  dapConfirmed: boolean;
  links: { customerId: string; link: string }[];
};

export function DelegatedAdminStep({
  customers,
  role,
  initial,
  onBack,
  onNext,
}: {
  customers: Customer[];
  /** Who prepares the invitation: only some roles may ask for delegated admin. */
  role: Role;
  initial: AccessChoice | null;
  onBack: () => void;
  onNext: (choice: AccessChoice) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const allowed = can(role, 'invite.delegatedAdmin');
  const nameOf = useMemo(() => new Map(customers.map((c) => [c.id, c.name])), [customers]);

  const schema = useMemo(
    () =>
      z
        .object({
          delegatedAdmin: z.enum(['none', 'gdap', 'dap']),
          roles: z.array(z.string()),
          durationDays: z.string(),
          dapConfirmed: z.boolean(),
          links: z.array(z.object({ customerId: z.string(), link: z.string() })),
        })
        .superRefine((v, ctx) => {
          if (v.delegatedAdmin === 'dap' && !v.dapConfirmed) {
            ctx.addIssue({ code: 'custom', path: ['dapConfirmed'], message: t('invite.da.dapConfirmError') });
          }
          if (v.delegatedAdmin !== 'gdap') return;
          if (v.roles.length === 0) ctx.addIssue({ code: 'custom', path: ['roles'], message: t('invite.da.rolesError') });
          const days = Number(v.durationDays.trim());
          if (!/^\d+$/.test(v.durationDays.trim()) || days < 1 || days > GDAP_MAX_DAYS) {
            ctx.addIssue({ code: 'custom', path: ['durationDays'], message: t('invite.da.durationError') });
          }
          const seen = new Map<string, string>();
          v.links.forEach((entry, index) => {
            const check = checkGdapApprovalLink(entry.link);
            const path = ['links', index, 'link'];
            if (!check.ok) {
              const message =
                check.problem === 'empty'
                  ? t('invite.da.linkEmpty')
                  : check.problem === 'not-a-link'
                    ? t('invite.da.linkNotALink')
                    : check.problem === 'not-admin-center'
                      ? t('invite.da.linkNotAdminCenter')
                      : t('invite.da.linkNotGdap');
              ctx.addIssue({ code: 'custom', path, message });
              return;
            }
            const other = seen.get(check.relationshipId);
            if (other !== undefined) {
              ctx.addIssue({ code: 'custom', path, message: t('invite.da.linkDuplicate', { customer: nameOf.get(other) ?? other }) });
            } else seen.set(check.relationshipId, entry.customerId);
          });
        }),
    [t, nameOf],
  );

  const { control, handleSubmit, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      delegatedAdmin: allowed ? (initial?.delegatedAdmin ?? 'none') : 'none',
      roles: initial?.roles ?? [],
      durationDays: String(initial?.durationDays ?? GDAP_MAX_DAYS),
      dapConfirmed: initial?.delegatedAdmin === 'dap',
      links: customers.map((c) => ({ customerId: c.id, link: initial?.approvalLinks[c.id] ?? '' })),
    },
  });
  const kind = useWatch({ control, name: 'delegatedAdmin' });
  const errors = formState.errors;

  const submit = handleSubmit((v) => {
    onNext({
      delegatedAdmin: allowed ? v.delegatedAdmin : 'none',
      roles: v.delegatedAdmin === 'gdap' ? v.roles : [],
      durationDays: Number(v.durationDays.trim()) || GDAP_MAX_DAYS,
      approvalLinks: v.delegatedAdmin === 'gdap' ? Object.fromEntries(v.links.map((l) => [l.customerId, l.link.trim()])) : {},
    });
  });

  const roleName = roleLabels[role][i18n.language === 'ja' ? 'ja' : 'en'];

  return (
    <form className={styles.stack} onSubmit={(e) => void submit(e)} noValidate>
      {!allowed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('invite.da.forbidden', { role: roleName })}</MessageBarBody>
        </MessageBar>
      )}
      <Controller
        control={control}
        name="delegatedAdmin"
        render={({ field }) => (
          <Field label={t('invite.da.legend')}>
            <RadioGroup value={field.value} onChange={(_, d) => field.onChange(d.value)}>
              <Radio value="none" label={<OptionLabel title={t('invite.da.none')} hint={t('invite.da.noneHint')} />} />
              <Radio value="gdap" disabled={!allowed} label={<OptionLabel title={t('invite.da.gdap')} hint={t('invite.da.gdapHint')} />} />
              <Radio value="dap" disabled={!allowed} label={<OptionLabel title={t('invite.da.dap')} hint={t('invite.da.dapHint')} />} />
            </RadioGroup>
          </Field>
        )}
      />

      {kind === 'dap' && (
        <div className={styles.nested}>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('invite.da.dapWarning')}</MessageBarBody>
          </MessageBar>
          <Controller
            control={control}
            name="dapConfirmed"
            render={({ field }) => (
              <Field validationMessage={errors.dapConfirmed?.message} validationState={errors.dapConfirmed ? 'error' : 'none'}>
                <Checkbox checked={field.value} onChange={(_, d) => field.onChange(d.checked === true)} label={t('invite.da.dapConfirm')} />
              </Field>
            )}
          />
        </div>
      )}

      {kind === 'gdap' && (
        <div className={styles.nested}>
          <Controller
            control={control}
            name="roles"
            render={({ field }) => (
              <fieldset className={styles.stack} style={{ border: 'none', margin: 0, padding: 0 }}>
                <legend>
                  <Text weight="semibold">{t('invite.da.roles')}</Text>
                </legend>
                <Text size={200} className={styles.muted}>
                  {t('invite.da.rolesHint')}
                </Text>
                <div className={styles.roleGrid}>
                  {ENTRA_ROLES.map((role) => (
                    <Checkbox
                      key={role.id}
                      checked={field.value.includes(role.id)}
                      onChange={(_, d) => field.onChange(d.checked === true ? [...field.value, role.id] : field.value.filter((r) => r !== role.id))}
                      label={
                        <span>
                          {t(role.labelKey)}{' '}
                          {role.privileged && (
                            <Badge size="small" appearance="tint" color="warning">
                              {t('invite.da.privileged')}
                            </Badge>
                          )}
                          <br />
                          <span className={styles.roleId}>{role.id}</span>
                        </span>
                      }
                    />
                  ))}
                </div>
                {errors.roles && (
                  <Text role="alert" className={styles.error}>
                    {errors.roles.message}
                  </Text>
                )}
              </fieldset>
            )}
          />
          <Controller
            control={control}
            name="durationDays"
            render={({ field }) => (
              <Field
                label={t('invite.da.duration')}
                hint={t('invite.da.durationHint')}
                validationMessage={errors.durationDays?.message}
                validationState={errors.durationDays ? 'error' : 'none'}
              >
                <Input type="number" min={1} max={GDAP_MAX_DAYS} value={field.value} onChange={(_, d) => field.onChange(d.value)} style={{ maxWidth: '160px' }} />
              </Field>
            )}
          />
          <Text weight="semibold">{t('invite.da.approvalLinks')}</Text>
          <Text size={200} className={styles.muted}>
            {t('invite.da.approvalLinksHint')}
          </Text>
          {customers.map((c, index) => (
            <Controller
              key={c.id}
              control={control}
              name={`links.${index}.link`}
              render={({ field }) => {
                const error = errors.links?.[index]?.link?.message;
                return (
                  <Field label={t('invite.da.approvalLink', { customer: c.name })} validationMessage={error} validationState={error ? 'error' : 'none'}>
                    <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />
                  </Field>
                );
              }}
            />
          ))}
        </div>
      )}

      <div className={styles.actions}>
        <Button type="button" onClick={onBack}>
          {t('invite.wizard.back')}
        </Button>
        <Button type="submit" appearance="primary">
          {t('invite.wizard.next')}
        </Button>
      </div>
    </form>
  );
}

function OptionLabel({ title, hint }: { title: string; hint: string }) {
  const styles = useInviteStyles();
  return (
    <span>
      {title}
      <br />
      <Text size={200} className={styles.muted}>
        {hint}
      </Text>
    </span>
  );
}
