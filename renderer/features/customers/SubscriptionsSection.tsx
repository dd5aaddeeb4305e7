// Current subscriptions grouped by who sold them (the engine's channel from Graph's ownerTenantId):
// owner, status, licenses, expiry and the last day of the 30-day window to provision the CSP one.
import { Badge, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, PlannedLine, TenantPlan } from '../../../shared/domain/engine';
import { formatCount, formatDay, tenantName } from '../../../shared/domain/format';
import { knownTenants, type CustomerData } from '../../engine/customerPlan';
import { hashOf } from '../../ui/viewStore';
import { useCaseFileStyles } from './caseFileStyles';
import { channelWord, statusWord, timingWord } from './caseFileWords';

// The ones to move first, then the ones with no owner known, then the ones already ours.
const CHANNEL_ORDER: readonly Channel[] = ['other-partner', 'direct', 'unknown', 'own'];

export function SubscriptionsSection({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useCaseFileStyles();
  const titleId = useId();
  const tenants = knownTenants(data);
  const owners = new Map((data.inventory.subscriptions ?? []).map((s) => [s.id, s.ownerTenantId]));
  const groups = CHANNEL_ORDER.map((channel) => ({ channel, lines: plan.lines.filter((l) => l.channel === channel) })).filter((g) => g.lines.length > 0);

  const owner = (l: PlannedLine): string => {
    if (l.channel === 'own') return t('caseFile.subscriptions.ownerYou');
    if (l.channel === 'direct') return t('caseFile.subscriptions.ownerMicrosoft');
    const id = owners.get(l.lineId);
    // The seller's name when the workspace knows the tenant, else "another partner (1a2b3c4d…)".
    return id ? tenantName(tenants, id, lang) : t('caseFile.subscriptions.ownerUnknown');
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.subscriptions.title')}
      </h3>
      {plan.lines.length === 0 ? (
        <Text>
          {t('caseFile.subscriptions.empty')}{' '}
          <a className={styles.link} href={hashOf('customers')}>
            {t('caseFile.subscriptions.importLink')}
          </a>
        </Text>
      ) : (
        <>
          {data.inventory.subscriptions === null && <Text className={styles.muted}>{t('caseFile.subscriptions.noSubscriptionsExport')}</Text>}
          {groups.map((g) => (
            <div key={g.channel}>
              <h4 className={styles.subTitle}>{t('caseFile.subscriptions.group', { channel: channelWord(t, g.channel), count: formatCount(g.lines.length, lang) })}</h4>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('caseFile.subscriptions.product')}</th>
                    <th scope="col">{t('caseFile.subscriptions.owner')}</th>
                    <th scope="col">{t('caseFile.subscriptions.status')}</th>
                    <th scope="col" className={styles.num}>
                      {t('caseFile.subscriptions.licenses')}
                    </th>
                    <th scope="col">{t('caseFile.subscriptions.expires')}</th>
                    <th scope="col">{t('caseFile.subscriptions.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.lines.map((l) => (
                    <tr key={l.lineId}>
                      <td>
                        {l.sourceSkuName}
                        {l.sourceSkuName !== l.sourceSkuPartNumber && (
                          <>
                            <br />
                            <Text size={200} className={styles.muted}>
                              {l.sourceSkuPartNumber}
                            </Text>
                          </>
                        )}
                        {l.isTrial && (
                          <>
                            {' '}
                            <Badge appearance="outline" color="informative">
                              {t('caseFile.subscriptions.trial')}
                            </Badge>
                          </>
                        )}
                      </td>
                      <td>{owner(l)}</td>
                      <td>{statusWord(t, l.status)}</td>
                      <td className={styles.num}>{t('caseFile.subscriptions.inUse', { consumed: formatCount(l.consumed, lang), total: formatCount(l.quantity, lang) })}</td>
                      <td>{l.expires ? formatDay(l.expires, lang) : t('caseFile.subscriptions.noDate')}</td>
                      <td>
                        {l.deadline ? formatDay(l.deadline, lang) : t('caseFile.subscriptions.noDate')}
                        <br />
                        <Text size={200} className={styles.muted}>
                          {timingWord(t, l, lang)}
                        </Text>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
