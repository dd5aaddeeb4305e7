// The services now and after the move, side by side, with what happens to each: kept, changed to
// another tier, lost (data-loss risk) or gained.
import { Badge, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import type { PreparedSku } from '../../../shared/domain/engine';
import { serviceRows, type ServiceResult } from './serviceRows';
import { useWizardStyles } from './styles';

const COLOR = { kept: 'success', changed: 'informative', lost: 'danger', gained: 'brand' } as const;

export function ServiceComparison({ source, target }: { source: PreparedSku; target: PreparedSku }) {
  const { t, i18n } = useTranslation();
  const n = (count: number) => formatCount(count, i18n.language);
  const styles = useWizardStyles();
  const label = (r: ServiceResult) =>
    ({
      kept: t('offerMatching.services.kept'),
      changed: t('offerMatching.services.changed'),
      lost: t('offerMatching.services.lost'),
      gained: t('offerMatching.services.gained'),
    })[r];
  if (source.id === target.id) return <Text>{t('offerMatching.services.sameProduct', { services: n(source.plans.length) })}</Text>;
  const rows = serviceRows(source, target);
  const count = (r: ServiceResult) => rows.filter((row) => row.result === r).length;
  return (
    <div className={styles.column}>
      <Text data-testid="services-summary">
        {t('offerMatching.services.summary', { kept: n(count('kept')), changed: n(count('changed')), lost: n(count('lost')), gained: n(count('gained')) })}
      </Text>
      {/* A suite has dozens of services: the table scrolls on its own so the line's other choices stay near. */}
      <div style={{ maxHeight: '320px', overflowY: 'auto' }} tabIndex={0} role="group" aria-label={t('offerMatching.services.title')}>
      <table className={styles.table} data-testid="services">
        <thead>
          <tr>
            <th scope="col">{t('offerMatching.services.now', { product: source.name || source.partNumber })}</th>
            <th scope="col">{t('offerMatching.services.after', { product: target.name || target.partNumber })}</th>
            <th scope="col">{t('offerMatching.services.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.now ?? <span className={styles.muted}>{t('offerMatching.services.absent')}</span>}</td>
              <td>{r.after ?? <span className={styles.muted}>{t('offerMatching.services.absent')}</span>}</td>
              <td>
                <Badge appearance="tint" color={COLOR[r.result]}>
                  {label(r.result)}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
