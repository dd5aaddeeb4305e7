// The one-page customer summary for print (and PDF through the print dialog). On screen it is not
// shown; when printing, only it is: the shell, the navigation and the interactive case file are
// hidden by the print stylesheet below, which exists only while a case file is open.
import { useTranslation } from 'react-i18next';
import { findingText, regionName, type TenantPlan } from '../../../shared/domain/engine';
import { catalogProductNames, formatCount, formatCountOf, formatDay, targetName } from '../../../shared/domain/format';
import type { CustomerData } from '../../engine/customerPlan';
import { today } from '../../engine/customerPlan';
import { channelWord, matchWord } from './caseFileWords';
import { STAGE_WORDS } from '../../words/labels';
import { CASE_PLAN_STATUS_WORDS } from '../../words/labels';

/** Findings that need attention (errors, warnings) listed on the page; the rest stay in the case file. */
const MAX_FINDINGS = 8;
/** Lines that fit on the page beside the rest of the summary. */
const MAX_LINES = 14;

export const PRINT_CSS = `
.case-file-print { display: none; }
@media print {
  @page { size: A4; margin: 12mm; }
  html, body { background: #fff !important; color: #000 !important; height: auto !important; overflow: visible !important; }
  body * { visibility: hidden; }
  .case-file-print, .case-file-print * { visibility: visible; }
  /* The shell is a full-height grid with a scrolling main area: let it flow so nothing is clipped. */
  *:has(> main) { display: block !important; height: auto !important; overflow: visible !important; }
  main { overflow: visible !important; padding: 0 !important; }
  header, nav, main > h1, .case-file-screen { display: none !important; }
  .case-file-print { display: block; position: absolute; left: 0; top: 0; width: 100%; font: 9pt/1.35 "Segoe UI", "Yu Gothic UI", "Meiryo", system-ui, sans-serif; }
  .case-file-print h2 { font-size: 14pt; margin: 0 0 2mm; }
  .case-file-print h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
  .case-file-print p { margin: 0 0 1mm; }
  .case-file-print dl { display: grid; grid-template-columns: repeat(4, auto 1fr); gap: 1mm 3mm; margin: 0; }
  .case-file-print dt { font-weight: 600; }
  .case-file-print dd { margin: 0; overflow-wrap: anywhere; }
  .case-file-print table { width: 100%; border-collapse: collapse; }
  .case-file-print th, .case-file-print td { border-bottom: 0.3mm solid #999; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
  .case-file-print td.num { text-align: right; }
  .case-file-print ul { margin: 0; padding-left: 4mm; }
  .case-file-print .code { font-family: Consolas, monospace; font-size: 8pt; }
  .case-file-print .small { font-size: 8pt; color: #333; }
}
`;

export function PrintSummary({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const names = catalogProductNames(data.catalog);
  const c = data.customer;
  const attention = plan.findings.filter((f) => f.severity !== 'info');
  const errors = plan.findings.filter((f) => f.severity === 'error').length;
  const warnings = attention.length - errors;
  const shown = plan.lines.slice(0, MAX_LINES);
  const partsOf = (s: string) => s || '–';
  return (
    <div className="case-file-print" data-testid="print-summary">
      <h2>{t('caseFile.print.title', { name: c.name })}</h2>
      <p className="small">{t('caseFile.print.generated', { date: formatDay(today(), lang), partner: data.partner?.name || t('caseFile.print.noPartner') })}</p>
      <dl>
        <dt>{t('caseFile.details.domain')}</dt>
        <dd>{partsOf(c.domain)}</dd>
        <dt>{t('caseFile.details.tenantId')}</dt>
        <dd className="code">{partsOf(c.tenantId)}</dd>
        <dt>{t('caseFile.details.country')}</dt>
        <dd>{plan.customer.region ? t('caseFile.print.countryRegion', { country: c.country, region: regionName(plan.customer.region, i18n.language === 'ja' ? 'ja' : 'en') }) : partsOf(c.country)}</dd>
        <dt>{t('caseFile.stage.label')}</dt>
        <dd>{STAGE_WORDS[c.stage](t)}</dd>
        <dt>{t('caseFile.print.subscriptions')}</dt>
        <dd>{formatCount(plan.lines.length, lang)}</dd>
        <dt>{t('caseFile.print.users')}</dt>
        <dd>{formatCount(plan.users.length, lang)}</dd>
        <dt>{t('caseFile.print.plan')}</dt>
        <dd>{data.plan ? CASE_PLAN_STATUS_WORDS[data.plan.status](t) : t('caseFile.print.planNotSaved')}</dd>
        <dt>{t('caseFile.print.findings')}</dt>
        <dd>{t('caseFile.print.findingsCount', { errors: formatCount(errors, lang), warnings: formatCount(warnings, lang) })}</dd>
      </dl>
      <h3>{t('caseFile.plan.title')}</h3>
      {plan.lines.length === 0 ? (
        <p>{t('caseFile.plan.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('caseFile.subscriptions.product')}</th>
              <th>{t('caseFile.plan.channel')}</th>
              <th className="num">{t('caseFile.print.licenses')}</th>
              <th>{t('caseFile.plan.expires')}</th>
              <th>{t('caseFile.plan.deadline')}</th>
              <th>{t('caseFile.print.target')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.lineId}>
                <td>
                  {l.sourceSkuName}
                  {l.sourceSkuName !== l.sourceSkuPartNumber && <span className="code"> {l.sourceSkuPartNumber}</span>}
                </td>
                <td>{channelWord(t, l.channel)}</td>
                <td className="num">{t('caseFile.print.licensesValue', { consumed: formatCount(l.consumed, lang), from: formatCount(l.quantity, lang), to: formatCount(l.targetQuantity, lang) })}</td>
                <td>{l.expires ? formatDay(l.expires, lang) : '–'}</td>
                <td>{l.deadline ? formatDay(l.deadline, lang) : '–'}</td>
                <td>
                  {l.match.targetSkuPartNumber ? `${targetName(names, l.match) ?? ''} (${matchWord(t, l.match.kind)})` : matchWord(t, l.match.kind)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.lines.length > MAX_LINES && <p className="small">{t('caseFile.print.moreLines', { lines: formatCountOf(plan.lines.length - MAX_LINES, 'planLine', lang) })}</p>}
      <h3>{t('caseFile.print.attention')}</h3>
      {attention.length === 0 ? (
        <p>{t('caseFile.print.noAttention')}</p>
      ) : (
        <ul>
          {attention.slice(0, MAX_FINDINGS).map((f, i) => (
            <li key={`${f.code}-${i}`}>
              <span className="code">{f.code}</span> {findingText(f, lang)}
            </li>
          ))}
        </ul>
      )}
      {attention.length > MAX_FINDINGS && <p className="small">{t('caseFile.print.moreFindings', { count: formatCount(attention.length - MAX_FINDINGS, lang) })}</p>}
    </div>
  );
}
