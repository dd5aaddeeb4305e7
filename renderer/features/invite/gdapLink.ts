// The GDAP approval link Partner Center gives once an admin relationship is locked for approval:
// https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}
// (Graph "GDAP API overview"). The id is the relationship's: in Partner Center two GUIDs joined by '-'.

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const FRAGMENT = new RegExp(`^#/partners/invitation/granularAdminRelationships/(${GUID}(?:-${GUID})?)/?$`, 'i');

export type GdapLinkCheck =
  | { ok: true; relationshipId: string; link: string }
  | { ok: false; problem: 'empty' | 'not-a-link' | 'not-admin-center' | 'not-gdap' };

/** Checks a pasted approval link and answers it trimmed, or why it is not one. */
export function checkGdapApprovalLink(raw: string): GdapLinkCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-link' };
  }
  if (url.protocol !== 'https:' || url.hostname.toLowerCase() !== 'admin.microsoft.com') return { ok: false, problem: 'not-admin-center' };
  const match = FRAGMENT.exec(url.hash);
  if (!match || url.pathname.toLowerCase() !== '/adminportal/home') return { ok: false, problem: 'not-gdap' };
  return { ok: true, relationshipId: match[1]!.toLowerCase(), link: text };
}
