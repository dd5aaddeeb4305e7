// Step 2: the CSP region rule for each picked customer. A mismatch stops that customer with the
// reason; a customer with no country gets a field right here, saved with customer.update.
import { Badge, Button, Field, Input, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import { hashOf } from '../../ui/viewStore';
import { CountryCode, type Customer, type PartnerProfile } from '../../../shared/workspace/tables';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { useInviteStyles } from './inviteStyles';
import { countryLabel, regionLabel } from './labels';
import { regionOutcome, type RegionOutcome } from '../../../shared/domain/regionOutcome';
import { refusalText } from '../../words/refusalText';

export function partnerReady(partner: PartnerProfile | null | undefined): partner is PartnerProfile {
  return !!partner && partner.country !== '' && partner.partnerTenantId !== '';
}

/** What stops the step before any customer: the partner profile's problem, a link to Settings, and Back. */
function ProfileProblem({ problem, onBack }: { problem: string; onBack: () => void }) {
  const { t } = useTranslation();
  const styles = useInviteStyles();
  return (
    <div className={styles.stack}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {problem} <Link href={hashOf('settings')}>{t('invite.region.goSettings')}</Link>
        </MessageBarBody>
      </MessageBar>
      <div className={styles.actions}>
        <Button onClick={onBack}>{t('invite.wizard.back')}</Button>
      </div>
    </div>
  );
}

export function RegionStep({
  partner,
  customers,
  onBack,
  onNext,
}: {
  partner: PartnerProfile | null;
  customers: Customer[];
  onBack: () => void;
  onNext: (invitable: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const lang = i18n.language;

  if (!partnerReady(partner)) return <ProfileProblem problem={t('invite.region.noProfile')} onBack={onBack} />;

  const partnerRegion = regionOutcome(partner.country, partner.country);
  if (partnerRegion.kind !== 'ok') {
    return <ProfileProblem problem={t('invite.region.partnerUnknown', { country: partner.country })} onBack={onBack} />;
  }
  const outcomes = customers.map((c) => ({ customer: c, outcome: regionOutcome(partner.country, c.country) }));
  const invitable = outcomes.filter((o) => o.outcome.kind === 'ok').map((o) => o.customer.id);

  return (
    <div className={styles.stack}>
      <Text>
        {t('invite.region.hint', {
          country: countryLabel(partner.country, lang),
          region: regionLabel(partnerRegion.region, lang),
        })}
      </Text>
      <ul className={styles.stack} style={{ listStyleType: 'none', margin: 0, padding: 0 }} aria-label={t('invite.steps.region')}>
        {outcomes.map(({ customer, outcome }) => (
          <li key={customer.id} className={styles.card} data-testid="region-outcome">
            <h4 className={styles.cardTitle}>{customer.name}</h4>
            <OutcomeMessage customer={customer} outcome={outcome} />
            {(outcome.kind === 'needs-country' || outcome.kind === 'unknown-country') && <CountryForm customer={customer} />}
          </li>
        ))}
      </ul>
      <Text role="status">
        {invitable.length > 0
          ? t('invite.region.summary', { ok: formatCount(invitable.length, i18n.language), total: formatCount(customers.length, i18n.language) })
          : t('invite.region.noneOk')}
      </Text>
      <div className={styles.actions}>
        <Button onClick={onBack}>{t('invite.wizard.back')}</Button>
        <Button appearance="primary" disabled={invitable.length === 0} onClick={() => onNext(invitable)}>
          {t('invite.wizard.next')}
        </Button>
      </div>
    </div>
  );
}

function OutcomeMessage({ customer, outcome }: { customer: Customer; outcome: RegionOutcome }) {
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const lang = i18n.language;
  switch (outcome.kind) {
    case 'ok':
      return (
        <MessageBar intent="success">
          <MessageBarBody>{t('invite.region.ok', { region: regionLabel(outcome.region, lang) })}</MessageBarBody>
        </MessageBar>
      );
    case 'needs-country':
      return (
        <MessageBar intent="warning">
          <MessageBarBody>{t('invite.region.needsCountry')}</MessageBarBody>
        </MessageBar>
      );
    case 'unknown-country':
    case 'mismatch':
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Badge appearance="outline" color="danger" className={styles.code}>
              REGION_MISMATCH
            </Badge>{' '}
            {outcome.kind === 'mismatch'
              ? t('invite.region.mismatch', {
                  customer: customer.name,
                  customerCountry: countryLabel(outcome.customerCountry, lang),
                  customerRegion: regionLabel(outcome.customerRegion, lang),
                  partnerCountry: countryLabel(outcome.partnerCountry, lang),
                  partnerRegion: regionLabel(outcome.partnerRegion, lang),
                })
              : t('invite.region.unknownCountry', { country: outcome.country })}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function CountryForm({ customer }: { customer: Customer }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const [value, setValue] = useState(customer.country);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { allowed } = usePermission('customer.edit');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = CountryCode.safeParse(value.trim());
    if (!parsed.success) {
      setError(t('invite.region.countryError'));
      return;
    }
    setBusy(true);
    const outcome = await sync.mutate('customer.update', { id: customer.id, country: parsed.data });
    setBusy(false);
    setError(outcome.ok ? null : refusalText(t, i18n.language, outcome));
  };
  return (
    <form className={styles.rowEnd} onSubmit={(e) => void save(e)} noValidate>
      <Field
        label={t('invite.region.countryLabel', { customer: customer.name })}
        validationMessage={error ?? undefined}
        validationState={error ? 'error' : 'none'}
      >
        <Input value={value} maxLength={2} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Button type="submit" disabled={busy || !allowed}>
        {t('invite.region.save')}
      </Button>
      <PermissionNote permission="customer.edit" />
    </form>
  );
}
