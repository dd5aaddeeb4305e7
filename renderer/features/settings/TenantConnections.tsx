// Settings › Sign in with Microsoft › Customer tenants (GDAP): the partner's GDAP relationships as
// Microsoft Graph lists them (read in the desktop app's main process, graph.relationships), each
// with whether "Read from Microsoft" can read that customer's licenses (and else which role to ask
// the customer for), and whether the customer is in this workspace (by tenant id).
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GdapRelationship, MicrosoftState } from '../../../shared/ipc/contract';
import { formatCountOf, formatDay } from '../../../shared/domain/format';
import { useHost } from '../../host/HostProvider';
import type { Translate } from '../../ui/language';
import { workspaceDb } from '../../workspace/workspace';
import { gdapReadErrorText } from '../../words/connectorErrors';

const useStyles = makeStyles({
  subTitle: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

// Graph's statuses the screen words; another (a future one) is shown as Graph wrote it.
type GdapStatus = 'created' | 'approvalPending' | 'approved' | 'activating' | 'active' | 'expiring' | 'expired' | 'terminationRequested' | 'terminating' | 'terminated';
/** A GDAP relationship's status as Graph says it, in words (a status Graph adds later shows as it is). */
const STATUS_WORDS: Record<GdapStatus, (t: Translate) => string> = {
  created: (t) => t('microsoftSignIn.gdap.status.created'),
  approvalPending: (t) => t('microsoftSignIn.gdap.status.approvalPending'),
  approved: (t) => t('microsoftSignIn.gdap.status.approved'),
  activating: (t) => t('microsoftSignIn.gdap.status.activating'),
  active: (t) => t('microsoftSignIn.gdap.status.active'),
  expiring: (t) => t('microsoftSignIn.gdap.status.expiring'),
  expired: (t) => t('microsoftSignIn.gdap.status.expired'),
  terminationRequested: (t) => t('microsoftSignIn.gdap.status.terminationRequested'),
  terminating: (t) => t('microsoftSignIn.gdap.status.terminating'),
  terminated: (t) => t('microsoftSignIn.gdap.status.terminated'),
};

type Blocked = 'web' | 'notConfigured' | 'signedOut' | null;

export function blockedReason(state: MicrosoftState | null): Blocked {
  if (!state || !state.available) return 'web';
  if (!state.configured) return 'notConfigured';
  if (!state.account) return 'signedOut';
  return null;
}

/** `P180D` -> 180; `PT0S`, none or another form -> null (not extended automatically). */
function extensionDays(duration: string | null): number | null {
  const days = duration ? /^P(\d+)D$/.exec(duration)?.[1] : undefined;
  return days && Number(days) > 0 ? Number(days) : null;
}

export function TenantConnections({ state }: { state: MicrosoftState | null }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const [reading, setReading] = useState(false);
  const [list, setList] = useState<GdapRelationship[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Customers of this workspace by tenant id (lower case: Graph and people write GUIDs either way).
  const workspaceTenants = useLiveQuery(async () => {
    const byTenant = new Map<string, string>();
    for (const c of await workspaceDb().customers.toArray()) if (c.tenantId) byTenant.set(c.tenantId.toLowerCase(), c.name);
    return byTenant;
  }, []);
  const blocked = blockedReason(state);
  const ja = i18n.language.startsWith('ja');

  const read = async () => {
    setMessage(null);
    setReading(true);
    try {
      const answer = await host.graphRelationships({});
      if (answer.ok) setList(answer.relationships);
      else setMessage(gdapReadErrorText(t, answer));
    } catch (e) {
      setMessage(t('microsoftSignIn.gdap.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setReading(false);
    }
  };

  const statusText = (status: string) => (Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status as GdapStatus](t) : status);

  return (
    <>
      <h3 className={styles.subTitle}>{t('microsoftSignIn.gdap.title')}</h3>
      <Text size={200}>{t('microsoftSignIn.gdap.hint')}</Text>
      <div className={styles.actions}>
        <Button type="button" onClick={() => void read()} disabled={blocked !== null || reading}>
          {reading ? t('microsoftSignIn.gdap.reading') : t('microsoftSignIn.gdap.read')}
        </Button>
        {blocked && <Text size={200}>{t(blocked === 'web' ? 'microsoftSignIn.gdap.blocked.web' : blocked === 'notConfigured' ? 'microsoftSignIn.gdap.blocked.notConfigured' : 'microsoftSignIn.gdap.blocked.signedOut')}</Text>}
      </div>
      {message && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {list && list.length === 0 && <Text>{t('microsoftSignIn.gdap.none')}</Text>}
      {list && list.length > 0 && (
        <table className={styles.table} data-testid="gdap-relationships">
          <thead>
            <tr>
              <th scope="col">{t('microsoftSignIn.gdap.columns.customer')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.relationship')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.status')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.endsOn')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.autoExtend')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.readsLicenses')}</th>
              <th scope="col">{t('microsoftSignIn.gdap.columns.inWorkspace')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => {
              const days = extensionDays(r.autoExtendDuration);
              const inWorkspace = r.customerTenantId ? workspaceTenants?.get(r.customerTenantId.toLowerCase()) : undefined;
              return (
                <tr key={r.id}>
                  <td>
                    {r.customerName ?? t('microsoftSignIn.gdap.noCustomer')}
                    {r.customerTenantId && <div className={styles.muted}>{r.customerTenantId}</div>}
                  </td>
                  <td>{r.displayName}</td>
                  <td>{statusText(r.status)}</td>
                  <td>{r.endDateTime ? formatDay(r.endDateTime.slice(0, 10), i18n.language) : '—'}</td>
                  <td>{days === null ? t('microsoftSignIn.gdap.noAutoExtend') : t('microsoftSignIn.gdap.autoExtendDays', { days: formatCountOf(days, 'day', ja ? 'ja' : 'en') })}</td>
                  <td>{r.readsLicenses ? t('microsoftSignIn.gdap.yes') : t('microsoftSignIn.gdap.askForRole')}</td>
                  <td>{inWorkspace !== undefined ? t('microsoftSignIn.gdap.inWorkspace', { name: inWorkspace }) : t('microsoftSignIn.gdap.notInWorkspace')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
