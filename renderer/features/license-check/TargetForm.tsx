// "Try another target": a user checking licenses wants to see what another offer would mean for
// the users. Saved as the plan line's target (plan.save).
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { equivalentProposals, type PlannedLine } from '../../../shared/domain/engine';
import { formatCount, formatCountOf, nameWithPartNumber } from '../../../shared/domain/format';
import { lineIdOf, type CustomerData } from '../../engine/customerPlan';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { saveLineTarget, savedLineVersion } from './saveTarget';
import { useWizardStyles } from './styles';
import { refusalText } from '../../words/refusalText';

const AUTOMATIC = '';

export function TargetForm({ data, lines }: { data: CustomerData; lines: readonly PlannedLine[] }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useWizardStyles();
  const titleId = useId();
  const [lineId, setLineId] = useState('');
  const line = lines.find((l) => l.lineId === lineId) ?? lines[0]!;
  const saved = data.planLines.find((l) => lineIdOf(l) === line.lineId);
  const current = saved?.targetSkuId ?? AUTOMATIC;
  const [choice, setChoice] = useState<{ lineId: string; skuId: string; baseVersion: number } | null>(null);
  const target = choice?.lineId === line.lineId ? choice.skuId : current;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { allowed } = usePermission('plan.edit');

  const suggestions = useMemo(() => equivalentProposals(line.sourceSkuId, data.catalog), [line.sourceSkuId, data.catalog]);
  const products = useMemo(() => [...data.catalog.purchasable].sort((a, b) => a.name.localeCompare(b.name)), [data.catalog]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const baseVersion = choice?.lineId === line.lineId ? choice.baseVersion : savedLineVersion(data, line.lineId);
    const outcome = await saveLineTarget(sync, data, line, target === AUTOMATIC ? null : target, baseVersion);
    setBusy(false);
    setChoice(null);
    if (outcome.ok) {
      const name = target === AUTOMATIC ? t('licenseCheck.target.automatic') : (data.catalog.skus.get(target)?.name || target);
      setStatus({ ok: true, text: t('licenseCheck.target.saved', { product: line.sourceSkuName, target: name }) });
    } else setStatus({ ok: false, text: t('licenseCheck.target.failed', { message: refusalText(t, i18n.language, outcome) }) });
  };

  return (
    <form aria-labelledby={titleId} onSubmit={(e) => void submit(e)} className={styles.section} style={{ boxShadow: 'none', padding: 0 }}>
      <h3 id={titleId} className={styles.sectionTitle}>
        {t('licenseCheck.target.title')}
      </h3>
      <Text>{t('licenseCheck.target.hint')}</Text>
      <div className={styles.row}>
        <Field label={t('licenseCheck.target.line')}>
          <Select value={line.lineId} onChange={(_, d) => setLineId(d.value)} disabled={busy}>
            {lines.map((l) => (
              <option key={l.lineId} value={l.lineId}>
                {l.subscriptionId ? t('licenseCheck.target.lineOption', { product: l.sourceSkuName, seats: formatCount(l.quantity, lang) }) : t('licenseCheck.target.skuOption', { product: l.sourceSkuName, seats: formatCount(l.quantity, lang) })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('licenseCheck.target.target')}>
          <Select value={target} onChange={(_, d) => setChoice({ lineId: line.lineId, skuId: d.value, baseVersion: choice?.lineId === line.lineId ? choice.baseVersion : savedLineVersion(data, line.lineId) })} disabled={busy} style={{ maxWidth: 420 }}>
            <option value={AUTOMATIC}>{t('licenseCheck.target.automatic')}</option>
            {suggestions.length > 0 && (
              <optgroup label={t('licenseCheck.target.suggested')}>
                {suggestions.map((s) => (
                  <option key={`s-${s.skuId}`} value={s.skuId}>
                    {t('licenseCheck.target.suggestion', { name: s.name, sku: s.skuPartNumber, services: formatCountOf(s.lostServicePlans.length, 'service', lang) })}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('licenseCheck.target.all')}>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {nameWithPartNumber(p.name, p.partNumber)}
                </option>
              ))}
            </optgroup>
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !allowed || target === current}>
          {t('licenseCheck.target.apply')}
        </Button>
      </div>
      <PermissionNote permission="plan.edit" />
      <div role="status" className={status && !status.ok ? styles.bad : undefined}>
        {status?.text}
      </div>
    </form>
  );
}
