// The one table of everything the renderer may ask of its host. The preload exposes it, the main
// process handles it, and the web host implements it: all three read this file, so a channel
// cannot exist in one place and be missing in another.
import { z } from 'zod';
import { TRANSFER_STATUSES } from '../domain/commerce';

export const Language = z.enum(['system', 'en', 'ja']);
export type Language = z.infer<typeof Language>;

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** An http(s) origin with no path, or empty when no backend is configured (offline only). */
export const BackendUrl = z.union([
  z.literal(''),
  z
    .string()
    .max(2048)
    .url()
    .refine((u) => /^https?:\/\//i.test(u), { message: 'the backend address must start with https:// or http://' }),
]);

/** Where Microsoft sign-in asks: https, or plain http to this computer (a test OpenID provider). */
export const MicrosoftAuthority = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//i.test(u), {
    message: 'the Microsoft sign-in authority must start with https:// (plain http only to 127.0.0.1)',
  });

/** An OAuth scope: `openid`, `User.Read`, `api://<client id>/access_as_user`, `https://graph.microsoft.com/.default`. */
export const OAuthScope = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,500}$/, { message: 'a scope is one word of printable characters' });

/** A Microsoft service root the sign-in token is sent to: https, or plain http to this computer (a local contract server). */
export const MicrosoftServiceUrl = z
  .string()
  .max(2048)
  .url()
  .refine((u) => /^https:\/\//i.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(u), {
    message: 'a Microsoft service address must start with https:// (plain http only to 127.0.0.1)',
  });

/** Preferences only: nothing secret, nothing that belongs to the synced workspace. */
export const Settings = z
  .object({
    language: Language,
    theme: Theme,
    backendUrl: BackendUrl,
    checkForUpdatesOnStart: z.boolean(),
    /** The user's explicit choice to keep secrets where the OS offers no encryption (Linux basic_text). */
    allowInsecureSecretStorage: z.boolean(),
    /** The desktop app's registration in Entra (Application (client) id); empty: Microsoft sign-in is off. */
    microsoftClientId: z.union([z.literal(''), z.string().regex(/^[0-9A-Za-z._-]{1,200}$/)]),
    /** Entra's multi-tenant endpoint by default; a tenant's own, another cloud, or a test provider. */
    microsoftAuthority: MicrosoftAuthority,
    /** The scopes of the sign-in itself (the server's API scope is added when set). */
    microsoftScopes: z.array(OAuthScope).max(50),
    /** The team server's API scope (`api://<server client id>/access_as_user`); empty: none. */
    microsoftServerScope: z.union([z.literal(''), OAuthScope]),
    /**
     * Microsoft Graph's root (no version): the global cloud by default; a national cloud, or a local
     * contract server in tests. The same rule as Partner Center's root (a service the token is sent to).
     */
    graphBaseUrl: MicrosoftServiceUrl,
    /** Partner Center's REST API root: Microsoft's by default, a local contract server in tests. */
    partnerCenterBaseUrl: MicrosoftServiceUrl,
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  backendUrl: '',
  checkForUpdatesOnStart: true,
  allowInsecureSecretStorage: false,
  microsoftClientId: '',
  microsoftAuthority: 'https://login.microsoftonline.com/organizations',
  microsoftScopes: ['openid', 'profile', 'offline_access'],
  microsoftServerScope: '',
  graphBaseUrl: 'https://graph.microsoft.com',
  partnerCenterBaseUrl: 'https://api.partnercenter.microsoft.com',
};

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** The secrets the renderer may read and write (the sync server's refresh token). */
export const SecretName = z.enum(['refreshToken']);
export type SecretName = z.infer<typeof SecretName>;

/** Every secret the main process keeps; the Microsoft token cache is never reachable over IPC. */
export const HostSecretName = z.enum(['refreshToken', 'microsoftTokens']);
export type HostSecretName = z.infer<typeof HostSecretName>;

/** Who is signed in with Microsoft: never a token. */
export const MicrosoftAccount = z
  .object({
    /** Object id in the home tenant. */
    oid: z.string(),
    /** The tenant id (`tid`). */
    tenantId: z.string(),
    username: z.string(),
    name: z.string(),
  })
  .strict();
export type MicrosoftAccount = z.infer<typeof MicrosoftAccount>;

export const MicrosoftState = z
  .object({
    /** The host can sign in with Microsoft (the desktop app; a browser cannot). */
    available: z.boolean(),
    /** A client id is set in Settings. */
    configured: z.boolean(),
    account: MicrosoftAccount.nullable(),
  })
  .strict();
export type MicrosoftState = z.infer<typeof MicrosoftState>;

export const AccessTokenArgs = z
  .object({
    /** What the token is for; empty: the team server's API scope from Settings. */
    scopes: z.array(OAuthScope).max(50),
  })
  .strict();

/** An access token and when it ends: all the renderer ever gets of Microsoft's tokens. */
export const AccessTokenResult = z.object({ accessToken: z.string(), expiresAt: z.number().int() }).strict();
export type AccessTokenResult = z.infer<typeof AccessTokenResult>;

/** A customer's tenant id: Graph is asked for this tenant through the partner's GDAP roles. */
export const GraphReadArgs = z
  .object({ tenantId: z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'the tenant id is a GUID' }) })
  .strict();

const GraphPage = z.object({ file: z.string().max(2048), text: z.string() }).strict();
/** Each page as Graph sent it, the import's `graphPages` request as it is. */
export const GraphPages = z
  .object({
    organization: GraphPage.optional(),
    subscribedSkus: z.array(GraphPage),
    subscriptions: z.array(GraphPage),
    users: z.array(GraphPage),
  })
  .strict();
export type GraphPages = z.infer<typeof GraphPages>;

/** How far a read has come: pages and records of the collection being read. */
export const GraphProgress = z
  .object({
    collection: z.enum(['organization', 'subscribedSkus', 'subscriptions', 'users']),
    pages: z.number().int().nonnegative(),
    items: z.number().int().nonnegative(),
  })
  .strict();
export type GraphProgress = z.infer<typeof GraphProgress>;
/**
 * A connector's error as data: its parameters (an address, a page, a status, Partner Center's own
 * description, the code of a word), never sentences; the renderer words the code with them
 * (renderer/words/connectorErrors).
 */
export const ConnectorParams = z
  .record(z.string().max(40), z.union([z.string().max(4000), z.number()]))
  .refine((params) => Object.keys(params).length <= 40, { message: 'at most 40 parameters' });
export type ConnectorParams = z.infer<typeof ConnectorParams>;

/**
 * The reseller relationship link as Partner Center gives it, or why not as a code and parameters
 * (Partner Center's refusals are answers to show, not host failures; a missing sign-in stays a HostError).
 */
const PartnerCenterRefusal = z.object({ ok: z.literal(false), code: z.string().max(40), params: ConnectorParams }).strict();

export const PartnerCenterLinkResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), url: z.string().max(4096), partnerTenantId: z.string().max(64), legacyDap: z.boolean() }).strict(),
  PartnerCenterRefusal,
]);
export type PartnerCenterLinkResult = z.infer<typeof PartnerCenterLinkResult>;

/** One of the partner's GDAP relationships (shared/connectors/gdapRelationships), as Settings lists it. */
export const GdapRelationship = z
  .object({
    id: z.string().max(200),
    displayName: z.string().max(256),
    customerTenantId: z.string().max(64).nullable(),
    customerName: z.string().max(256).nullable(),
    status: z.string().max(40),
    endDateTime: z.string().max(40).nullable(),
    autoExtendDuration: z.string().max(40).nullable(),
    roles: z.array(z.string().max(64)).max(200),
    /** A role among them reads the customer's licenses (Directory Readers, Global Reader, Global Administrator). */
    readsLicenses: z.boolean(),
  })
  .strict();
export type GdapRelationship = z.infer<typeof GdapRelationship>;

/**
 * Every GDAP relationship of the partner (every page), or Graph's refusal as a code and parameters
 * (an answer to show, as Partner Center's are; a missing sign-in stays a HostError).
 */
export const GraphRelationshipsResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), relationships: z.array(GdapRelationship).max(100_000), pages: z.number().int().nonnegative() }).strict(),
  PartnerCenterRefusal,
]);
export type GraphRelationshipsResult = z.infer<typeof GraphRelationshipsResult>;

/** One customer of the partner's Partner Center list, as the Customers screen previews it. */
export const PartnerCenterListedCustomer = z
  .object({
    tenantId: z.string().max(64),
    companyName: z.string().max(200),
    domain: z.string().max(253),
    /** ISO 3166 alpha-2, upper case; null when Partner Center gave none. */
    country: z.string().regex(/^[A-Z]{2}$/).nullable(),
    /** As Partner Center writes it (reseller, advisor, ...); '' when absent. */
    relationship: z.string().max(100),
  })
  .strict();

/**
 * The partner's whole customer list (every page), or why not. Records Partner Center sent that
 * cannot be a customer are listed with the reason (a code and parameters), as are repeated tenant ids.
 */
export const PartnerCenterCustomersResult = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      customers: z.array(PartnerCenterListedCustomer).max(200_000),
      refused: z.array(z.object({ position: z.number().int().positive(), id: z.string().max(200), reason: z.string().max(40), params: ConnectorParams }).strict()).max(200_000),
      duplicates: z.array(z.object({ position: z.number().int().positive(), tenantId: z.string().max(64), companyName: z.string().max(200) }).strict()).max(200_000),
      pages: z.number().int().nonnegative(),
    })
    .strict(),
  PartnerCenterRefusal,
]);
export type PartnerCenterCustomersResult = z.infer<typeof PartnerCenterCustomersResult>;

/** How far the customer list has come: pages and customers read so far. */
export const PartnerCenterProgress = z.object({ pages: z.number().int().nonnegative(), customers: z.number().int().nonnegative() }).strict();
export type PartnerCenterProgress = z.infer<typeof PartnerCenterProgress>;
// ---- The case file's Partner Center calls: the MCA attestation and new-commerce transfers ----------

const PcGuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, { message: 'a GUID' });

/** The customer, by its tenant id: Partner Center's customer id for the partner's customers. */
export const PartnerCenterCustomerArgs = z.object({ customerTenantId: PcGuid }).strict();

export const PartnerCenterAgreement = z
  .object({
    /** The day the customer accepted, YYYY-MM-DD (Partner Center may add a time: cut off). */
    dateAgreed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    contact: z.object({ firstName: z.string().max(200), lastName: z.string().max(200), email: z.string().max(320) }).strict().nullable(),
    templateId: z.string().max(64),
  })
  .strict();
export type PartnerCenterAgreement = z.infer<typeof PartnerCenterAgreement>;

/** The customer's newest MCA attestation in Partner Center (null: none), or Partner Center's refusal. */
export const PartnerCenterAgreementResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), agreement: PartnerCenterAgreement.nullable() }).strict(), PartnerCenterRefusal]);
export type PartnerCenterAgreementResult = z.infer<typeof PartnerCenterAgreementResult>;

/** The attestation a person entered: who at the customer accepted, and when; the template id is read in main. */
export const PartnerCenterRecordAgreementArgs = z
  .object({
    customerTenantId: PcGuid,
    dateAgreed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD' }),
    firstName: z.string().trim().min(1).max(200),
    lastName: z.string().trim().min(1).max(200),
    email: z.string().trim().min(3).max(320),
  })
  .strict();
export type PartnerCenterRecordAgreementArgs = z.infer<typeof PartnerCenterRecordAgreementArgs>;

export const PartnerCenterRecordAgreementResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), agreement: PartnerCenterAgreement }).strict(), PartnerCenterRefusal]);
export type PartnerCenterRecordAgreementResult = z.infer<typeof PartnerCenterRecordAgreementResult>;

const TransferStatusWord = z.enum(TRANSFER_STATUSES);
export const PartnerCenterTransferSummary = z
  .object({
    id: z.string().max(64),
    /** Partner Center's own word (Active, Complete, Reject, ...). */
    partnerCenterStatus: z.string().max(100),
    /** The case file's status (transferStatusOf); null for a word the app does not know. */
    status: TransferStatusWord.nullable(),
    partial: z.boolean(),
    sourcePartnerTenantId: z.string().max(64).nullable(),
    sourcePartnerName: z.string().max(300).nullable(),
    lastModifiedTime: z.string().max(64).nullable(),
    lines: z
      .array(z.object({ subscriptionId: z.string().max(64), name: z.string().max(500), quantity: z.number().int().nonnegative(), status: z.string().max(100).nullable(), error: z.string().max(2000).nullable() }).strict())
      .max(1000),
  })
  .strict();
export type PartnerCenterTransferSummary = z.infer<typeof PartnerCenterTransferSummary>;

/**
 * A transfer request of the case file's planned lines. The list is not capped here: more than
 * Partner Center's 25 is refused by the client with its reason (invalidInput), not as a bare INVALID_ARGS.
 */
export const PartnerCenterCreateTransferArgs = z
  .object({ customerTenantId: PcGuid, sourcePartnerTenantId: z.string().max(64), subscriptionIds: z.array(z.string().max(64)).min(1).max(10_000) })
  .strict();
export type PartnerCenterCreateTransferArgs = z.infer<typeof PartnerCenterCreateTransferArgs>;

export const PartnerCenterTransferResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), transfer: PartnerCenterTransferSummary }).strict(), PartnerCenterRefusal]);
export type PartnerCenterTransferResult = z.infer<typeof PartnerCenterTransferResult>;

export const PartnerCenterTransfersResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), transfers: z.array(PartnerCenterTransferSummary).max(10_000) }).strict(), PartnerCenterRefusal]);
export type PartnerCenterTransfersResult = z.infer<typeof PartnerCenterTransfersResult>;

export const SecretStorageStatus = z
  .object({
    /** 'encrypted': OS keychain/DPAPI/libsecret; 'plaintext-only': Linux basic_text; 'unavailable': none at all. */
    state: z.enum(['encrypted', 'plaintext-only', 'unavailable']),
    /** Electron's backend name on Linux (e.g. 'gnome_libsecret', 'basic_text'), the platform elsewhere. */
    backend: z.string(),
    /** True when the user chose to store secrets even though they would not be encrypted. */
    insecureAllowed: z.boolean(),
  })
  .strict();
export type SecretStorageStatus = z.infer<typeof SecretStorageStatus>;

export const FileFilter = z
  .object({
    name: z.string().min(1).max(200),
    extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/)).min(1).max(20),
  })
  .strict();
export type FileFilter = z.infer<typeof FileFilter>;

/** Largest file the host will read for the renderer: a 50,000-user Graph export is ~60 MB. */
export const MAX_OPEN_FILE_BYTES = 256 * 1024 * 1024;

export const OpenedFile = z
  .object({
    name: z.string(),
    size: z.number().int().nonnegative(),
    /** The file decoded as UTF-8 (a BOM, if any, is kept for the parser to see). */
    text: z.string(),
  })
  .strict();
export type OpenedFile = z.infer<typeof OpenedFile>;

export const OpenFileArgs = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(FileFilter).max(20),
    multiple: z.boolean().optional(),
  })
  .strict();
export type OpenFileArgs = z.infer<typeof OpenFileArgs>;

export const SaveFileArgs = z
  .object({
    title: z.string().max(200).optional(),
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/]/.test(n), { message: 'a file name, not a path' }),
    filters: z.array(FileFilter).max(20),
    data: z.union([z.string(), z.instanceof(Uint8Array)]),
  })
  .strict();
export type SaveFileArgs = z.infer<typeof SaveFileArgs>;

export const SaveFileResult = z.object({ saved: z.boolean(), name: z.string().optional() }).strict();
export type SaveFileResult = z.infer<typeof SaveFileResult>;

export const EXTERNAL_PROTOCOLS = ['https:', 'mailto:'] as const;

/** Only https and mailto leave the app; anything else (file:, javascript:, custom schemes) is refused. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (!(EXTERNAL_PROTOCOLS as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === 'https:' && (url.username !== '' || url.password !== '')) return false;
  return true;
}

export const ExternalUrl = z
  .string()
  .max(8192)
  .refine(isAllowedExternalUrl, { message: 'only https: and mailto: links may be opened' });

export const AppInfo = z
  .object({
    name: z.string(),
    version: z.string(),
    host: z.enum(['electron', 'web']),
    platform: z.string(),
    arch: z.string(),
    locale: z.string(),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfo>;

export const UpdaterState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unsupported'), reason: z.string() }).strict(),
  z.object({ status: z.literal('idle') }).strict(),
  z.object({ status: z.literal('checking') }).strict(),
  z.object({ status: z.literal('up-to-date'), version: z.string() }).strict(),
  z.object({ status: z.literal('available'), version: z.string() }).strict(),
  z
    .object({ status: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) })
    .strict(),
  z.object({ status: z.literal('downloaded'), version: z.string() }).strict(),
  z.object({ status: z.literal('error'), message: z.string() }).strict(),
]);
export type UpdaterState = z.infer<typeof UpdaterState>;

export const InstallUpdateArgs = z
  .object({
    /** Changes not yet pushed to the team's server: an update never installs over them. */
    pendingOutbox: z.number().int().nonnegative(),
  })
  .strict();

export const MenuCommand = z.enum([
  'open-settings',
  'import-tenant',
  'import-catalog',
  'sync-now',
  'show-about',
  'check-for-updates',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

const NoArgs = z.object({}).strict();
const Nothing = z.null();

/**
 * Channel -> the function name the preload exposes, its args and its result.
 * Every invoke answers a Reply: Electron passes only an Error's message across IPC, so errors
 * travel as data with a stable code.
 */
export const contract = {
  'app.info': { method: 'appInfo', args: NoArgs, result: AppInfo },
  'settings.get': { method: 'getSettings', args: NoArgs, result: Settings },
  'settings.set': { method: 'setSettings', args: SettingsPatch, result: Settings },
  'secrets.status': { method: 'secretStorageStatus', args: NoArgs, result: SecretStorageStatus },
  'secrets.get': {
    method: 'getSecret',
    args: z.object({ name: SecretName }).strict(),
    result: z.string().nullable(),
  },
  'secrets.set': {
    method: 'setSecret',
    args: z.object({ name: SecretName, value: z.string().min(1).max(16 * 1024) }).strict(),
    result: Nothing,
  },
  'secrets.delete': { method: 'deleteSecret', args: z.object({ name: SecretName }).strict(), result: Nothing },
  'file.open': { method: 'openFile', args: OpenFileArgs, result: z.array(OpenedFile).nullable() },
  'file.save': { method: 'saveFile', args: SaveFileArgs, result: SaveFileResult },
  'shell.openExternal': { method: 'openExternal', args: z.object({ url: ExternalUrl }).strict(), result: Nothing },
  'updater.state': { method: 'updaterState', args: NoArgs, result: UpdaterState },
  'updater.check': { method: 'checkForUpdates', args: NoArgs, result: UpdaterState },
  'updater.download': { method: 'downloadUpdate', args: NoArgs, result: UpdaterState },
  'updater.install': { method: 'installUpdate', args: InstallUpdateArgs, result: Nothing },
  'microsoft.signIn': { method: 'microsoftSignIn', args: NoArgs, result: MicrosoftAccount },
  'microsoft.cancelSignIn': { method: 'microsoftCancelSignIn', args: NoArgs, result: Nothing },
  'microsoft.account': { method: 'microsoftAccount', args: NoArgs, result: MicrosoftState },
  'microsoft.getAccessToken': { method: 'microsoftAccessToken', args: AccessTokenArgs, result: AccessTokenResult },
  'microsoft.signOut': { method: 'microsoftSignOut', args: NoArgs, result: Nothing },
  // The token for the customer's tenant is redeemed and used in main: only the pages cross.
  'graph.readTenant': { method: 'graphReadTenant', args: GraphReadArgs, result: GraphPages },
  'graph.cancelRead': { method: 'graphCancelRead', args: NoArgs, result: Nothing },
  // The partner's GDAP relationships, read in main with the partner's Graph token (which stays there).
  'graph.relationships': { method: 'graphRelationships', args: NoArgs, result: GraphRelationshipsResult },
  'partnerCenter.relationshipLink': { method: 'partnerCenterRelationshipLink', args: NoArgs, result: PartnerCenterLinkResult },
  // Every page of the partner's customer list is read in main (the token stays there); the list crosses.
  'partnerCenter.customers': { method: 'partnerCenterCustomers', args: NoArgs, result: PartnerCenterCustomersResult },
  'partnerCenter.agreement': { method: 'partnerCenterAgreement', args: PartnerCenterCustomerArgs, result: PartnerCenterAgreementResult },
  'partnerCenter.recordAgreement': { method: 'partnerCenterRecordAgreement', args: PartnerCenterRecordAgreementArgs, result: PartnerCenterRecordAgreementResult },
  'partnerCenter.createTransfer': { method: 'partnerCenterCreateTransfer', args: PartnerCenterCreateTransferArgs, result: PartnerCenterTransferResult },
  'partnerCenter.transfers': { method: 'partnerCenterTransfers', args: PartnerCenterCustomerArgs, result: PartnerCenterTransfersResult },
} as const;

/** Main -> renderer notifications. The preload exposes each as `on<Name>(listener) => unsubscribe`. */
export const events = {
  'updater.changed': { method: 'onUpdaterState', payload: UpdaterState },
  'menu.command': { method: 'onMenuCommand', payload: MenuCommand },
  'graph.progress': { method: 'onGraphProgress', payload: GraphProgress },
  'partnerCenter.progress': { method: 'onPartnerCenterProgress', payload: PartnerCenterProgress },
} as const;

export type Channel = keyof typeof contract;
export type EventName = keyof typeof events;
export type Args<C extends Channel> = z.input<(typeof contract)[C]['args']>;
export type Result<C extends Channel> = z.output<(typeof contract)[C]['result']>;
export type Payload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

export const ErrorCode = z.enum([
  'INVALID_ARGS',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_SUPPORTED',
  'SECRET_STORAGE_INSECURE',
  'SECRET_STORAGE_UNAVAILABLE',
  'FILE_TOO_LARGE',
  'FILE_READ_FAILED',
  'FILE_WRITE_FAILED',
  'EXTERNAL_URL_REFUSED',
  'OUTBOX_NOT_EMPTY',
  'UPDATE_NOT_READY',
  'UPDATE_DOWNGRADE_REFUSED',
  'MICROSOFT_NOT_CONFIGURED',
  'MICROSOFT_SCOPE_MISSING',
  'MICROSOFT_SIGN_IN_CANCELLED',
  'MICROSOFT_SIGN_IN_FAILED',
  'MICROSOFT_SIGNED_OUT',
  /** 403 from Graph: the GDAP relationship lacks Directory Readers (or Global Reader). */
  'GRAPH_FORBIDDEN',
  /** Still throttled (429) or unavailable after every retry. */
  'GRAPH_THROTTLED',
  'GRAPH_READ_FAILED',
  'GRAPH_READ_CANCELLED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * A connector's error behind a host failure (a Graph read of a customer's tenant that failed): its
 * code and parameters, for the renderer to word (renderer/words/connectorErrors).
 */
export const ConnectorErrorDetail = z.object({ code: z.string().max(40), params: ConnectorParams }).strict();
export type ConnectorErrorDetail = z.infer<typeof ConnectorErrorDetail>;

export const HostErrorShape = z.object({ code: ErrorCode, message: z.string(), detail: ConnectorErrorDetail.optional() }).strict();
export type HostErrorShape = z.infer<typeof HostErrorShape>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: HostErrorShape };

type MethodOf<C extends Channel> = (typeof contract)[C]['method'];
type EventMethodOf<E extends EventName> = (typeof events)[E]['method'];

/** What the renderer programs against: a rejected promise carries a HostError. */
export type HostApi = {
  [C in Channel as MethodOf<C>]: (args: Args<C>) => Promise<Result<C>>;
} & {
  [E in EventName as EventMethodOf<E>]: (listener: (payload: Payload<E>) => void) => () => void;
};

/** What the preload puts on `window.host`: the same functions, answering Replies instead of throwing. */
export type BridgeApi = {
  [C in Channel as MethodOf<C>]: (args: Args<C>) => Promise<Reply<Result<C>>>;
} & {
  [E in EventName as EventMethodOf<E>]: (listener: (payload: Payload<E>) => void) => () => void;
};

export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The connector's error it stands for, when there is one: the renderer words it. */
    readonly detail?: ConnectorErrorDetail,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

/** Every function name the preload must expose, invokes first, then event subscriptions. */
export const bridgeMethods: readonly string[] = [
  ...channels.map((c) => contract[c].method),
  ...eventNames.map((e) => events[e].method),
];

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, detail?: ConnectorErrorDetail): Reply<never> {
  return { ok: false, error: { code, message, ...(detail ? { detail } : {}) } };
}

/** Turns the first zod issue into one sentence naming the field, for error messages shown to people. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'input';
  return `${path}: ${issue.message}`;
}
