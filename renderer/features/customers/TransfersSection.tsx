// Partner-to-partner transfers (DOMAIN.md rule 4): the subscriptions another CSP partner holds can
// move to us as they are (same term and end date, no overlap, nobody reassigned). The case file
// requests a transfer of the ones selected (Partner Center takes at most 25 items per request)
// and tracks each request as the current partner and Partner Center move it on, with who and when.
import { Button, Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TenantPlan } from '../../../shared/domain/engine';
import { formatCount, formatCountOf, formatDateTime, formatDay } from '../../../shared/domain/format';
import type { TransferStatus } from '../../../shared/domain/commerce';
import { MAX_TRANSFER_ITEMS, type Transfer } from '../../../shared/workspace/tables';
import { lineIdOf, type CustomerData } from '../../engine/customerPlan';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';
import { useSync } from '../../workspace/SyncContext';
import { uuidv7 } from '../../sync/ids';
import { TRANSFER_NEXT, openTransfersByKey } from '../../../shared/domain/transfers';
import { useCaseFileStyles } from './caseFileStyles';
import { PartnerCenterTransfers } from './PartnerCenterTransfers';
import { TRANSFER_STATUS_WORDS } from '../../words/labels';
import { TRANSFER_MARK_WORDS } from '../../words/labels';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { refusalText } from '../../words/refusalText';

type Outcome = { intent: 'success' | 'error' | 'warning'; text: string } | null;

export function transferStatusWord(t: TFunction, status: TransferStatus): string {
  return TRANSFER_STATUS_WORDS[status](t);
}

export function TransfersSection({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const titleId = useId();
  const noteId = useId();
  const customerId = data.customer.id;
  const { allowed } = usePermission('plan.edit');
  const format = (iso: string) => formatDateTime(iso, i18n.language);
  const transfers = useLiveQuery(() => workspaceDb().transfers.where('customerId').equals(customerId).toArray(), [customerId]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const candidates = plan.lines.filter((l) => l.channel === 'other-partner');
  const products = new Map(plan.lines.map((l) => [l.lineId, l.sourceSkuName]));
  // A subscription is in at most one open transfer: a rejected one frees it for a new request.
  const inTransfer = openTransfersByKey(transfers ?? []);
  const chosen = [...selected].filter((k) => candidates.some((c) => c.lineId === k) && !inTransfer.has(k));
  const tooMany = chosen.length > MAX_TRANSFER_ITEMS;
  const free = candidates.map((c) => c.lineId).filter((k) => !inTransfer.has(k));

  const toggle = (key: string, on: boolean) => {
    setOutcome(null);
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const request = async () => {
    setBusy(true);
    const planLineIds = data.planLines.filter((l) => chosen.includes(lineIdOf(l))).map((l) => l.id);
    const result = await sync.mutate('transfer.request', { id: uuidv7(), customerId, lineIds: planLineIds, sourceKeys: chosen });
    setBusy(false);
    if (result.ok) {
      setSelected(new Set());
      setOutcome({ intent: 'success', text: t('caseFile.transfers.requested', { subscriptions: formatCountOf(chosen.length, 'subscription', i18n.language === 'ja' ? 'ja' : 'en') }) });
    } else setOutcome({ intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) });
  };

  const move = async (transfer: Transfer, status: Exclude<TransferStatus, 'requested'>) => {
    const result = await sync.mutate('transfer.setStatus', { id: transfer.id, status });
    setOutcome(
      result.ok
        ? { intent: 'success', text: t('caseFile.transfers.moved', { status: transferStatusWord(t, status) }) }
        : { intent: 'error', text: t('caseFile.details.refused', { message: refusalText(t, i18n.language, result) }) },
    );
  };

  const who = (step: Transfer['requested'] | null) => (step ? t('caseFile.transfers.who', { at: format(step.at), by: step.by }) : '–');
  const describedBy = allowed ? undefined : noteId;

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="transfers">
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.transfers.title')}
      </h3>
      <Text className={styles.muted}>{t('caseFile.transfers.intro', { max: MAX_TRANSFER_ITEMS })}</Text>
      {candidates.length === 0 ? (
        <Text>{t('caseFile.transfers.noCandidates')}</Text>
      ) : (
        <fieldset className={styles.column} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className={styles.subTitle}>{t('caseFile.transfers.choose')}</legend>
          {candidates.map((l) => {
            const open = inTransfer.get(l.lineId);
            return (
              <Checkbox
                key={l.lineId}
                checked={!open && selected.has(l.lineId)}
                disabled={!allowed || Boolean(open)}
                onChange={(_, d) => toggle(l.lineId, d.checked === true)}
                label={
                  open
                    ? t('caseFile.transfers.candidateInTransfer', { product: l.sourceSkuName, quantity: formatCount(l.quantity, i18n.language), status: transferStatusWord(t, open.status) })
                    : t('caseFile.transfers.candidate', { product: l.sourceSkuName, quantity: formatCount(l.quantity, i18n.language), expires: l.expires ? formatDay(l.expires, i18n.language) : t('caseFile.subscriptions.noDate') })
                }
              />
            );
          })}
          <div className={styles.row}>
            <Button size="small" onClick={() => setSelected(new Set(free))} disabled={!allowed || free.length === 0} aria-describedby={describedBy}>
              {t('caseFile.transfers.selectAll', { count: formatCount(free.length, i18n.language) })}
            </Button>
            <Button size="small" onClick={() => setSelected(new Set())} disabled={!allowed || chosen.length === 0} aria-describedby={describedBy}>
              {t('caseFile.transfers.selectNone')}
            </Button>
          </div>
          {tooMany && (
            <MessageBar intent="warning" role="status">
              <MessageBarBody>{t('caseFile.transfers.tooMany', { count: formatCount(chosen.length, i18n.language), max: MAX_TRANSFER_ITEMS })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void request()} disabled={!allowed || busy || chosen.length === 0 || tooMany} aria-describedby={describedBy}>
              {t('caseFile.transfers.request', { count: formatCount(chosen.length, i18n.language) })}
            </Button>
          </div>
        </fieldset>
      )}
      <PartnerCenterTransfers data={data} chosen={chosen} transfers={transfers ?? []} allowed={allowed} onCreated={() => setSelected(new Set())} />
      <PermissionNote permission="plan.edit" id={noteId} />
      <OutcomeBar outcome={outcome} />
      {transfers && transfers.length > 0 && (
        <table className={styles.table} data-testid="transfer-list">
          <caption className={styles.muted} style={{ textAlign: 'left' }}>
            {t('caseFile.transfers.listCaption', { count: formatCount(transfers.length, i18n.language) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('caseFile.transfers.items')}</th>
              <th scope="col">{t('caseFile.transfers.statusLabel')}</th>
              <th scope="col">{t('caseFile.transfers.requestedCol')}</th>
              <th scope="col">{t('caseFile.transfers.approvedCol')}</th>
              <th scope="col">{t('caseFile.transfers.endedCol')}</th>
              <th scope="col">{t('caseFile.transfers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {[...transfers]
              .sort((a, b) => (a.requested.at < b.requested.at ? 1 : -1))
              .map((tr) => (
                <tr key={tr.id} data-testid="transfer">
                  <td>{tr.sourceKeys.map((k) => products.get(k) ?? k).join(', ')}</td>
                  <td>{transferStatusWord(t, tr.status)}</td>
                  <td>{who(tr.requested)}</td>
                  <td>{who(tr.approved)}</td>
                  <td>{tr.completed ? who(tr.completed) : tr.rejected ? who(tr.rejected) : '–'}</td>
                  <td>
                    <div className={styles.row}>
                      {TRANSFER_NEXT[tr.status].map((status) => (
                        <Button key={status} size="small" onClick={() => void move(tr, status)} disabled={!allowed} aria-describedby={describedBy}>
                          {TRANSFER_MARK_WORDS[status](t)}
                        </Button>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
