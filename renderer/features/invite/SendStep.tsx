// Step 5: each created invitation's email, built from what invitation.create stored (its link, its
// language). Copy it or open it in the mail client, then mark it sent.
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { Copy20Regular, Mail20Regular, Send20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Invitation, PartnerProfile } from '../../../shared/workspace/tables';
import { useHost } from '../../host/HostProvider';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { CreationFailures, type Created } from './ComposeStep';
import { mailtoLink } from '../../output/mailto';
import { emailAsText } from './inviteEmail';
import { useInviteStyles } from './inviteStyles';
import { accessLabel, formatDate, languageLabel, statusLabel } from './labels';
import { emailOfInvitation } from './storedEmail';
import { refusalText } from '../../words/refusalText';

type Note = { intent: 'success' | 'error'; text: string } | null;

export function SendStep({
  created,
  invitations,
  customers,
  partner,
  onStartOver,
}: {
  created: Created;
  invitations: Invitation[];
  customers: Customer[];
  partner: PartnerProfile | null;
  onStartOver: () => void;
}) {
  const { t } = useTranslation();
  const styles = useInviteStyles();
  const byId = new Map(invitations.map((i) => [i.id, i]));
  const nameOf = new Map(customers.map((c) => [c.id, c.name]));
  return (
    <div className={styles.stack}>
      <CreationFailures failures={created.failures} />
      {created.invitationIds.length > 0 && <Text>{t('invite.send.hint')}</Text>}
      {created.invitationIds.map((id) => {
        const inv = byId.get(id);
        return inv ? (
          <InvitationEmail
            key={id}
            inv={inv}
            customerName={nameOf.get(inv.customerId) ?? inv.customerId}
            partnerName={partner?.name ?? ''}
            recipients={created.recipients}
          />
        ) : (
          <MessageBar key={id} intent="warning">
            <MessageBarBody>{t('invite.send.missing')}</MessageBarBody>
          </MessageBar>
        );
      })}
      <div className={styles.actions}>
        <Button onClick={onStartOver}>{t('invite.wizard.startOver')}</Button>
      </div>
    </div>
  );
}

function InvitationEmail({
  inv,
  customerName,
  partnerName,
  recipients,
}: {
  inv: Invitation;
  customerName: string;
  partnerName: string;
  recipients: string[];
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const host = useHost();
  const [note, setNote] = useState<Note>(null);
  const email = emailOfInvitation(inv, { customer: customerName, partner: partnerName }, i18n);
  const mailto = mailtoLink(recipients, email);
  const emailT = i18n.getFixedT(inv.language);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(emailAsText(email, emailT));
      setNote({ intent: 'success', text: t('invite.send.copied') });
    } catch (e) {
      setNote({ intent: 'error', text: t('invite.send.copyFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const open = async () => {
    if (!mailto) return;
    try {
      await host.openExternal({ url: mailto });
    } catch (e) {
      setNote({ intent: 'error', text: t('invite.send.openFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const { allowed } = usePermission('invite.send');
  const markSent = async () => {
    const outcome = await sync.mutate('invitation.markSent', { id: inv.id });
    setNote(outcome.ok ? null : { intent: 'error', text: t('invite.send.refused', { reason: refusalText(t, i18n.language, outcome) }) });
  };

  return (
    <article className={styles.card} aria-label={customerName} data-testid="invitation-email">
      <div className={styles.row}>
        <h4 className={styles.cardTitle}>{customerName}</h4>
        <Badge appearance="tint" color={inv.status === 'sent' ? 'success' : 'informative'}>
          {statusLabel(t, inv.status)}
        </Badge>
        <Text size={200} className={styles.muted}>
          {accessLabel(t, inv)} · {languageLabel(t, inv.language)}
        </Text>
      </div>
      <Field label={t('invite.send.subject')}>
        <Input readOnly value={email.subject} lang={inv.language} />
      </Field>
      <Field label={t('invite.send.body')}>
        <Textarea readOnly value={email.body} lang={inv.language} resize="vertical" textarea={{ className: styles.body }} />
      </Field>
      {!mailto && (
        <MessageBar intent="info">
          <MessageBarBody>{t('invite.send.tooLong')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button icon={<Copy20Regular />} onClick={() => void copy()}>
          {t('invite.send.copy')}
        </Button>
        <Button icon={<Mail20Regular />} disabled={!mailto} onClick={() => void open()}>
          {t('invite.send.open')}
        </Button>
        {inv.status === 'draft' ? (
          <>
            <Button appearance="primary" icon={<Send20Regular />} disabled={!allowed} onClick={() => void markSent()}>
              {t('invite.send.markSent')}
            </Button>
            <PermissionNote permission="invite.send" />
          </>
        ) : (
          inv.sentAt && <Text>{t('invite.send.sentAt', { date: formatDate(inv.sentAt, i18n.language) })}</Text>
        )}
      </div>
      {note && (
        <MessageBar intent={note.intent} role={note.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
    </article>
  );
}
