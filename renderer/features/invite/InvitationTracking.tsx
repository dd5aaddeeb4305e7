// Every invitation of the workspace and what became of it: the customer accepted, it expired, a
// reminder went out, or it was cancelled. Virtualized: a partner may track thousands.
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Invitation, InvitationStatus, PartnerProfile } from '../../../shared/workspace/tables';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { today as todayDate } from '../../engine/customerPlan';
import { useSync } from '../../workspace/SyncContext';
import { OPEN_STATUSES } from './inviteData';
import { emailAsText } from './inviteEmail';
import { useInviteStyles } from './inviteStyles';
import { useRowVirtualizer } from './useRowVirtualizer';
import { invitationState } from '../../../shared/workspace/invitationState';
import { accessLabel, formatDate, languageLabel, stateLabel, statusLabel } from './labels';
import { emailOfInvitation } from './storedEmail';
import { refusalText } from '../../words/refusalText';

type Note = { intent: 'success' | 'error'; text: string } | null;

const ORDER: Record<InvitationStatus, number> = { sent: 0, expired: 1, draft: 2, accepted: 3, cancelled: 4 };
const BADGE: Record<InvitationStatus, 'informative' | 'success' | 'warning' | 'subtle' | 'brand'> = {
  draft: 'informative',
  sent: 'brand',
  accepted: 'success',
  expired: 'warning',
  cancelled: 'subtle',
};

export function InvitationTracking({
  invitations,
  customers,
  partner,
}: {
  invitations: Invitation[];
  customers: Customer[];
  partner: PartnerProfile | null;
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [note, setNote] = useState<Note>(null);
  const { allowed } = usePermission('invite.send');
  const scroller = useRef<HTMLDivElement>(null);
  const nameOf = useMemo(() => new Map(customers.map((c) => [c.id, c.name])), [customers]);
  const rows = useMemo(
    () =>
      invitations
        .filter((i) => filter === 'all' || OPEN_STATUSES.has(i.status))
        .map((i) => ({ inv: i, customer: nameOf.get(i.customerId) ?? i.customerId }))
        .sort((a, b) => ORDER[a.inv.status] - ORDER[b.inv.status] || a.customer.localeCompare(b.customer)),
    [invitations, filter, nameOf],
  );
  const virtualizer = useRowVirtualizer(rows.length, scroller, 96);
  const lang = i18n.language;
  const today = todayDate();

  const act = async (
    name: 'invitation.markAccepted' | 'invitation.markExpired' | 'invitation.cancel' | 'invitation.remind',
    inv: Invitation,
    customer: string,
    next: InvitationStatus,
  ) => {
    const outcome = await sync.mutate(name, { id: inv.id });
    if (!outcome.ok) {
      setNote({ intent: 'error', text: t('invite.tracking.refused', { customer, reason: refusalText(t, i18n.language, outcome) }) });
      return;
    }
    if (name !== 'invitation.remind') {
      setNote({ intent: 'success', text: t('invite.tracking.done', { customer, status: statusLabel(t, next) }) });
      return;
    }
    // A reminder is the same email again, marked as one, ready to paste into the mail client.
    const email = emailOfInvitation(inv, { customer, partner: partner?.name ?? '' }, i18n, true);
    try {
      await navigator.clipboard.writeText(emailAsText(email, i18n.getFixedT(inv.language)));
      setNote({ intent: 'success', text: t('invite.tracking.reminded', { customer }) });
    } catch (e) {
      setNote({ intent: 'error', text: t('invite.tracking.remindedNoClipboard', { customer, reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <div className={styles.stack}>
      <Text>{t('invite.tracking.hint')}</Text>
      <Field label={t('invite.tracking.filter')} style={{ maxWidth: '360px' }}>
        <Select value={filter} onChange={(_, d) => setFilter(d.value === 'all' ? 'all' : 'open')}>
          <option value="open">{t('invite.tracking.filterOpen')}</option>
          <option value="all">{t('invite.tracking.filterAll')}</option>
        </Select>
      </Field>
      {note && (
        <MessageBar intent={note.intent} role={note.intent === 'error' ? 'alert' : 'status'} data-testid="tracking-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && <PermissionNote permission="invite.send" />}
      {rows.length === 0 ? (
        <Text>{t('invite.tracking.empty')}</Text>
      ) : (
        <div ref={scroller} className={styles.scroller} tabIndex={0} role="list" aria-label={t('invite.tracking.list')}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const { inv, customer } = rows[item.index]!;
              const last = inv.remindedAt[inv.remindedAt.length - 1];
              // A legacy DAP request needs GDAP; a GDAP approval unanswered for 90 days has expired.
              const state = invitationState(inv, today);
              return (
                <div
                  key={inv.id}
                  role="listitem"
                  aria-label={customer}
                  data-index={item.index}
                  data-testid="invitation-row"
                  ref={virtualizer.measureElement}
                  className={styles.virtualRow}
                  style={{ top: item.start }}
                >
                  <div className={styles.stack} style={{ gap: '6px' }}>
                    <div className={styles.row}>
                      <Text weight="semibold">{customer}</Text>
                      <Badge appearance="tint" color={state === 'needs-gdap' || state === 'gdap-expired' ? 'warning' : BADGE[inv.status]} data-testid="invitation-state">
                        {stateLabel(t, state)}
                      </Badge>
                      <Text size={200} className={styles.muted}>
                        {t('invite.tracking.access')}: {accessLabel(t, inv)} · {t('invite.tracking.language')}: {languageLabel(t, inv.language)} ·{' '}
                        {t('invite.tracking.sent')}: {inv.sentAt ? formatDate(inv.sentAt, lang) : t('invite.tracking.notSent')} ·{' '}
                        {t('invite.tracking.reminders')}:{' '}
                        {last ? t('invite.tracking.reminderCount', { count: inv.remindedAt.length, date: formatDate(last, lang) }) : t('invite.tracking.noReminders')}
                        {inv.acceptedAt ? ` · ${t('invite.tracking.acceptedOn', { date: formatDate(inv.acceptedAt, lang) })}` : ''}
                      </Text>
                    </div>
                    <div className={styles.actions} role="group" aria-label={t('invite.tracking.actionsFor', { customer })}>
                      {(inv.status === 'sent' || inv.status === 'expired') && (
                        <Button size="small" disabled={!allowed} onClick={() => void act('invitation.markAccepted', inv, customer, 'accepted')}>
                          {t('invite.tracking.markAccepted')}
                        </Button>
                      )}
                      {inv.status === 'sent' && (
                        <>
                          <Button size="small" disabled={!allowed} onClick={() => void act('invitation.remind', inv, customer, 'sent')}>
                            {t('invite.tracking.remind')}
                          </Button>
                          <Button size="small" disabled={!allowed} onClick={() => void act('invitation.markExpired', inv, customer, 'expired')}>
                            {t('invite.tracking.markExpired')}
                          </Button>
                        </>
                      )}
                      {inv.status !== 'accepted' && inv.status !== 'cancelled' && (
                        <Button size="small" appearance="subtle" disabled={!allowed} onClick={() => void act('invitation.cancel', inv, customer, 'cancelled')}>
                          {t('invite.tracking.cancel')}
                        </Button>
                      )}
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
