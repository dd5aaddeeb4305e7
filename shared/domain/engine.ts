// The migration engine's public surface, for the app, the server and the CLI: import from here.
//
//   const catalog = prepareCatalog(parseCatalogCsv(csvText, 'licensing.csv'), { offers, discontinued });
//   const tenant  = parseTenantExports({ subscribedSkus: {text, file}, subscriptions, users, organization });
//   const plan    = planTenant(tenant, catalog, { partnerTenantId, partnerCountry, asOf: '2025-01-10',
//                                                billingAccount, agreementAcceptedOn, acknowledged });
//
// The rules applied are the ones in force on `asOf` (rules.ts; docs/rules.md): every finding
// carries its ruleId, ruleSince, ruleSource and ruleUrl; isMustFix(finding) leaves acknowledged ones out.
//
// Per line, when a user edits one: sourceLines -> planLine(line, catalog, asOf, { targetSkuId, quantity })
// -> lineFindings(plannedLine, catalog); equivalentProposals(skuId, catalog) for the choices.
// Findings carry a code and params, no text: findingText(finding, lang) words one where it is shown.
export type { Catalog, CatalogData, CatalogOptions, CatalogSku, CatalogServicePlan, OfferAvailability, PreparedSku } from './catalog';
export { findSku, prepareCatalog } from './catalog';
export type { LocalDate } from './dates';
export { addDays, daysBetween, isIsoDateTime, isLocalDate, utcDay } from './dates';
export type { EndOfTermAdvice } from './endOfTerm';
export { endOfTermAdvice, EST_UPLIFT_NO_MONTHLY_PERCENT, EST_UPLIFT_PERCENT } from './endOfTerm';
export type { Finding, FindingCode, FindingParams, Severity } from './findings';
export { FINDING_CODES, isMustFix, sortFindings } from './findings';
export type { EquivalentProposal, MatchKind, OfferMatch, ServiceComparison, ServicePlanRef, TargetRef } from './matching';
export { compareServices, equivalentProposals, matchOffer } from './matching';
export type { Lang } from './messages';
export { findingText, renderFinding } from './messages';
export type { FindingAck, LineAction, LineContext, LineOverride, PlannedLine, PlannedOrder, PlanOptions, SourceLine, TenantPlan } from './plan';
export { lineFindings, planLine, planTenant, sourceLines } from './plan';
export { planFamily } from './planFamilies';
export type { RegionCheck, RegionTable } from './region';
export { buildRegionTable, checkRegion, DEFAULT_REGIONS, regionOf } from './region';
export { regionName } from './regionNames';
export type { SeatCheck } from './seats';
export { checkSeats } from './seats';
export type { Channel, TenantInventory, TenantSku, TenantSubscription, TenantUser, UserLicense } from './tenant';
export { classifyChannel } from './tenant';
export type { SubscriptionTiming, TimingState } from './timing';
export { EXPIRED_WINDOW_DAYS, orderDateProblem, subscriptionTiming, suggestedOrderDate, TENANT_ACTIVE_SUBSCRIPTION_LIMIT } from './timing';
export type { UserReassignment } from './users';
export { userReassignments } from './users';
export { ORDER_WINDOW_DAYS, orderCheckBy, ordersClosingSoon } from './orderWindow';
export type { Retirement } from './retirements';
export { retirementOf } from './retirements';
export type { Rule, RuleFamily } from './rules';
export { RULES, ruleById, ruleInForce, ruleTitle } from './rules';
export type { CommerceKind, TransferBlocker, TransferVerdict } from './transfers';
export { TRANSFER_MAX_ITEMS, transferRequests, transferVerdict } from './transfers';
