// The connectors' errors in the reader's language: Microsoft Graph (a customer's tenant, the
// partner's GDAP relationships) and Partner Center fail with a code and parameters
// (shared/connectors/errors), worded here from the catalogs' `connector.*` keys, each literal.
// Parameters come across IPC as data; a code this app does not know is said as unknown.
import type { ConnectorParam, ConnectorParams } from '../../shared/connectors/errors';
import type { GraphCollection, GraphReadErrorCode } from '../../shared/connectors/graphTenant';
import type { GdapReadErrorCode } from '../../shared/connectors/gdapRelationships';
import type {
  PartnerCenterAnswerProblem,
  PartnerCenterCall,
  PartnerCenterErrorCode,
  PartnerCenterInputProblem,
  PartnerCenterRecordProblem,
} from '../../shared/connectors/partnerCenter';
import type { Role } from '../../shared/domain/roles';
import { ROLE_NAME_WORDS, wordOf, type Translate } from './labels';

/** A connector's error as it reaches the renderer (from main, or from the connector itself). */
export interface ConnectorErrorLike {
  code: string;
  params: Readonly<Record<string, ConnectorParam>>;
}

type Say = (t: Translate, p: Readonly<ConnectorParams>) => string;

const str = (v: ConnectorParam | undefined): string => String(v ?? '');
const has = (v: ConnectorParam | undefined): boolean => v !== undefined && v !== '';
const known = <K extends string>(map: Record<K, unknown>, code: string): code is K => Object.hasOwn(map, code);

// ---- Microsoft Graph: a customer's tenant ----------------------------------------------------------

const COLLECTION: Record<GraphCollection, (t: Translate) => string> = {
  organization: (t) => t('connector.graph.collection.organization'),
  subscribedSkus: (t) => t('connector.graph.collection.subscribedSkus'),
  subscriptions: (t) => t('connector.graph.collection.subscriptions'),
  users: (t) => t('connector.graph.collection.users'),
};

/** What was read, where, and of which tenant: the facts every Graph sentence names. */
function graphFacts(t: Translate, p: Readonly<ConnectorParams>) {
  const collection = str(p.collection);
  return {
    what: known(COLLECTION, collection) ? COLLECTION[collection](t) : collection,
    tenant: has(p.tenant) ? t('connector.graph.tenantNamed', { tenant: str(p.tenant) }) : t('connector.graph.tenant'),
    where: t('connector.where', { url: str(p.url), page: str(p.page) }),
    url: str(p.url),
    page: str(p.page),
    status: str(p.status),
    attempts: str(p.attempts),
    cause: str(p.cause),
  };
}

const GRAPH: Record<GraphReadErrorCode, Say> = {
  malformedPage: (t, p) =>
    t('connector.graph.malformedPage', { ...graphFacts(t, p), problem: p.problem === 'notJson' ? t('connector.graph.problem.notJson') : t('connector.graph.problem.noValue') }),
  unsafeNextLink: (t, p) => t('connector.graph.unsafeNextLink', { ...graphFacts(t, p), next: str(p.next), origin: str(p.origin) }),
  forbidden: (t, p) => t('connector.graph.forbidden', graphFacts(t, p)),
  unauthorized: (t, p) => t('connector.graph.unauthorized', graphFacts(t, p)),
  notFound: (t, p) => t('connector.graph.notFound', graphFacts(t, p)),
  redirected: (t, p) => t('connector.graph.redirected', graphFacts(t, p)),
  http: (t, p) => t(has(p.attempts) ? 'connector.graph.httpRetried' : 'connector.graph.http', graphFacts(t, p)),
  network: (t, p) => t(has(p.cause) ? 'connector.graph.networkCause' : 'connector.graph.network', graphFacts(t, p)),
};

/** A read of a customer's tenant that failed (GraphReadError), in words. */
export function graphReadErrorText(t: Translate, error: ConnectorErrorLike): string {
  return known(GRAPH, error.code) ? GRAPH[error.code](t, error.params) : t('connector.unknown', { code: error.code });
}

// ---- Microsoft Graph: the partner's GDAP relationships ---------------------------------------------

function gdapFacts(t: Translate, p: Readonly<ConnectorParams>) {
  return { where: t('connector.where', { url: str(p.url), page: str(p.page) }), url: str(p.url), page: str(p.page), status: str(p.status), attempts: str(p.attempts), cause: str(p.cause) };
}

const GDAP: Record<GdapReadErrorCode, Say> = {
  malformedPage: (t, p) => t('connector.gdap.malformedPage', { ...gdapFacts(t, p), problem: p.problem === 'notJson' ? t('connector.gdap.problem.notJson') : t('connector.gdap.problem.noValue') }),
  malformedRecord: (t, p) => {
    const facts = {
      ...gdapFacts(t, p),
      position: str(p.position),
      id: str(p.id),
      field: has(p.field) ? str(p.field) : t('connector.gdap.theRecord'),
      issue: has(p.issue) ? str(p.issue) : t('connector.gdap.notDocumented'),
    };
    return t(p.id !== undefined ? 'connector.gdap.malformedRecordWithId' : 'connector.gdap.malformedRecord', facts);
  },
  unsafeNextLink: (t, p) => t('connector.gdap.unsafeNextLink', { ...gdapFacts(t, p), next: str(p.next), origin: str(p.origin) }),
  forbidden: (t, p) => t('connector.gdap.forbidden', gdapFacts(t, p)),
  unauthorized: (t, p) => t('connector.gdap.unauthorized', gdapFacts(t, p)),
  notFound: (t, p) => t('connector.gdap.notFound', gdapFacts(t, p)),
  redirected: (t, p) => t('connector.gdap.redirected', gdapFacts(t, p)),
  http: (t, p) => t(has(p.attempts) ? 'connector.gdap.httpRetried' : 'connector.gdap.http', gdapFacts(t, p)),
  network: (t, p) => t(has(p.cause) ? 'connector.gdap.networkCause' : 'connector.gdap.network', gdapFacts(t, p)),
};

/** A read of the partner's GDAP relationships that failed (GdapReadError), in words. */
export function gdapReadErrorText(t: Translate, error: ConnectorErrorLike): string {
  return known(GDAP, error.code) ? GDAP[error.code](t, error.params) : t('connector.unknown', { code: error.code });
}

// ---- Partner Center ------------------------------------------------------------------------------

const CALL_WHAT: Record<PartnerCenterCall, (t: Translate) => string> = {
  relationshipLink: (t) => t('connector.partnerCenter.what.relationshipLink'),
  customers: (t) => t('connector.partnerCenter.what.customers'),
  agreementTemplate: (t) => t('connector.partnerCenter.what.agreementTemplate'),
  customerAgreements: (t) => t('connector.partnerCenter.what.customerAgreements'),
  createAgreement: (t) => t('connector.partnerCenter.what.createAgreement'),
  transferEligibility: (t) => t('connector.partnerCenter.what.transferEligibility'),
  createTransfer: (t) => t('connector.partnerCenter.what.createTransfer'),
  transfer: (t) => t('connector.partnerCenter.what.transfer'),
  transfers: (t) => t('connector.partnerCenter.what.transfers'),
};

/** The Partner Center role each call needs (Partner Center's own roles, named as the workspace names them). */
const CALL_ROLES: Record<PartnerCenterCall, readonly Role[]> = {
  relationshipLink: ['admin-agent'],
  customers: ['admin-agent', 'sales-agent'],
  agreementTemplate: ['admin-agent', 'sales-agent'],
  customerAgreements: ['admin-agent', 'sales-agent'],
  createAgreement: ['admin-agent', 'sales-agent'],
  transferEligibility: ['admin-agent'],
  createTransfer: ['admin-agent'],
  transfer: ['admin-agent'],
  transfers: ['admin-agent'],
};

function roleOf(t: Translate, call: string): string {
  const [first, second] = (known(CALL_ROLES, call) ? CALL_ROLES[call] : ['admin-agent' as const]).map((r) => wordOf(ROLE_NAME_WORDS, r, t));
  return second === undefined ? (first ?? '') : t('connector.partnerCenter.eitherRole', { first, second });
}

const ANSWER_PROBLEM: Record<PartnerCenterAnswerProblem, Say> = {
  notJson: (t) => t('connector.partnerCenter.answer.notJson'),
  notDocumented: (t, p) => (has(p.at) ? t('connector.partnerCenter.answer.notDocumentedAt', { at: str(p.at), issue: str(p.issue) }) : t('connector.partnerCenter.answer.notDocumented')),
  noContinuation: (t) => t('connector.partnerCenter.answer.noContinuation'),
  keepsPointing: (t, p) => t('connector.partnerCenter.answer.keepsPointing', { pages: str(p.pages) }),
  noTemplate: (t, p) => t('connector.partnerCenter.answer.noTemplate', { agreementType: str(p.agreementType) }),
  notRelationshipLink: (t, p) => t('connector.partnerCenter.answer.notRelationshipLink', { link: str(p.link) }),
};

const INPUT_PROBLEM: Record<PartnerCenterInputProblem, Say> = {
  customerTenantId: (t, p) => t('connector.partnerCenter.input.customerTenantId', { id: str(p.id) }),
  transferId: (t, p) => t('connector.partnerCenter.input.transferId', { id: str(p.id) }),
  agreementInput: (t, p) => (has(p.missing) ? t('connector.partnerCenter.input.agreementMissing', { missing: str(p.missing) }) : t('connector.partnerCenter.input.agreement')),
  transferInput: (t, p) => {
    const details = [
      has(p.bad) ? t('connector.partnerCenter.input.transferNotGuids', { ids: str(p.bad) }) : '',
      has(p.twice) ? t('connector.partnerCenter.input.transferTwice', { ids: str(p.twice) }) : '',
      has(p.source) ? t('connector.partnerCenter.input.transferSource', { source: str(p.source) }) : '',
    ].join('');
    return t('connector.partnerCenter.input.transfer', { max: str(p.max), count: str(p.count), details });
  },
};

/** The facts every Partner Center sentence may name; `said` and `request` come with their leading space. */
function pcFacts(t: Translate, p: Readonly<ConnectorParams>) {
  const call = str(p.call);
  const said = has(p.description)
    ? ` ${has(p.partnerCenterCode) ? t('connector.partnerCenter.saidWithCode', { description: str(p.description), code: str(p.partnerCenterCode) }) : t('connector.partnerCenter.said', { description: str(p.description) })}`
    : '';
  return {
    what: known(CALL_WHAT, call) ? CALL_WHAT[call](t) : call,
    role: roleOf(t, call),
    url: str(p.url),
    status: str(p.status),
    attempts: str(p.attempts),
    wait: str(p.wait),
    cause: str(p.cause),
    said,
    request: has(p.requestId) ? ` ${t('connector.partnerCenter.requestId', { requestId: str(p.requestId) })}` : '',
  };
}

const PARTNER_CENTER: Record<PartnerCenterErrorCode, Say> = {
  unauthorized: (t, p) => t('connector.partnerCenter.unauthorized', pcFacts(t, p)),
  forbidden: (t, p) => t('connector.partnerCenter.forbidden', pcFacts(t, p)),
  notFound: (t, p) => t('connector.partnerCenter.notFound', pcFacts(t, p)),
  conflict: (t, p) => t('connector.partnerCenter.conflict', pcFacts(t, p)),
  throttled: (t, p) => t(has(p.wait) ? 'connector.partnerCenter.throttledWait' : 'connector.partnerCenter.throttled', pcFacts(t, p)),
  server: (t, p) => t('connector.partnerCenter.server', pcFacts(t, p)),
  uncertain: (t, p) =>
    t(
      has(p.status) ? 'connector.partnerCenter.uncertain' : has(p.cause) ? 'connector.partnerCenter.uncertainUnreachedCause' : 'connector.partnerCenter.uncertainUnreached',
      pcFacts(t, p),
    ),
  badRequest: (t, p) => t(has(p.description) ? 'connector.partnerCenter.badRequest' : 'connector.partnerCenter.badRequestNoReason', pcFacts(t, p)),
  redirected: (t, p) => t('connector.partnerCenter.redirected', pcFacts(t, p)),
  network: (t, p) => t(has(p.cause) ? 'connector.partnerCenter.networkCause' : 'connector.partnerCenter.network', pcFacts(t, p)),
  malformed: (t, p) => {
    const problem = str(p.problem);
    return t('connector.partnerCenter.malformed', { ...pcFacts(t, p), problem: known(ANSWER_PROBLEM, problem) ? ANSWER_PROBLEM[problem](t, p) : problem });
  },
  invalidInput: (t, p) => {
    const problem = str(p.problem);
    return known(INPUT_PROBLEM, problem) ? INPUT_PROBLEM[problem](t, p) : t('connector.unknown', { code: problem });
  },
};

/** A Partner Center call that failed (PartnerCenterError), in words. */
export function partnerCenterErrorText(t: Translate, error: ConnectorErrorLike): string {
  return known(PARTNER_CENTER, error.code) ? PARTNER_CENTER[error.code](t, error.params) : t('connector.unknown', { code: error.code });
}

const RECORD_PROBLEM: Record<PartnerCenterRecordProblem, Say> = {
  notCustomerRecord: (t) => t('connector.partnerCenter.record.notCustomerRecord'),
  tenantNotGuid: (t, p) => t('connector.partnerCenter.record.tenantNotGuid', { tenant: str(p.tenant) }),
  noCompanyName: (t) => t('connector.partnerCenter.record.noCompanyName'),
  companyNameTooLong: (t, p) => t('connector.partnerCenter.record.companyNameTooLong', { length: str(p.length), max: str(p.max) }),
};

/** Why a record of Partner Center's customer list was kept out, in words. */
export function partnerCenterRecordText(t: Translate, refused: { reason: string; params: Readonly<Record<string, ConnectorParam>> }): string {
  return known(RECORD_PROBLEM, refused.reason) ? RECORD_PROBLEM[refused.reason](t, refused.params) : t('connector.unknown', { code: refused.reason });
}
