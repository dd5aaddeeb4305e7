// The Microsoft Entra built-in roles a GDAP admin relationship may ask for, by template id (the
// `roleDefinitionId` of Graph's delegatedAdminRelationship.accessDetails.unifiedRoles). A short list
// of the ones a CSP move needs, least privileged first; Global Administrator last and flagged,
// because Microsoft asks partners to avoid it with GDAP.

import type { Translate } from '../../ui/language';

export interface EntraRole {
  /** The built-in role's template id, as Graph wants it. */
  id: string;
  /** The role's name as Microsoft names it in each language (a literal key: eslint/i18nKeys.js). */
  label: (t: Translate) => string;
  /** Broad enough that the UI warns before asking for it. */
  privileged: boolean;
}

export const ENTRA_ROLES: readonly EntraRole[] = [
  { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', label: (t) => t('invite.roles.directoryReaders'), privileged: false },
  { id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', label: (t) => t('invite.roles.globalReader'), privileged: false },
  { id: '4a5d8f65-41da-4de4-8968-e035b65339cf', label: (t) => t('invite.roles.reportsReader'), privileged: false },
  { id: '4d6ac14f-3453-41d0-bef9-a3e0c569773a', label: (t) => t('invite.roles.licenseAdministrator'), privileged: false },
  { id: 'f023fd81-a637-4b56-95fd-791ac0226033', label: (t) => t('invite.roles.serviceSupportAdministrator'), privileged: false },
  { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', label: (t) => t('invite.roles.helpdeskAdministrator'), privileged: false },
  { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', label: (t) => t('invite.roles.userAdministrator'), privileged: true },
  { id: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', label: (t) => t('invite.roles.groupsAdministrator'), privileged: false },
  { id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', label: (t) => t('invite.roles.billingAdministrator'), privileged: false },
  { id: '29232cdf-9323-42fd-ade2-1d097af3e4de', label: (t) => t('invite.roles.exchangeAdministrator'), privileged: false },
  { id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', label: (t) => t('invite.roles.sharePointAdministrator'), privileged: false },
  { id: '69091246-20e8-4a56-aa4d-066075b2a7a8', label: (t) => t('invite.roles.teamsAdministrator'), privileged: false },
  { id: '3a2c62db-5318-420d-8d74-23affee5d9d5', label: (t) => t('invite.roles.intuneAdministrator'), privileged: false },
  { id: '5d6b6bb7-de71-4623-b4af-96380a352509', label: (t) => t('invite.roles.securityReader'), privileged: false },
  { id: '194ae4cb-b126-40b2-bd5b-6091b380977d', label: (t) => t('invite.roles.securityAdministrator'), privileged: true },
  { id: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', label: (t) => t('invite.roles.authenticationAdministrator'), privileged: true },
  { id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', label: (t) => t('invite.roles.privilegedAuthenticationAdministrator'), privileged: true },
  { id: '62e90394-69f5-4237-9190-012177145e10', label: (t) => t('invite.roles.globalAdministrator'), privileged: true },
];

const byId = new Map(ENTRA_ROLES.map((r) => [r.id, r]));

export function entraRole(id: string): EntraRole | undefined {
  return byId.get(id.toLowerCase());
}
