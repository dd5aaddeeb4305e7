// Step 3: what the invitation asks for. Reseller only; or a GDAP admin relationship (roles, a
// duration of at most 730 days, whether to extend it automatically, and each customer's approval
// link from Partner Center). Legacy DAP can no longer be requested (DOMAIN.md rule 5). Only roles
// allowed to request delegated admin may choose GDAP. The GDAP limits are the ones invitation.create
// enforces on the server (shared/domain/gdap.ts): the form shows their problems in words first.
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
import {
  GDAP_AUTO_EXTEND_DAYS,
  GDAP_MAX_DURATION_DAYS,
  GLOBAL_ADMINISTRATOR_ROLE_ID,
  gdapRequestProblems,
} from '../../../shared/domain/gdap';
import { can, type Role } from '../../../shared/domain/roles';
import type { Customer } from '../../../shared/workspace/tables';
import { ROLE_NAME_WORDS, wordOf } from '../../words/labels';
import { ENTRA_ROLES } from './entraRoles';
import { checkGdapApprovalLink } from './gdapLink';
import { useInviteStyles } from './inviteStyles';

export interface AccessChoice {
  delegatedAdmin: 'none' | 'gdap';
  roles: string[];
  durationDays: number;
  /** Extend by 180 days at the end (GDAP only, never with Global Administrator). */
  autoExtend: boolean;
  /** Customer id -> approval link (GDAP only). */
  approvalLinks: Record<string, string>;
}

type FormValues = {
  delegatedAdmin: 'none' | 'gdap';
  roles: string[];
  durationDays: string;
  autoExtend: boolean;
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
  const { t } = useTranslation();
  const styles = useInviteStyles();
  const allowed = can(role, 'invite.delegatedAdmin');
  const nameOf = useMemo(() => new Map(customers.map((c) => [c.id, c.name])), [customers]);

  const schema = useMemo(
    () =>
      z
        .object({
          delegatedAdmin: z.enum(['none', 'gdap']),
          roles: z.array(z.string()),
          durationDays: z.string(),
          autoExtend: z.boolean(),
          links: z.array(z.object({ customerId: z.string(), link: z.string() })),
        })
        .superRefine((v, ctx) => {
          if (v.delegatedAdmin !== 'gdap') return;
          const text = v.durationDays.trim();
          const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
          for (const problem of gdapRequestProblems({ durationDays: days, roleIds: v.roles, autoExtend: v.autoExtend })) {
            if (problem.code === 'no-roles') ctx.addIssue({ code: 'custom', path: ['roles'], message: t('invite.da.rolesError') });
            else if (problem.code === 'duration-out-of-range') {
              ctx.addIssue({ code: 'custom', path: ['durationDays'], message: t('invite.da.durationError', { max: problem.maxDays }) });
            } else ctx.addIssue({ code: 'custom', path: ['autoExtend'], message: t('invite.da.autoExtendGlobalAdmin', { days: GDAP_AUTO_EXTEND_DAYS }) });
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

  const { control, handleSubmit, formState, setValue } = useForm<FormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      delegatedAdmin: allowed ? (initial?.delegatedAdmin ?? 'none') : 'none',
      roles: initial?.roles ?? [],
      durationDays: String(initial?.durationDays ?? GDAP_MAX_DURATION_DAYS),
      autoExtend: initial?.autoExtend ?? false,
      links: customers.map((c) => ({ customerId: c.id, link: initial?.approvalLinks[c.id] ?? '' })),
    },
  });
  const kind = useWatch({ control, name: 'delegatedAdmin' });
  const chosenRoles = useWatch({ control, name: 'roles' });
  const withGlobalAdmin = chosenRoles.includes(GLOBAL_ADMINISTRATOR_ROLE_ID);
  const errors = formState.errors;

  const submit = handleSubmit((v) => {
    onNext({
      delegatedAdmin: allowed ? v.delegatedAdmin : 'none',
      roles: v.delegatedAdmin === 'gdap' ? v.roles : [],
      durationDays: Number(v.durationDays.trim()) || GDAP_MAX_DURATION_DAYS,
      autoExtend: v.delegatedAdmin === 'gdap' && v.autoExtend && !v.roles.includes(GLOBAL_ADMINISTRATOR_ROLE_ID),
      approvalLinks: v.delegatedAdmin === 'gdap' ? Object.fromEntries(v.links.map((l) => [l.customerId, l.link.trim()])) : {},
    });
  });

  const roleName = wordOf(ROLE_NAME_WORDS, role, t);

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
            </RadioGroup>
          </Field>
        )}
      />

      <Text size={200} className={styles.muted}>
        {t('invite.da.noDap')}
      </Text>

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
                      onChange={(_, d) => {
                        const next = d.checked === true ? [...field.value, role.id] : field.value.filter((r) => r !== role.id);
                        // Auto-extend is not possible with Global Administrator: choosing the role turns it off.
                        if (next.includes(GLOBAL_ADMINISTRATOR_ROLE_ID)) setValue('autoExtend', false);
                        field.onChange(next);
                      }}
                      label={
                        <span>
                          {role.label(t)}{' '}
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
                hint={t('invite.da.durationHint', { max: GDAP_MAX_DURATION_DAYS })}
                validationMessage={errors.durationDays?.message}
                validationState={errors.durationDays ? 'error' : 'none'}
              >
                <Input
                  type="number"
                  min={1}
                  max={GDAP_MAX_DURATION_DAYS}
                  value={field.value}
                  onChange={(_, d) => field.onChange(d.value)}
                  style={{ maxWidth: '160px' }}
                />
              </Field>
            )}
          />
          <Controller
            control={control}
            name="autoExtend"
            render={({ field }) => (
              <Field
                hint={withGlobalAdmin ? t('invite.da.autoExtendDisabled') : t('invite.da.autoExtendHint', { days: GDAP_AUTO_EXTEND_DAYS })}
                validationMessage={errors.autoExtend?.message}
                validationState={errors.autoExtend ? 'error' : 'none'}
              >
                <Checkbox
                  checked={field.value}
                  disabled={withGlobalAdmin}
                  onChange={(_, d) => field.onChange(d.checked === true)}
                  label={t('invite.da.autoExtend')}
                />
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
