// Step 3: licenses that come from group-based licensing cannot be changed on the user (Graph
// refuses to remove an inherited license): the group's license assignment must change instead.
import { Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatCount, productName, type ProductNames } from '../../../shared/domain/format';
import type { GroupAssignment } from '../../../shared/domain/licenseChanges';
import { useWizardStyles } from './styles';

export function GroupsStep({ groups, names }: { groups: readonly GroupAssignment[]; names: ProductNames }) {
  const { t, i18n } = useTranslation();
  const name = (partNumber: string) => productName(names, { partNumber });
  const styles = useWizardStyles();
  if (groups.length === 0) return <Text>{t('licenseCheck.groups.none')}</Text>;
  return (
    <>
      <Text>{t('licenseCheck.groups.intro')}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('licenseCheck.groups.col.group')}</th>
            <th scope="col">{t('licenseCheck.groups.col.change')}</th>
            <th scope="col" className={styles.numeric}>{t('licenseCheck.groups.col.users')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.groupId}>
              <th scope="row" className={styles.code} style={{ fontWeight: 'normal' }}>
                {g.groupId}
              </th>
              <td>
                {g.skus.map((s) => (
                  <div key={s.fromSkuPartNumber}>{t('licenseCheck.users.change', { from: name(s.fromSkuPartNumber), to: s.toSkuPartNumber ? name(s.toSkuPartNumber) : t('licenseCheck.groups.noTarget') })}</div>
                ))}
              </td>
              <td className={styles.numeric}>{formatCount(g.users, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Text>{t('licenseCheck.groups.how')}</Text>
    </>
  );
}
