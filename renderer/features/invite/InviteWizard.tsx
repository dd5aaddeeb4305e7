// The invitation wizard: customers -> region check -> delegated admin -> email -> send. Its state
// is the page's own (what is being prepared); everything decided is written by the mutators.
import { mergeClasses } from '@fluentui/react-components';
import { Checkmark16Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Invitation, PartnerProfile } from '../../../shared/workspace/tables';
import { useRole } from '../../workspace/usePermission';
import { ComposeStep, type Created } from './ComposeStep';
import { DelegatedAdminStep, type AccessChoice } from './DelegatedAdminStep';
import { useInviteStyles } from './inviteStyles';
import { PickCustomersStep } from './PickCustomersStep';
import { RegionStep } from './RegionStep';
import { SendStep } from './SendStep';

const STEP_COUNT = 5;

export function InviteWizard({
  preselected,
  customers,
  invitations,
  partner,
}: {
  preselected: string | null;
  customers: Customer[];
  invitations: Invitation[];
  partner: PartnerProfile | null;
}) {
  const { t } = useTranslation();
  const styles = useInviteStyles();
  const headingId = useId();
  const role = useRole();
  const heading = useRef<HTMLHeadingElement>(null);
  const [step, setStep] = useState(0);
  const [selected, setSelected] = useState<string[]>(() => (preselected && customers.some((c) => c.id === preselected) ? [preselected] : []));
  const [invitable, setInvitable] = useState<string[]>([]);
  const [access, setAccess] = useState<AccessChoice | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const moved = useRef(false);

  // Each step change puts keyboard and screen-reader users on the new step's heading.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);
  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };

  const names = [t('invite.steps.customers'), t('invite.steps.region'), t('invite.steps.delegatedAdmin'), t('invite.steps.email'), t('invite.steps.send')];
  const byId = new Map(customers.map((c) => [c.id, c]));
  const pick = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((c): c is Customer => c !== undefined);

  return (
    <div className={styles.stack}>
      <ol className={styles.steps} aria-label={t('invite.steps.label')}>
        {names.map((name, i) => (
          <li
            key={name}
            className={mergeClasses(styles.stepItem, i === step && styles.stepCurrent, i < step && styles.stepDone)}
            aria-current={i === step ? 'step' : undefined}
          >
            {i < step ? <Checkmark16Regular aria-hidden /> : <span aria-hidden>{i + 1}.</span>}
            {name}
          </li>
        ))}
      </ol>
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.stepHeading}>
        {t('invite.wizard.stepOf', { current: step + 1, total: STEP_COUNT, name: names[step] })}
      </h3>
      <div role="group" aria-labelledby={headingId} className={styles.stack}>
        {step === 0 && <PickCustomersStep customers={customers} invitations={invitations} selected={selected} onChange={setSelected} onNext={() => go(1)} />}
        {step === 1 && (
          <RegionStep
            partner={partner}
            customers={pick(selected)}
            onBack={() => go(0)}
            onNext={(ids) => {
              setInvitable(ids);
              go(2);
            }}
          />
        )}
        {step === 2 && (
          <DelegatedAdminStep
            customers={pick(invitable)}
            role={role}
            initial={access}
            onBack={() => go(1)}
            onNext={(choice) => {
              setAccess(choice);
              go(3);
            }}
          />
        )}
        {step === 3 && access && (
          <ComposeStep
            customers={pick(invitable)}
            access={access}
            onBack={() => go(2)}
            onCreated={(c) => {
              setCreated(c);
              go(4);
            }}
          />
        )}
        {step === 4 && created && (
          <SendStep
            created={created}
            invitations={invitations}
            customers={customers}
            partner={partner}
            onStartOver={() => {
              setSelected([]);
              setInvitable([]);
              setAccess(null);
              setCreated(null);
              go(0);
            }}
          />
        )}
      </div>
    </div>
  );
}
