// Step 1: which customers to invite. Searchable, several at once; the list is virtualized because
// a partner may have thousands of customers.
import { Badge, Button, Checkbox, Field, Link, MessageBar, MessageBarBody, SearchBox, Text } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../shared/domain/format';
import { hashOf } from '../../ui/viewStore';
import type { Customer, Invitation } from '../../../shared/workspace/tables';
import { OPEN_STATUSES } from './inviteData';
import { useInviteStyles } from './inviteStyles';
import { useRowVirtualizer } from './useRowVirtualizer';
import { statusLabel } from './labels';

export function PickCustomersStep({
  customers,
  invitations,
  selected,
  onChange,
  onNext,
}: {
  customers: Customer[];
  invitations: Invitation[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useInviteStyles();
  const [query, setQuery] = useState('');
  const [error, setError] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  const openByCustomer = useMemo(() => {
    const map = new Map<string, Invitation['status']>();
    for (const inv of invitations) if (OPEN_STATUSES.has(inv.status)) map.set(inv.customerId, inv.status);
    return map;
  }, [invitations]);

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q === '' ? customers : customers.filter((c) => c.name.toLowerCase().includes(q) || c.domain.toLowerCase().includes(q));
  }, [customers, query]);

  const virtualizer = useRowVirtualizer(shown.length, scroller, 52);

  const chosen = new Set(selected);
  const toggle = (id: string, on: boolean) => {
    setError(false);
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  };

  if (customers.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          {t('invite.pick.empty')} <Link href={hashOf('customers')}>{t('invite.pick.goCustomers')}</Link>
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.stack}>
      <Text>{t('invite.pick.hint')}</Text>
      <div className={styles.rowEnd}>
        <Field label={t('invite.pick.search')}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Text role="status" data-testid="invite-selected-count" className={styles.besideInput}>
          {t('invite.pick.selected', { count: formatCount(selected.length, i18n.language) })}
        </Text>
      </div>
      {shown.length === 0 ? (
        <Text>{t('invite.pick.noMatch', { query })}</Text>
      ) : (
        <div ref={scroller} className={styles.scroller} tabIndex={0} role="group" aria-label={t('invite.pick.list')}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const c = shown[item.index]!;
              const open = openByCustomer.get(c.id);
              return (
                <div key={c.id} data-index={item.index} ref={virtualizer.measureElement} className={styles.virtualRow} style={{ top: item.start }}>
                  <div className={styles.row}>
                    <Checkbox checked={chosen.has(c.id)} onChange={(_, d) => toggle(c.id, d.checked === true)} label={c.name} />
                    <Text size={200} className={styles.muted}>
                      {[c.domain, c.country || t('invite.pick.noCountry')].filter(Boolean).join(' · ')}
                    </Text>
                    {open && (
                      <Badge appearance="tint" color="warning">
                        {t('invite.pick.openInvitation', { status: statusLabel(t, open) })}
                      </Badge>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('invite.pick.error')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => {
            if (selected.length === 0) setError(true);
            else onNext();
          }}
        >
          {t('invite.wizard.next')}
        </Button>
      </div>
    </div>
  );
}
