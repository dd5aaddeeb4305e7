import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdapDuration, parseResellerInvitationLink, resellerInvitationLink } from './invitation';

const fixtures = resolve(import.meta.dirname, '../../../shared/fixtures');
const partnerCenterLink = (
  JSON.parse(readFileSync(resolve(fixtures, 'partner-center/relationshiprequest.get.response.json'), 'utf8')) as { url: string }
).url;

describe('reseller relationship invitation link', () => {
  it("builds exactly Partner Center's link for the same partner", () => {
    const parsed = parseResellerInvitationLink(partnerCenterLink);
    expect(parsed).toEqual({ partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', legacyDap: false });
    expect(resellerInvitationLink({ partnerTenantId: '3B33E682-00C3-41EE-9DD2-A548ADF56438', legacyDap: false })).toBe(
      partnerCenterLink,
    );
  });

  it('asks for legacy delegated admin only when told to', () => {
    const link = resellerInvitationLink({ partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438', legacyDap: true });
    expect(link).toContain('DAP=true');
    expect(parseResellerInvitationLink(link)?.legacyDap).toBe(true);
  });

  it('refuses a partner id that is not a GUID, and links that are not reseller requests', () => {
    expect(() => resellerInvitationLink({ partnerTenantId: 'contoso', legacyDap: false })).toThrow(/not a GUID/);
    expect(parseResellerInvitationLink('https://evil.example/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438')).toBeNull();
    expect(parseResellerInvitationLink('not a link')).toBeNull();
    expect(parseResellerInvitationLink(partnerCenterLink.replace('ResellerRelationship', 'Other'))).toBeNull();
  });

  it('writes GDAP durations as Graph wants them, within two years', () => {
    expect(gdapDuration(730)).toBe('P730D');
    expect(() => gdapDuration(731)).toThrow(/1 to 730/);
    expect(() => gdapDuration(0)).toThrow();
  });
});
