// The contract's channel -> method and event -> method names as plain data, without zod, for the
// preload: it only needs the names, and zod would add ~450 KB to a script that runs on every page
// load. The `satisfies` clauses make this table equal to contract.ts at compile time (a channel
// added there and missing here, or a different name, fails `tsc`).
import type { contract, events } from './contract';

export const channelMethods = {
  'app.info': 'appInfo',
  'settings.get': 'getSettings',
  'settings.set': 'setSettings',
  'secrets.status': 'secretStorageStatus',
  'secrets.get': 'getSecret',
  'secrets.set': 'setSecret',
  'secrets.delete': 'deleteSecret',
  'file.open': 'openFile',
  'file.save': 'saveFile',
  'shell.openExternal': 'openExternal',
  'updater.state': 'updaterState',
  'updater.check': 'checkForUpdates',
  'updater.download': 'downloadUpdate',
  'updater.install': 'installUpdate',
  'microsoft.signIn': 'microsoftSignIn',
  'microsoft.cancelSignIn': 'microsoftCancelSignIn',
  'microsoft.account': 'microsoftAccount',
  'microsoft.getAccessToken': 'microsoftAccessToken',
  'microsoft.signOut': 'microsoftSignOut',
  'graph.readTenant': 'graphReadTenant',
  'graph.cancelRead': 'graphCancelRead',
  'graph.relationships': 'graphRelationships',
  'partnerCenter.relationshipLink': 'partnerCenterRelationshipLink',
  'partnerCenter.customers': 'partnerCenterCustomers',
  'partnerCenter.agreement': 'partnerCenterAgreement',
  'partnerCenter.recordAgreement': 'partnerCenterRecordAgreement',
  'partnerCenter.createTransfer': 'partnerCenterCreateTransfer',
  'partnerCenter.transfers': 'partnerCenterTransfers',
} as const satisfies { readonly [C in keyof typeof contract]: (typeof contract)[C]['method'] };

export const eventMethods = {
  'updater.changed': 'onUpdaterState',
  'menu.command': 'onMenuCommand',
  'graph.progress': 'onGraphProgress',
  'partnerCenter.progress': 'onPartnerCenterProgress',
} as const satisfies { readonly [E in keyof typeof events]: (typeof events)[E]['method'] };
