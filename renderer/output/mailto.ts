// An email handed to the person's mail client (the invitation, the note to the current partner).

export interface Email {
  subject: string;
  body: string;
}

/** The host opens at most 8,192 characters (shared/ipc/contract.ts ExternalUrl). */
export const MAX_MAILTO_LENGTH = 8192;

/**
 * A mailto: link for the mail client, or null when it would be too long to open (a Japanese body
 * grows ninefold when percent-encoded): the user copies the email instead.
 */
export function mailtoLink(recipients: readonly string[], email: Email): string | null {
  const to = recipients.map((r) => encodeURIComponent(r.trim())).filter((r) => r !== '').join(',');
  // Mail clients expect CRLF line breaks in a mailto body (RFC 6068, section 5).
  const body = email.body.replace(/\r?\n/g, '\r\n');
  const url = `mailto:${to}?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(body)}`;
  return url.length <= MAX_MAILTO_LENGTH ? url : null;
}
