// Findings as the engine reports them: severity, the rule's code, and its message in the UI language,
// with a "Why?" the user can open: the rule applied, the day it took effect and its source (a link
// where public; the host opens https links in the browser).
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular, Info16Regular, Warning16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/domain/engine';

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
});

export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
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
            <p className={styles.message}>{f.message}</p>
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
          </div>
        </li>
      ))}
    </ul>
  );
}
