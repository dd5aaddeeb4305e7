// Users to reassign (from the engine), invitations and the customer's activity.
import { Badge, Text } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { layoutFree } from '../../ui/layoutFree';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantPlan } from '../../../shared/domain/engine';
import { formatCount, formatCountOf, formatDateTime } from '../../../shared/domain/format';
import { activityText } from '../../words/activityText';
import { activityOf } from '../../db/queries';
import { hashOf } from '../../ui/viewStore';
import { workspaceDb } from '../../workspace/workspace';
import { useCaseFileStyles } from './caseFileStyles';
import { LOCAL_ACTOR } from '../../sync/controller';
import { CASE_INVITATION_STATUS_WORDS, DELEGATED_ADMIN_WORDS } from '../../words/labels';

const FIRST_USERS = 5;

// The case file's sections below take only ids and the plan: memo keeps a save of the customer's
// details (a new customer object) from drawing them again.
export const UsersSection = memo(function UsersSection({ customerId, plan }: { customerId: string; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const users = plan.users;
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.users.title')}
      </h3>
      {plan.lines.length === 0 ? (
        <Text>{t('caseFile.users.noTenant')}</Text>
      ) : users.length === 0 ? (
        <Text>{t('caseFile.users.none')}</Text>
      ) : (
        <>
          <Text>{t('caseFile.users.count', { users: formatCountOf(users.length, 'user', i18n.language === 'ja' ? 'ja' : 'en') })}</Text>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t('caseFile.users.user')}</th>
                <th scope="col">{t('caseFile.users.change')}</th>
                <th scope="col">{t('caseFile.users.lost')}</th>
              </tr>
            </thead>
            <tbody>
              {users.slice(0, FIRST_USERS).map((u) => (
                <tr key={u.userId}>
                  <td>
                    {u.userPrincipalName}
                    {u.viaGroup && (
                      <>
                        {' '}
                        <Badge appearance="outline">{t('caseFile.users.viaGroup')}</Badge>
                      </>
                    )}
                  </td>
                  <td>{u.from.map((f, i) => `${f} → ${(u.toAll[i] ?? []).join(' + ') || u.to[i] || t('caseFile.plan.noTarget')}`).join(', ')}</td>
                  <td>{u.lostServicePlans.length === 0 ? t('caseFile.users.nothingLost') : u.lostServicePlans.map((p) => p.friendlyName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.length > FIRST_USERS && <Text className={styles.muted}>{t('caseFile.users.more', { count: formatCount(users.length - FIRST_USERS, i18n.language) })}</Text>}
        </>
      )}
      <a className={styles.link} href={hashOf('license-check', customerId)}>
        {t('caseFile.users.open')}
      </a>
    </section>
  );
});

export const InvitationsSection = memo(function InvitationsSection({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const invitations = useLiveQuery(() => workspaceDb().invitations.where('customerId').equals(customerId).toArray(), [customerId]);
  const format = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.invitations.title')}
      </h3>
      {!invitations ? (
        <Text>{t('app.loading')}</Text>
      ) : invitations.length === 0 ? (
        <Text>{t('caseFile.invitations.none')}</Text>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t('caseFile.invitations.status')}</th>
              <th scope="col">{t('caseFile.invitations.delegatedAdmin')}</th>
              <th scope="col">{t('caseFile.invitations.sent')}</th>
              <th scope="col">{t('caseFile.invitations.accepted')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => (
              <tr key={inv.id}>
                <td>{CASE_INVITATION_STATUS_WORDS[inv.status](t)}</td>
                <td>{DELEGATED_ADMIN_WORDS[inv.delegatedAdmin](t)}</td>
                <td>{inv.sentAt ? format(inv.sentAt) : '–'}</td>
                <td>{inv.acceptedAt ? format(inv.acceptedAt) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <a className={styles.link} href={hashOf('invite', customerId)}>
        {invitations && invitations.length > 0 ? t('caseFile.invitations.open') : t('caseFile.invitations.start')}
      </a>
    </section>
  );
});

const ACTIVITY_ROW = 52;

export const ActivitySection = memo(function ActivitySection({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const activity = useLiveQuery(() => activityOf(workspaceDb(), customerId), [customerId]);
  const format = (iso: string) => formatDateTime(iso, i18n.language);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A customer worked on for months gathers thousands of entries: only those in view are drawn.
  const virtualizer = useVirtualizer({ count: activity?.length ?? 0, getScrollElement: () => scrollRef.current, estimateSize: () => ACTIVITY_ROW, overscan: 8, ...layoutFree });
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.activity.title')}
      </h3>
      {!activity ? (
        <Text>{t('app.loading')}</Text>
      ) : activity.length === 0 ? (
        <Text>{t('caseFile.activity.none')}</Text>
      ) : (
        <div ref={scrollRef} style={{ maxHeight: 320, overflowY: 'auto' }} tabIndex={0} role="region" aria-label={t('caseFile.activity.listLabel', { count: formatCount(activity.length, i18n.language) })}>
          <ol style={{ position: 'relative', height: virtualizer.getTotalSize(), margin: 0, padding: 0, listStyleType: 'none' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const a = activity[item.index]!;
              return (
                // Measured: a long summary wraps onto more lines than the estimate.
                <li key={a.id} ref={virtualizer.measureElement} data-index={item.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, paddingBottom: 8, transform: `translateY(${item.start}px)` }}>
                  <Text block>{activityText(t, i18n.language, a)}</Text>
                  <Text size={200} className={styles.muted}>
                    {t('caseFile.activity.byAt', { actor: a.actor === LOCAL_ACTOR.name ? t('caseFile.activity.thisComputer') : a.actor, at: format(a.at) })}
                  </Text>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
});
