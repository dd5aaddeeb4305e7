// Partner-to-partner transfers through Partner Center, beside the case file's own tracking:
// "Create in Partner Center" sends the selected lines (one current partner, at most 25) as one
// new-commerce transfer request, then tracks it with transfer.request under Partner Center's
// transfer id; "Refresh from Partner Center" reads the customer's transfers and records each
// tracked one's new status (transferStatusOf in main) with transfer.setStatus. Disabled with the
// reason in a browser, signed out, or without the customer's tenant id.
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MAX_TRANSFER_ITEMS, type Transfer } from '../../../shared/workspace/tables';
import { lineIdOf, type CustomerData } from '../../engine/customerPlan';
import { useSync } from '../../workspace/SyncContext';
import { useCaseFileStyles } from './caseFileStyles';
import { BlockedReason, usePartnerCenterAction } from './partnerCenterAction';
import { refreshFromPartnerCenter, transferRequestOf } from './pcTransfers';
import { TRANSFER_STATUS_WORDS } from '../../words/labels';
import { refusalText as changeRefusalText } from '../../words/refusalText';
import { partnerCenterErrorText } from '../../words/connectorErrors';

type Outcome = { intent: 'success' | 'error' | 'warning'; lines: string[] } | null;

export function PartnerCenterTransfers({
  data,
  chosen,
  transfers,
  allowed,
  onCreated,
}: {
  data: CustomerData;
  /** The selected lines not yet in an open transfer, by source key. */
  chosen: readonly string[];
  transfers: readonly Transfer[];
  allowed: boolean;
  onCreated: () => void;
}) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const { host, blocked, reasonId, describedBy, busy, outcome, run } = usePartnerCenterAction<NonNullable<Outcome>>(data.customer.tenantId, (text) => ({ intent: 'error', lines: [text] }));
  const customerId = data.customer.id;
  const customerTenantId = data.customer.tenantId.trim().toLowerCase();

  const create = () =>
    run(async () => {
      const request = transferRequestOf(chosen, data.inventory);
      if (!request.ok) return { intent: 'error', lines: [t(request.reason === 'noSubscription' ? 'pcCaseFile.transfers.noSubscription' : request.reason === 'noPartner' ? 'pcCaseFile.transfers.noPartner' : 'pcCaseFile.transfers.severalPartners', { count: request.keys.length })] };
      // More than 25 goes to Partner Center's client all the same: it refuses in words, nothing sent.
      const answer = await host.partnerCenterCreateTransfer({ customerTenantId, sourcePartnerTenantId: request.sourcePartnerTenantId, subscriptionIds: request.subscriptionIds });
      if (!answer.ok) return { intent: 'error', lines: [partnerCenterErrorText(t, answer)] };
      const id = answer.transfer.id;
      const lineIds = data.planLines.filter((l) => chosen.includes(lineIdOf(l))).map((l) => l.id);
      // Tracked under Partner Center's transfer id, so a refresh finds it again.
      const result = await sync.mutate('transfer.request', { id, customerId, lineIds, sourceKeys: [...chosen], note: t('pcCaseFile.transfers.createdNote', { id }) });
      if (!result.ok) return { intent: 'error', lines: [t('pcCaseFile.transfers.caseFileRefused', { id, message: changeRefusalText(t, i18n.language, result) })] };
      onCreated();
      return { intent: 'success', lines: [t('pcCaseFile.transfers.created', { id, count: chosen.length })] };
    });

  const refresh = () =>
    run(async () => {
      const answer = await host.partnerCenterTransfers({ customerTenantId });
      if (!answer.ok) return { intent: 'error', lines: [partnerCenterErrorText(t, answer)] };
      const plan = refreshFromPartnerCenter(transfers, answer.transfers);
      const lines: string[] = [];
      let moved = 0;
      for (const { transfer, steps, remote } of plan.moves) {
        const failed = remote.partial ? remote.lines.filter((l) => l.status !== null && l.status.toLowerCase() !== 'complete') : [];
        const note = failed.length > 0 ? t('pcCaseFile.transfers.partialNote', { lines: failed.map((l) => `${l.name || l.subscriptionId}${l.error ? ` (${l.error})` : ''}`).join(', ') }).slice(0, 4000) : undefined;
        let ok = true;
        for (const status of steps) {
          const last = status === steps[steps.length - 1];
          const result = await sync.mutate('transfer.setStatus', { id: transfer.id, status, ...(last && note ? { note } : {}) });
          if (!result.ok) {
            lines.push(t('pcCaseFile.transfers.stepRefused', { id: transfer.id, message: changeRefusalText(t, i18n.language, result) }));
            ok = false;
            break;
          }
        }
        if (ok) moved++;
      }
      for (const u of plan.unknown) lines.push(t('pcCaseFile.transfers.unknownWord', { id: u.transfer.id, word: u.word }));
      for (const c of plan.conflicting) {
        lines.push(t('pcCaseFile.transfers.conflicting', { id: c.transfer.id, remote: c.remote.status ? TRANSFER_STATUS_WORDS[c.remote.status](t) : c.remote.partnerCenterStatus, local: TRANSFER_STATUS_WORDS[c.transfer.status](t) }));
      }
      lines.unshift(t('pcCaseFile.transfers.refreshed', { moved, unchanged: plan.unchanged, missing: plan.notInPartnerCenter }));
      return { intent: lines.length > 1 ? 'warning' : 'success', lines };
    });

  return (
    <div className={styles.column} data-testid="pc-transfers">
      <div className={styles.row}>
        <Button
          onClick={() => void create()}
          disabled={!allowed || blocked !== null || busy || chosen.length === 0 || chosen.length > MAX_TRANSFER_ITEMS}
          aria-describedby={describedBy}
          data-testid="pc-transfer-create"
        >
          {t('pcCaseFile.transfers.create', { count: chosen.length })}
        </Button>
        <Button onClick={() => void refresh()} disabled={!allowed || blocked !== null || busy || transfers.length === 0} aria-describedby={describedBy} data-testid="pc-transfer-refresh">
          {t('pcCaseFile.transfers.refresh')}
        </Button>
        <BlockedReason blocked={blocked} id={reasonId} />
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} role="status">
          <MessageBarBody>
            {outcome.lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
