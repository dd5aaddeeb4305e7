// Invite (issue item 3): the wizard that prepares reseller relationship invitations, and the list
// that tracks what became of them. #/invite/<customerId> opens the wizard with that customer picked.
import { Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewStore } from '../../ui/viewStore';
import { useCustomers, useInvitations, usePartnerProfile } from './inviteData';
import { useInviteStyles } from './inviteStyles';
import { InvitationTracking } from './InvitationTracking';
import { InviteWizard } from './InviteWizard';

export function InvitePage() {
  const { t } = useTranslation();
  const styles = useInviteStyles();
  const ids = { wizard: useId(), tracking: useId() };
  const customerId = useViewStore((s) => s.customerId);
  const partner = usePartnerProfile();
  const customers = useCustomers();
  const invitations = useInvitations();
  const loaded = partner !== undefined && customers !== undefined && invitations !== undefined;

  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby={ids.wizard}>
        <h2 id={ids.wizard} className={styles.sectionTitle}>
          {t('invite.wizard.title')}
        </h2>
        {loaded ? (
          // A new address (another customer's "Invite" link) starts the wizard again for that customer.
          <InviteWizard key={customerId ?? ''} preselected={customerId} customers={customers} invitations={invitations} partner={partner} />
        ) : (
          <Text>{t('app.loading')}</Text>
        )}
      </section>
      <section className={styles.section} aria-labelledby={ids.tracking}>
        <h2 id={ids.tracking} className={styles.sectionTitle}>
          {t('invite.tracking.title')}
        </h2>
        {loaded ? <InvitationTracking invitations={invitations} customers={customers} partner={partner} /> : <Text>{t('app.loading')}</Text>}
      </section>
    </div>
  );
}
