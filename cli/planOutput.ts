// The plan CLI's output: the stable JSON document (cli/README.md) and the readable text report.
import type { Catalog } from '../shared/domain/catalog';
import type { EndOfTermAdvice } from '../shared/domain/endOfTerm';
import { catalogProductNames, formatCount, formatDay, productName, productNamesOf, productWithPartNumber, type ProductNames } from '../shared/domain/format';
import type { ServicePlanRef } from '../shared/domain/matching';
import { equivalentProposals } from '../shared/domain/matching';
import { findingText, type Lang } from '../shared/domain/messages';
import type { TenantPlan } from '../shared/domain/plan';
import { regionName } from '../shared/domain/regionNames';
import { wordsIn } from '../shared/words';

export const PLAN_JSON_VERSION = 1;

/** Picks the documented fields only, so the JSON stays stable when the engine grows; each finding's message in `lang`. */
export function planToJson(plan: TenantPlan, asOf: string, lang: Lang = 'en') {
  return {
    version: PLAN_JSON_VERSION,
    asOf,
    customer: { country: plan.customer.country, region: plan.customer.region },
    lines: plan.lines.map((l) => ({
      lineId: l.lineId,
      subscriptionId: l.subscriptionId,
      sourceSkuId: l.sourceSkuId,
      sourceSkuPartNumber: l.sourceSkuPartNumber,
      channel: l.channel,
      status: l.status,
      isTrial: l.isTrial,
      quantity: l.quantity,
      targetQuantity: l.targetQuantity,
      consumed: l.consumed,
      expires: l.expires,
      deadline: l.deadline,
      match: {
        kind: l.match.kind,
        targetSkuId: l.match.targetSkuId,
        targetSkuPartNumber: l.match.targetSkuPartNumber,
        lostServicePlans: l.match.lostServicePlans,
        gainedServicePlans: l.match.gainedServicePlans,
        changedServicePlans: l.match.changedServicePlans,
        extraTargets: l.match.extraTargets ?? [],
      },
      usersToReassign: l.usersToReassign,
      action: l.action,
      endOfTerm: endOfTermJson(l.endOfTerm),
      transfer: l.transfer ? { possible: l.transfer.possible, blockers: l.transfer.blockers, checkCommerce: l.transfer.checkCommerce, status: l.transfer.status, request: l.transfer.request } : null,
      orders: l.orders.map((o) => ({ skuId: o.skuId, skuPartNumber: o.skuPartNumber, quantity: o.quantity })),
      orderDate: l.orderDate,
      ordered: l.ordered,
      checkBy: l.checkBy,
      term: l.term,
      billingFrequency: l.billingFrequency,
      retirement: l.retirement ? { kind: l.retirement.kind, since: l.retirement.since } : null,
    })),
    users: plan.users.map((u) => ({
      userPrincipalName: u.userPrincipalName,
      from: u.from,
      to: u.to,
      lostServicePlans: u.lostServicePlans,
      viaGroup: u.viaGroup,
      groups: u.groups,
      toAll: u.toAll,
    })),
    findings: plan.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      ...(f.skuPartNumber !== undefined ? { skuPartNumber: f.skuPartNumber } : {}),
      ...(f.lineId !== undefined ? { lineId: f.lineId } : {}),
      message: findingText(f, lang),
      ruleId: f.ruleId,
      ruleSince: f.ruleSince,
      ruleSource: f.ruleSource,
      ruleUrl: f.ruleUrl,
      acknowledged: f.acknowledged === true,
    })),
    transferRequests: plan.transferRequests,
  };
}

/** The end-of-term advice without the rule object (the findings carry the rule). */
function endOfTermJson(a: EndOfTermAdvice | null) {
  if (!a) return null;
  switch (a.kind) {
    case 'expired-window':
      return { kind: a.kind, ruleId: a.rule.id, expires: a.expires, deadline: a.deadline };
    case 'est':
      return { kind: a.kind, ruleId: a.rule.id, expires: a.expires, activeBy: a.activeBy, cancelScheduledOn: a.cancelScheduledOn, upliftPercent: a.upliftPercent, upliftNoMonthlyPercent: a.upliftNoMonthlyPercent };
    case 'direct':
      return { kind: a.kind, ruleId: a.rule.id, expires: a.expires, activeBy: a.activeBy, disabledOn: a.disabledOn, deletedOn: a.deletedOn, billingAccount: a.billingAccount };
    case 'ea':
      return { kind: a.kind, ruleId: a.rule.id, eaEndDate: a.eaEndDate };
  }
}

type Line = TenantPlan['lines'][number];

/** The text report's words: shared/words `cli.*`, each key literal (eslint/i18nKeys.js). */
function labelsIn(lang: Lang) {
  const t = wordsIn(lang);
  return {
    title: t('cli.title'),
    asOf: t('cli.asOf'),
    customer: t('cli.customer'),
    region: t('cli.region'),
    unknown: t('cli.unknown'),
    lines: t('cli.lines'),
    channel: { own: t('cli.channel.own'), 'other-partner': t('cli.channel.other-partner'), direct: t('cli.channel.direct'), unknown: t('cli.channel.unknown') } satisfies Record<Line['channel'], string>,
    kind: { same: t('cli.kind.same'), equivalent: t('cli.kind.equivalent'), different: t('cli.kind.different'), none: t('cli.kind.none') } satisfies Record<Line['match']['kind'], string>,
    choices: t('cli.choices'),
    loses: (n: number) => (n === 0 ? t('cli.loses.none') : t('cli.loses.some', { n: String(n) })),
    seats: (quantity: string, targetQuantity: string, consumed: string) => t('cli.seats', { quantity, targetQuantity, consumed }),
    expires: (expires: string, deadline: string) => t('cli.expires', { expires, deadline }),
    lost: t('cli.lost'),
    gained: t('cli.gained'),
    users: t('cli.users'),
    noUsers: t('cli.noUsers'),
    group: t('cli.group'),
    findings: t('cli.findings'),
    none: t('cli.none'),
    more: (n: string) => t('cli.more', { n }),
    severity: { error: t('cli.severity.error'), warning: t('cli.severity.warning'), info: t('cli.severity.info') } satisfies Record<TenantPlan['findings'][number]['severity'], string>,
    transfer: t('cli.transfer'),
    checkBy: (orderDate: string, checkBy: string) => t('cli.checkBy', { orderDate, checkBy }),
    acknowledged: t('cli.acknowledged'),
    why: (ruleId: string, since: string, source: string) => t('cli.why', { ruleId, since, source }),
  };
}

const labels = { en: labelsIn('en'), ja: labelsIn('ja') };

const NAMED = 12;

/** Friendly names, the first few only: the JSON output has the full lists. */
function names(plans: readonly ServicePlanRef[], more: (n: string) => string, lang: Lang): string {
  const shown = plans.slice(0, NAMED).map((p) => p.friendlyName).join(', ');
  return plans.length > NAMED ? `${shown}, ${more(formatCount(plans.length - NAMED, lang))}` : shown;
}

/** The catalog's names; without the catalog, the names the engine put on the plan's lines. */
function productNamesFor(plan: TenantPlan, catalog: Catalog | undefined): ProductNames {
  if (catalog) return catalogProductNames(catalog);
  return productNamesOf(
    plan.lines.flatMap((l) => [{ skuId: l.sourceSkuId, partNumber: l.sourceSkuPartNumber, name: l.sourceSkuName }, ...l.orders.map((o) => ({ skuId: o.skuId, partNumber: o.skuPartNumber, name: o.skuName }))]),
  );
}

/** The text report; with the catalog it also lists candidate targets for lines without one. */
export function planToText(plan: TenantPlan, asOf: string, lang: Lang, catalog?: Catalog): string {
  const t = labels[lang];
  const out: string[] = [];
  // Products as people know them, the part number beside (format.ts): "Office 365 E3 (ENTERPRISEPACK)".
  const products = productNamesFor(plan, catalog);
  const label = (skuId: string | null | undefined, partNumber: string | null | undefined) => productWithPartNumber(products, { skuId, partNumber });
  const n = (count: number) => formatCount(count, lang);
  // Days as the reader's language writes them (the JSON output keeps ISO dates, for programs).
  const d = (day: string) => formatDay(day, lang);
  out.push(`${t.title} (${t.asOf} ${d(asOf)})`);
  out.push(`${t.customer}: ${plan.customer.country ?? t.unknown}   ${t.region}: ${plan.customer.region ? regionName(plan.customer.region, lang) : t.unknown}`);
  out.push('', `${t.lines} (${n(plan.lines.length)})`);
  for (const l of plan.lines) {
    const main = l.match.targetSkuId || l.match.targetSkuPartNumber ? label(l.match.targetSkuId, l.match.targetSkuPartNumber) : '-';
    const target = [main, ...(l.match.extraTargets ?? []).map((e) => label(e.skuId, e.skuPartNumber))].join(' + ');
    out.push(`- ${label(l.sourceSkuId, l.sourceSkuPartNumber)} [${t.channel[l.channel]}] -> ${target} (${t.kind[l.match.kind]})`);
    out.push(`    ${t.seats(n(l.quantity), n(l.targetQuantity), n(l.consumed))}${l.expires && l.deadline ? `; ${t.expires(d(l.expires), d(l.deadline))}` : ''}`);
    if (l.action === 'transfer') out.push(`    ${t.transfer}: ${l.transfer?.status ?? ''}`);
    if (l.checkBy && l.orderDate) out.push(`    ${t.checkBy(d(l.orderDate), d(l.checkBy))}`);
    if (l.match.lostServicePlans.length > 0) out.push(`    ${t.lost}: ${names(l.match.lostServicePlans, t.more, lang)}`);
    if (l.match.gainedServicePlans.length > 0) out.push(`    ${t.gained}: ${n(l.match.gainedServicePlans.length)}`);
    if (catalog && l.match.kind === 'none') {
      const choices = equivalentProposals(l.sourceSkuId, catalog, 3);
      if (choices.length > 0) out.push(`    ${t.choices}: ${choices.map((c) => `${label(c.skuId, c.skuPartNumber)} (${t.loses(c.lostServicePlans.length)})`).join(', ')}`);
    }
  }
  out.push('', `${t.users} (${n(plan.users.length)})`);
  if (plan.users.length === 0) out.push(`  ${t.noUsers}`);
  for (const u of plan.users) {
    const name = (partNumber: string | undefined) => productName(products, { partNumber });
    const moves = u.from.map((f, i) => `${name(f)} -> ${u.toAll[i]?.map(name).join(' + ') || (u.to[i] ? name(u.to[i]) : '') || '-'}`).join(', ');
    out.push(`- ${u.userPrincipalName}: ${moves}${u.viaGroup ? ` (${t.group})` : ''}`);
    if (u.lostServicePlans.length > 0) out.push(`    ${t.lost}: ${names(u.lostServicePlans, t.more, lang)}`);
  }
  out.push('', `${t.findings} (${n(plan.findings.length)})`);
  if (plan.findings.length === 0) out.push(`  ${t.none}`);
  for (const f of plan.findings) {
    out.push(`- [${t.severity[f.severity]}] ${f.code}: ${findingText(f, lang)}${f.acknowledged ? ` (${t.acknowledged})` : ''}`);
    out.push(`    ${t.why(f.ruleId, d(f.ruleSince), f.ruleSource)}`);
  }
  return `${out.join('\n')}\n`;
}
