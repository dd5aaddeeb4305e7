// The HostApi over Electron's preload bridge (`window.host`). The bridge answers Replies, because
// Electron carries only an Error's message across IPC; here each Reply becomes a value or a
// HostError with the code the main process chose, so the rest of the renderer only sees promises.
import { ConnectorErrorDetail, ErrorCode, HostError, type BridgeApi, type HostApi, type Reply } from '../../shared/ipc/contract';

async function unwrap<T>(call: () => Promise<Reply<T>>): Promise<T> {
  let reply: Reply<T>;
  try {
    reply = await call();
  } catch (error) {
    // The bridge itself failed (a missing handler, a torn-down window): not an answer from main.
    throw new HostError('INTERNAL', `the desktop host did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof reply !== 'object' || reply === null || typeof reply.ok !== 'boolean') {
    throw new HostError('INTERNAL', 'the desktop host answered with something that is not a reply');
  }
  if (reply.ok) return reply.value;
  const code = ErrorCode.safeParse(reply.error?.code);
  const message = typeof reply.error?.message === 'string' ? reply.error.message : 'the desktop host refused the request';
  const detail = ConnectorErrorDetail.safeParse(reply.error?.detail);
  throw new HostError(code.success ? code.data : 'INTERNAL', message, detail.success ? detail.data : undefined);
}

export function createElectronHost(bridge: BridgeApi): HostApi {
  return {
    appInfo: (args) => unwrap(() => bridge.appInfo(args)),
    getSettings: (args) => unwrap(() => bridge.getSettings(args)),
    setSettings: (args) => unwrap(() => bridge.setSettings(args)),
    secretStorageStatus: (args) => unwrap(() => bridge.secretStorageStatus(args)),
    getSecret: (args) => unwrap(() => bridge.getSecret(args)),
    setSecret: (args) => unwrap(() => bridge.setSecret(args)),
    deleteSecret: (args) => unwrap(() => bridge.deleteSecret(args)),
    openFile: (args) => unwrap(() => bridge.openFile(args)),
    saveFile: (args) => unwrap(() => bridge.saveFile(args)),
    openExternal: (args) => unwrap(() => bridge.openExternal(args)),
    updaterState: (args) => unwrap(() => bridge.updaterState(args)),
    checkForUpdates: (args) => unwrap(() => bridge.checkForUpdates(args)),
    downloadUpdate: (args) => unwrap(() => bridge.downloadUpdate(args)),
    installUpdate: (args) => unwrap(() => bridge.installUpdate(args)),
    microsoftSignIn: (args) => unwrap(() => bridge.microsoftSignIn(args)),
    microsoftCancelSignIn: (args) => unwrap(() => bridge.microsoftCancelSignIn(args)),
    microsoftAccount: (args) => unwrap(() => bridge.microsoftAccount(args)),
    microsoftAccessToken: (args) => unwrap(() => bridge.microsoftAccessToken(args)),
    microsoftSignOut: (args) => unwrap(() => bridge.microsoftSignOut(args)),
    graphReadTenant: (args) => unwrap(() => bridge.graphReadTenant(args)),
    graphCancelRead: (args) => unwrap(() => bridge.graphCancelRead(args)),
    graphRelationships: (args) => unwrap(() => bridge.graphRelationships(args)),
    partnerCenterRelationshipLink: (args) => unwrap(() => bridge.partnerCenterRelationshipLink(args)),
    partnerCenterCustomers: (args) => unwrap(() => bridge.partnerCenterCustomers(args)),
    partnerCenterAgreement: (args) => unwrap(() => bridge.partnerCenterAgreement(args)),
    partnerCenterRecordAgreement: (args) => unwrap(() => bridge.partnerCenterRecordAgreement(args)),
    partnerCenterCreateTransfer: (args) => unwrap(() => bridge.partnerCenterCreateTransfer(args)),
    partnerCenterTransfers: (args) => unwrap(() => bridge.partnerCenterTransfers(args)),
    onUpdaterState: (listener) => bridge.onUpdaterState(listener),
    onGraphProgress: (listener) => bridge.onGraphProgress(listener),
    onPartnerCenterProgress: (listener) => bridge.onPartnerCenterProgress(listener),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
