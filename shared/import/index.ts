// The importers: each takes a file's text and its name (for error messages) and returns plain data
// or throws ImportError naming the file, the record or row, and the field.
export type { CatalogImport } from './catalogCsv';
export { parseCatalogCsv } from './catalogCsv';
export type { ImportErrorCode, ImportErrorDetails } from './errors';
export { formatImportError, importProblemIn, ImportError, isImportError } from './errors';
export type { GraphExportFiles } from './graph';
export { parseDirectorySubscriptions, parseLicenseDetails, parseOrganization, parseSubscribedSkus, parseTenantExports, parseUsers } from './graph';
export type { MarketRow } from './markets';
export { parseMarketsCsv } from './markets';
export { parseOffers } from './offers';
export type { PartnerCenterCustomer, PartnerCenterSubscription } from './partnerCenter';
export { parsePartnerCenterCustomer, parsePartnerCenterSubscriptions } from './partnerCenter';
export type { AdminCenterImport, AdminCenterLayout, AdminCenterOptions, AdminCenterReport } from './adminCenterUsers';
export {
  adminCenterRowsFromBytes,
  adminCenterRowsFromText,
  adminCenterUsers,
  BilingualImportError,
  decodeCsvBytes,
  looksLikeAdminCenterUsers,
  parseAdminCenterUsers,
  parseAdminCenterUsersBytes,
  type AdminCenterRows,
} from './adminCenterUsers';
export type { TextEncodingName } from './decode';
export { checkDecodedText, decodeTextBytes } from './decode';
export { encodingNameIn } from './problemWords';
export type { ImportFileKind } from './limits';
export { checkFileSize, IMPORT_SIZE_LIMITS } from './limits';
export type { OwnSubscriptionData, PcCustomerList, PcCustomerRow, PcRefusedRow } from './partnerCenterCsv';
export {
  looksLikePartnerCenterCustomers,
  looksLikePartnerCenterSubscriptionsCsv,
  parsePartnerCenterCustomers,
  parsePartnerCenterSubscriptionsCsv,
  relationshipIsReseller,
} from './partnerCenterCsv';
export { partnerCenterJsonKind, withPartnerCenterCustomer } from './partnerCenter';
