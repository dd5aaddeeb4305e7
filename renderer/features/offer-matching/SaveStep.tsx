// Step 4: the plan as it will be saved, and saving it as one `plan.save` change: the plan (created
// the first time), one line per subscription (updated in place when saved before, with only the
// fields the person changed), status "ready", and the customer moved on to "plan ready".
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogProductNames, formatCount } from '../../../shared/domain/format';
import { CustomerStage } from '../../../shared/workspace/tables';
import { uuidv7 } from '../../sync/ids';
import type { CustomerData } from '../../engine/customerPlan';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { useDraftStore } from './draftStore';
import { LinesTable } from './LinesTable';
import { TenantFindings } from './ReviewStep';
import { firstInvalid, nothingToSave, planSave } from './savePlan';
import { useWizardStyles } from './styles';
import { chosenLines, type WizardPlan } from './wizardPlan';
import { PLAN_STATUS_WORDS } from '../../words/labels';
import { refusalText } from '../../words/refusalText';

type Outcome = { ok: true; added: number; updated: number; removed: number } | { ok: false; sku: string | null; message: string };

export function SaveStep({ wizard, data, onOpen }: { wizard: WizardPlan; data: CustomerData; onOpen: (lineId: string) => void }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const names = catalogProductNames(data.catalog);
  const styles = useWizardStyles();
  const clear = useDraftStore((s) => s.clear);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { allowed } = usePermission('plan.edit');
  const lines = wizard.lines;
  const withTarget = lines.filter((l) => l.planned.match.targetSkuId).length;
  const errors = lines.reduce((n, l) => n + l.findings.filter((f) => f.severity === 'error').length, 0);
  const skuOf = (lineId: string | undefined) => lines.find((l) => l.planned.lineId === lineId)?.planned.sourceSkuName ?? null;

  const save = async () => {
    setSaving(true);
    setOutcome(null);
    try {
      const save = planSave({
        customerId: data.customer.id,
        plan: data.plan,
        savedLines: data.planLines,
        lines: chosenLines(wizard),
        asOf: wizard.asOf,
        newId: uuidv7,
      });
      const invalid = firstInvalid(save);
      if (invalid) {
        setOutcome({ ok: false, sku: skuOf(invalid.lineId ?? undefined), message: invalid.message });
        return;
      }
      const pastReady = CustomerStage.options.indexOf(data.customer.stage) >= CustomerStage.options.indexOf('plan-ready');
      if (!(nothingToSave(save, data.plan) && pastReady)) {
        // One change, run again by the server with its rules: a refusal leaves the saved plan as it was.
        const result = await sync.mutate('plan.save', save.args, { baseVersions: save.baseVersions });
        if (!result.ok) {
          setOutcome({ ok: false, sku: null, message: refusalText(t, i18n.language, result) });
          return;
        }
      }
      clear(data.customer.id);
      setOutcome({ ok: true, added: save.added, updated: save.updated, removed: save.removed });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.column}>
      <dl className={styles.facts} data-testid="plan-summary">
        <dt>{t('offerMatching.save.planStatus')}</dt>
        <dd>{data.plan ? t('offerMatching.save.savedPlan', { status: PLAN_STATUS_WORDS[data.plan.status](t), asOf: data.plan.asOf }) : t('offerMatching.save.noPlan')}</dd>
        <dt>{t('offerMatching.save.lines')}</dt>
        <dd>{t('offerMatching.save.linesValue', { total: formatCount(lines.length, lang), withTarget: formatCount(withTarget, lang), without: formatCount(lines.length - withTarget, lang) })}</dd>
        <dt>{t('offerMatching.save.errors')}</dt>
        <dd>{errors}</dd>
        <dt>{t('offerMatching.save.unsaved')}</dt>
        <dd>{wizard.unsaved}</dd>
      </dl>
      <TenantFindings wizard={wizard} />
      <LinesTable lines={lines} onOpen={onOpen} names={names} caption={t('offerMatching.save.caption')} />
      <PermissionNote permission="plan.edit" />
      {errors > 0 && <Text>{t('offerMatching.save.errorsHint')}</Text>}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!allowed || saving || lines.length === 0} onClick={() => void save()}>
          {saving ? t('offerMatching.save.saving') : data.plan ? t('offerMatching.save.resave') : t('offerMatching.save.save')}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="save-outcome">
        {outcome?.ok === true && (
          <MessageBar intent="success">
            <MessageBarBody>{t('offerMatching.save.done', { added: formatCount(outcome.added, lang), updated: formatCount(outcome.updated, lang), removed: formatCount(outcome.removed, lang) })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.ok === false && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('offerMatching.save.failedTitle')}</MessageBarTitle>
              {outcome.sku ? t('offerMatching.save.failedLine', { sku: outcome.sku, message: outcome.message }) : t('offerMatching.save.failed', { message: outcome.message })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
