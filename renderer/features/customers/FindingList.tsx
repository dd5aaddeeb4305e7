// Findings as the engine reports them: severity, the rule's code, and its message in the UI language,
// with a "Why?" the user can open: the rule applied, the day it took effect and its source (a link
// where public; the host opens https links in the browser). A warning or an error can be
// acknowledged with a reason (a decision taken on purpose): it stays here, marked, and stops
// counting as "must fix"; the acknowledgement syncs with who and when.
import { Badge, Button, Field, Link, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular, Info16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findingText, type Finding } from '../../../shared/domain/engine';
import type { FindingAck } from '../../../shared/workspace/tables';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { useSync } from '../../workspace/SyncContext';
import { refusalText } from '../../words/refusalText';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '7em 1fr', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  head: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center', flexWrap: 'wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  message: { margin: 0 },
  badge: { justifySelf: 'start' },
  why: { marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  whySummary: { cursor: 'pointer', color: tokens.colorBrandForegroundLink },
  whyBody: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  ack: { marginTop: tokens.spacingVerticalXS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
});

/** Where acknowledgements are read and made: the customer's, for the case file. */
export interface AckContext {
  customerId: string;
  acks: readonly FindingAck[];
}

function AckControl({ finding, context }: { finding: Finding; context: AckContext }) {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { allowed } = usePermission('plan.edit');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lineKey = finding.lineId ?? '';
  const ack = context.acks.find((a) => a.lineKey === lineKey && a.code === finding.code);
  if (ack) {
    return (
      <div className={styles.ack} data-testid="finding-ack">
        <span>{t('caseFile.findings.ackBy', { by: ack.by, at: ack.at.slice(0, 10), reason: ack.reason })}</span>
        <Button size="small" disabled={!allowed} onClick={() => void sync.mutate('finding.unacknowledge', { customerId: context.customerId, lineKey, code: finding.code })}>
          {t('caseFile.findings.unack')}
        </Button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className={styles.ack}>
        <Button size="small" disabled={!allowed} onClick={() => setOpen(true)}>
          {t('caseFile.findings.ack')}
        </Button>
        <PermissionNote permission="plan.edit" />
      </div>
    );
  }
  const save = async () => {
    const result = await sync.mutate('finding.acknowledge', { customerId: context.customerId, lineKey, code: finding.code, reason });
    if (result.ok) {
      setOpen(false);
      setReason('');
      setError(null);
    } else setError(refusalText(t, i18n.language, result));
  };
  return (
    <div className={styles.ack}>
      <Field label={t('caseFile.findings.ackReason')} hint={t('caseFile.findings.ackHint')} validationMessage={error ?? undefined}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button size="small" appearance="primary" disabled={reason.trim() === ''} onClick={() => void save()}>
          {t('caseFile.findings.ackSave')}
        </Button>{' '}
        <Button size="small" onClick={() => setOpen(false)}>
          {t('caseFile.findings.ackCancel')}
        </Button>
      </div>
    </div>
  );
}

export function FindingList({ findings, ackContext }: { findings: readonly Finding[]; ackContext?: AckContext }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={styles.item} data-finding={f.code}>
          <Badge
            className={styles.badge}
            appearance="tint"
            color={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'informative'}
            icon={f.severity === 'error' ? <ErrorCircle16Regular /> : f.severity === 'warning' ? <Warning16Regular /> : <Info16Regular />}
          >
            {f.severity === 'error' ? t('caseFile.severity.error') : f.severity === 'warning' ? t('caseFile.severity.warning') : t('caseFile.severity.info')}
          </Badge>
          <div>
            <p className={styles.message}>{findingText(f, lang)}</p>
            <span className={styles.code}>
              {t('caseFile.findings.rule', { code: f.code })}
              {f.acknowledged ? ` · ${t('caseFile.findings.acknowledged')}` : ''}
            </span>
            <details className={styles.why} data-rule={f.ruleId}>
              <summary className={styles.whySummary}>{t('caseFile.findings.why')}</summary>
              <div className={styles.whyBody}>
                <span>{t('caseFile.findings.whyRule', { id: f.ruleId, since: f.ruleSince })}</span>
                <span>{t('caseFile.findings.whySource', { source: f.ruleSource })}</span>
                {f.ruleUrl ? (
                  <Link href={f.ruleUrl} target="_blank" rel="noreferrer">
                    {t('caseFile.findings.whyLink')}
                  </Link>
                ) : null}
              </div>
            </details>
            {ackContext && f.severity !== 'info' ? <AckControl finding={f} context={ackContext} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
