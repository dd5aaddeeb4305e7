// Step 1: which customer to plan. Picking one puts it in the address (#/offer-matching/<id>), so
// the wizard can be linked to and survives a reload.
import { Button, Text } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersByName } from '../../db/queries';
import { useViewStore } from '../../ui/viewStore';
import { CustomerPicker } from '../../ui/CustomerPicker';
import { workspaceDb } from '../../workspace/workspace';
import { useWizardStyles } from './styles';
import { STAGE_WORDS } from '../../words/labels';

export function CustomerStep({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const styles = useWizardStyles();
  const navigate = useViewStore((s) => s.navigate);
  const customers = useLiveQuery(() => customersByName(workspaceDb()), []);
  const [picked, setPicked] = useState<string>('');
  if (!customers) return <Text>{t('offerMatching.loading')}</Text>;
  if (customers.length === 0) {
    return (
      <div className={styles.column}>
        <Text>{t('offerMatching.customer.empty')}</Text>
        <div>
          <Button onClick={() => navigate('customers')}>{t('offerMatching.customer.openCustomers')}</Button>
        </div>
      </div>
    );
  }
  const chosen = picked || customerId || customers[0]!.id;
  return (
    <form
      className={styles.row}
      onSubmit={(e) => {
        e.preventDefault();
        navigate('offer-matching', chosen);
      }}
    >
      <CustomerPicker
        label={t('offerMatching.customer.label')}
        customers={customers.map((c) => ({ id: c.id, name: c.name, detail: STAGE_WORDS[c.stage](t) }))}
        value={chosen}
        onChange={setPicked}
      />
      <Button type="submit" appearance="primary">
        {t('offerMatching.customer.open')}
      </Button>
    </form>
  );
}
