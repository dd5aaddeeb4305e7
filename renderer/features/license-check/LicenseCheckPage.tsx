// License check: for one customer, the seats before and after the move, the users whose licenses
// must be reassigned and what they lose, the groups whose license must change instead, and the
// exports (CSV, Graph PowerShell script) that carry the reassignment out.
import { Button, Link, MessageBar, MessageBarBody, Text, mergeClasses } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hashOf, useViewStore } from '../../ui/viewStore';
import { CustomerPicker as SearchCustomer } from '../../ui/CustomerPicker';
import { customersByName } from '../../db/queries';
import { useCustomerPlan, type CustomerData } from '../../engine/customerPlan';
import { workspaceDb } from '../../workspace/workspace';
import type { TenantPlan } from '../../../shared/domain/engine';
import { catalogProductNames, formatCount } from '../../../shared/domain/format';
import { ExportStep } from './ExportStep';
import { GroupsStep } from './GroupsStep';
import { groupAssignments, userLicenseChanges } from '../../../shared/domain/licenseChanges';
import { withPairTargets } from './pairTargets';
import { SeatsStep } from './SeatsStep';
import { useWizardStyles } from './styles';
import { UsersStep } from './UsersStep';

const STEPS = ['seats', 'users', 'groups', 'export'] as const;
type Step = (typeof STEPS)[number];

function CustomerPicker({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const navigate = useViewStore((s) => s.navigate);
  const customers = useLiveQuery(() => customersByName(workspaceDb()), []);
  if (customers === undefined) return <Text>{t('app.loading')}</Text>;
  if (customers.length === 0) {
    return (
      <Text>
        {t('licenseCheck.customer.noneYet')} <Link href={hashOf('customers')}>{t('licenseCheck.customer.toCustomers')}</Link>
      </Text>
    );
  }
  return (
    <div style={{ maxWidth: 420 }}>
      <SearchCustomer label={t('licenseCheck.customer.label')} customers={customers} value={customerId} onChange={(id) => navigate('license-check', id)} />
    </div>
  );
}

function Wizard({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const n = (count: number) => formatCount(count, i18n.language);
  const names = useMemo(() => catalogProductNames(data.catalog), [data.catalog]);
  const styles = useWizardStyles();
  const [step, setStep] = useState<Step>('seats');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // With each Teams pair's further SKU, so the user list and both exports give every user both licenses.
  const users = useMemo(() => withPairTargets(userLicenseChanges(plan, data.inventory.users, data.catalog), plan, data.inventory.users, data.catalog), [plan, data.inventory.users, data.catalog]);
  const groups = useMemo(() => groupAssignments(users), [users]);
  const losing = useMemo(() => users.filter((u) => u.lostServicePlans.length > 0).length, [users]);
  const viaGroup = useMemo(() => users.filter((u) => u.viaGroup).length, [users]);
  const stepTitle: Record<Step, string> = {
    seats: t('licenseCheck.steps.seats'),
    users: t('licenseCheck.steps.users'),
    groups: t('licenseCheck.steps.groups'),
    export: t('licenseCheck.steps.export'),
  };
  const index = STEPS.indexOf(step);
  const go = (s: Step) => {
    moved.current = true;
    setStep(s);
  };
  // Keyboard and screen reader users land on the new step's heading, as on a page change.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  return (
    <>
      <section className={styles.section} aria-label={t('licenseCheck.summary.label')}>
        <div className={styles.summary} data-testid="license-summary">
          <div className={styles.figure}>
            <span className={styles.figureValue}>{n(users.length)}</span>{' '}
            <span>{t('licenseCheck.summary.users')}</span>
          </div>
          <div className={styles.figure}>
            <span className={styles.figureValue}>{n(losing)}</span>{' '}
            <span>{t('licenseCheck.summary.losing')}</span>
          </div>
          <div className={styles.figure}>
            <span className={styles.figureValue}>{n(viaGroup)}</span>{' '}
            <span>{t('licenseCheck.summary.viaGroup')}</span>
          </div>
          <div className={styles.figure}>
            <span className={styles.figureValue}>{n(data.inventory.users.length)}</span>{' '}
            <span>{t('licenseCheck.summary.licensed')}</span>
          </div>
        </div>
      </section>
      <nav aria-label={t('licenseCheck.steps.label')}>
        <ol className={styles.steps}>
          {STEPS.map((s, i) => (
            <li key={s}>
              <Button appearance={s === step ? 'primary' : 'subtle'} aria-current={s === step ? 'step' : undefined} onClick={() => go(s)}>
                {t('licenseCheck.steps.numbered', { n: i + 1, title: stepTitle[s] })}
              </Button>
            </li>
          ))}
        </ol>
      </nav>
      <section className={styles.section} aria-labelledby="license-step-title">
        <h2 id="license-step-title" className={mergeClasses(styles.sectionTitle, styles.stepHeading)} tabIndex={-1} ref={headingRef}>
          {t('licenseCheck.steps.numbered', { n: index + 1, title: stepTitle[step] })}
        </h2>
        {step === 'seats' && <SeatsStep data={data} lines={plan.lines} findings={plan.findings} />}
        {step === 'users' && <UsersStep users={users} names={names} />}
        {step === 'groups' && <GroupsStep groups={groups} names={names} />}
        {step === 'export' && <ExportStep data={data} users={users} />}
        <div className={styles.stepNav}>
          <Button onClick={() => go(STEPS[index - 1]!)} disabled={index === 0}>
            {t('licenseCheck.steps.back')}
          </Button>
          {index < STEPS.length - 1 && (
            <Button appearance="primary" onClick={() => go(STEPS[index + 1]!)}>
              {t('licenseCheck.steps.next', { title: stepTitle[STEPS[index + 1]!] })}
            </Button>
          )}
        </div>
      </section>
    </>
  );
}

export function LicenseCheckPage() {
  const { t } = useTranslation();
  const styles = useWizardStyles();
  const titleId = useId();
  const customerId = useViewStore((s) => s.customerId);
  const result = useCustomerPlan(customerId);

  let body = null;
  if (customerId && result === undefined) body = <Text>{t('app.loading')}</Text>;
  else if (customerId && result === null) body = <MessageBar intent="warning"><MessageBarBody>{t('licenseCheck.customer.missing')}</MessageBarBody></MessageBar>;
  else if (result) {
    const { data, plan } = result;
    if (!data.customer.tenantImportId) {
      body = (
        <Text>
          {t('licenseCheck.customer.noTenant', { name: data.customer.name })} <Link href={hashOf('customers')}>{t('licenseCheck.customer.toCustomers')}</Link>
        </Text>
      );
    } else {
      body = (
        <>
          {data.catalog.skus.size === 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t('licenseCheck.customer.noCatalog')} <Link href={hashOf('settings')}>{t('licenseCheck.customer.toSettings')}</Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {/* A new customer starts at the first step. */}
          <Wizard key={data.customer.id} data={data} plan={plan} />
        </>
      );
    }
  }

  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.sectionTitle}>
          {t('licenseCheck.customer.title')}
        </h2>
        <Text>{t('licenseCheck.customer.intro')}</Text>
        <CustomerPicker customerId={customerId} />
      </section>
      {body}
    </div>
  );
}
