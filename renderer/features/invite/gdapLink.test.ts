import { describe, expect, it } from 'vitest';
import { checkGdapApprovalLink } from './gdapLink';

const id = '5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836';

describe('the GDAP approval link', () => {
  it("accepts Partner Center's link and reads the relationship id", () => {
    const link = `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id}`;
    expect(checkGdapApprovalLink(`  ${link}\n`)).toEqual({ ok: true, relationshipId: id, link });
    expect(checkGdapApprovalLink(link.replace('AdminPortal', 'Adminportal').toUpperCase().replace('HTTPS://ADMIN.MICROSOFT.COM', 'https://admin.microsoft.com'))).toMatchObject({ ok: true });
  });

  it('says what is wrong with anything else', () => {
    expect(checkGdapApprovalLink('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkGdapApprovalLink('granularAdminRelationships/123')).toEqual({ ok: false, problem: 'not-a-link' });
    expect(checkGdapApprovalLink(`http://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id}`)).toEqual({ ok: false, problem: 'not-admin-center' });
    expect(checkGdapApprovalLink(`https://admin.example.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${id}`)).toEqual({ ok: false, problem: 'not-admin-center' });
    // The reseller relationship link is the other link: not this one.
    expect(
      checkGdapApprovalLink('https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation'),
    ).toEqual({ ok: false, problem: 'not-gdap' });
    expect(checkGdapApprovalLink('https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/not-an-id')).toEqual({ ok: false, problem: 'not-gdap' });
  });
});
