// Every contract channel's handler, built from the services. Each handler receives args the
// contract has already validated (see register.ts) and throws HostError for expected refusals.
import { HostError, isAllowedExternalUrl, type AppInfo } from '../../../shared/ipc/contract';
import type { createFileService } from '../files';
import type { GdapRelationshipsService } from '../gdapRelationships';
import type { GraphRead } from '../graphRead';
import type { MicrosoftSignIn } from '../microsoftSignIn';
import type { PartnerCenterService } from '../partnerCenter';
import type { SecretsService } from '../secrets';
import type { SettingsService } from '../settings';
import type { UpdaterService } from '../updater';
import type { Handlers } from './register';

export interface HandlerServices {
  settings: SettingsService;
  secrets: SecretsService;
  files: ReturnType<typeof createFileService<unknown>>;
  updater: UpdaterService;
  microsoft: MicrosoftSignIn;
  graph: GraphRead;
  gdap: GdapRelationshipsService;
  partnerCenter: PartnerCenterService;
  appInfo: () => AppInfo;
  /** shell.openExternal */
  openExternal: (url: string) => Promise<void>;
}

export function createHandlers(s: HandlerServices): Handlers {
  return {
    'app.info': () => s.appInfo(),
    'settings.get': () => s.settings.get(),
    'settings.set': (patch) => s.settings.set(patch),
    'secrets.status': () => s.secrets.status(),
    'secrets.get': ({ name }) => s.secrets.get(name),
    'secrets.set': async ({ name, value }) => {
      await s.secrets.set(name, value);
      return null;
    },
    'secrets.delete': async ({ name }) => {
      await s.secrets.delete(name);
      return null;
    },
    'file.open': (args) => s.files.open(args),
    'file.save': (args) => s.files.save(args),
    'shell.openExternal': async ({ url }) => {
      // The contract's schema already refused anything else; a second look costs nothing.
      if (!isAllowedExternalUrl(url)) throw new HostError('EXTERNAL_URL_REFUSED', 'only https: and mailto: links may be opened');
      await s.openExternal(url);
      return null;
    },
    'updater.state': () => s.updater.state(),
    'updater.check': () => s.updater.check(),
    'updater.download': () => s.updater.download(),
    'updater.install': ({ pendingOutbox }) => {
      s.updater.install(pendingOutbox);
      return null;
    },
    // Only who is signed in and access tokens cross to the renderer: the refresh and ID tokens stay here.
    'microsoft.signIn': () => s.microsoft.signIn(),
    'microsoft.cancelSignIn': () => {
      s.microsoft.cancelSignIn();
      return null;
    },
    'microsoft.account': () => s.microsoft.state(),
    'microsoft.getAccessToken': ({ scopes }) => s.microsoft.getAccessToken(scopes),
    'microsoft.signOut': async () => {
      await s.microsoft.signOut();
      return null;
    },
    'graph.readTenant': ({ tenantId }) => s.graph.readTenant(tenantId),
    'graph.cancelRead': () => {
      s.graph.cancel();
      return null;
    },
    'graph.relationships': () => s.gdap.relationships(),
    'partnerCenter.relationshipLink': () => s.partnerCenter.relationshipLink(),
    'partnerCenter.customers': () => s.partnerCenter.customers(),
    'partnerCenter.agreement': (args) => s.partnerCenter.agreement(args),
    'partnerCenter.recordAgreement': (args) => s.partnerCenter.recordAgreement(args),
    'partnerCenter.createTransfer': (args) => s.partnerCenter.createTransfer(args),
    'partnerCenter.transfers': (args) => s.partnerCenter.transfers(args),
  };
}

/** app.info from Electron's app and the process. */
export function appInfoFrom(app: { getName(): string; getVersion(): string; getLocale(): string }, proc: { platform: string; arch: string }): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    host: 'electron',
    platform: proc.platform,
    arch: proc.arch,
    locale: app.getLocale(),
  };
}
