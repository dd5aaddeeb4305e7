// Step 1: per subscription, seats now and after the move (checkSeats), the target offer, and the
// findings that matter for licenses; "try another target" saves a plan line.
import { Text, mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { checkSeats, findingText, type Finding, type PlannedLine } from '../../../shared/domain/engine';
import { catalogProductNames, formatCount, formatCountOf, targetName } from '../../../shared/domain/format';
import type { CustomerData } from '../../engine/customerPlan';
import { TargetForm } from './TargetForm';
import { useWizardStyles } from './styles';

const LICENSE_FINDINGS = new Set(['SEAT_SHORTFALL', 'SEAT_COUNT_CHANGED', 'DATA_LOSS_RISK', 'LICENSE_REASSIGNMENT_REQUIRED', 'UNKNOWN_SKU', 'NOT_PURCHASABLE']);

function useLabels() {
  const { t } = useTranslation();
  return {
    channel: {
      own: t('licenseCheck.channel.own'),
      'other-partner': t('licenseCheck.channel.otherPartner'),
      direct: t('licenseCheck.channel.direct'),
      unknown: t('licenseCheck.channel.unknown'),
    },
    kind: {
      same: t('licenseCheck.match.same'),
      equivalent: t('licenseCheck.match.equivalent'),
      different: t('licenseCheck.match.different'),
      none: t('licenseCheck.match.none'),
    },
  };
}

export function SeatsStep({ data, lines, findings }: { data: CustomerData; lines: readonly PlannedLine[]; findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const n = (count: number) => formatCount(count, lang);
  const styles = useWizardStyles();
  const labels = useLabels();
  const names = catalogProductNames(data.catalog);
  const relevant = findings.filter((f) => LICENSE_FINDINGS.has(f.code));
  return (
    <>
      <Text>{t('licenseCheck.seats.intro')}</Text>
      {lines.length === 0 ? (
        <Text>{t('licenseCheck.seats.none')}</Text>
      ) : (
        <table className={styles.table}>
          <caption className={styles.muted} style={{ textAlign: 'left', captionSide: 'bottom', paddingTop: 8 }}>
            {t('licenseCheck.seats.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('licenseCheck.seats.col.subscription')}</th>
              <th scope="col" className={styles.numeric}>{t('licenseCheck.seats.col.seatsNow')}</th>
              <th scope="col" className={styles.numeric}>{t('licenseCheck.seats.col.inUse')}</th>
              <th scope="col">{t('licenseCheck.seats.col.target')}</th>
              <th scope="col" className={styles.numeric}>{t('licenseCheck.seats.col.seatsAfter')}</th>
              <th scope="col">{t('licenseCheck.seats.col.check')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const seats = checkSeats(l.quantity, l.consumed, l.targetQuantity);
              return (
                <tr key={l.lineId}>
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    <div><strong>{l.sourceSkuName}</strong></div>
                    {l.sourceSkuName !== l.sourceSkuPartNumber && <div className={styles.muted}>{l.sourceSkuPartNumber}</div>}
                    <div className={styles.muted}>
                      {labels.channel[l.channel]}
                      {l.isTrial ? ` · ${t('licenseCheck.seats.trial')}` : ''}
                    </div>
                  </th>
                  <td className={styles.numeric}>{n(l.quantity)}</td>
                  <td className={styles.numeric}>{n(l.consumed)}</td>
                  <td>
                    {l.match.targetSkuId ? (
                      <>
                        <div><strong>{targetName(names, l.match)}</strong></div>
                        <div className={styles.muted}>{[l.match.targetSkuPartNumber ?? l.match.targetSkuId, ...(l.match.extraTargets ?? []).map((e) => e.skuPartNumber)].join(' + ')}</div>
                      </>
                    ) : null}
                    <div className={l.match.kind === 'none' ? styles.bad : styles.muted}>{labels.kind[l.match.kind]}</div>
                  </td>
                  <td className={styles.numeric}>{n(l.targetQuantity)}</td>
                  <td>
                    {seats.shortfall > 0 ? (
                      <span className={styles.bad}>{t('licenseCheck.seats.shortfall', { users: formatCountOf(seats.shortfall, 'user', lang) })}</span>
                    ) : seats.changed ? (
                      <span className={styles.warn}>{t('licenseCheck.seats.changed', { from: n(seats.quantity), to: n(seats.targetQuantity) })}</span>
                    ) : (
                      <span>{t('licenseCheck.seats.same')}</span>
                    )}
                    {l.usersToReassign > 0 && <div className={styles.warn}>{t('licenseCheck.seats.reassign', { users: formatCountOf(l.usersToReassign, 'user', lang) })}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {relevant.length > 0 && (
        <ul className={styles.findings} aria-label={t('licenseCheck.seats.findings')}>
          {relevant.map((f, i) => (
            <li key={`${f.code}-${f.lineId ?? ''}-${i}`} className={mergeClasses(f.severity === 'error' && styles.bad)}>
              <span className={styles.code}>{f.code}</span> {findingText(f, lang)}
            </li>
          ))}
        </ul>
      )}
      {lines.length > 0 && <TargetForm data={data} lines={lines} />}
    </>
  );
}
