// A users export in Graph's own shape for the license check: the Graph users sample holds none of
// the SKUs of the subscribedSkus sample, so this one is written here. Three users on Office 365 E5:
// one plain, one with an apostrophe and disabled plans, one licensed through a group.
export const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
export const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
export const CRM = 'd17b27af-3f49-4822-99f9-56a661538792';
export const EXCHANGE_P2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
export const FORMS_E5 = 'e212cbc7-0961-4c40-9825-01117710dcb1';
export const FORMS_E3 = '2789c901-c14e-48ab-a76a-be334d9d793a';
export const DEFENDER_P2 = '8e0c0a52-6a6c-4d40-8370-dd62790dcd70';
export const GROUP = '0b8a2e4c-1111-4c2a-9e1e-5e0a1e2d3c4b';
export const ALICE = '5e1c1c1e-0000-4000-8000-000000000001';
export const OBRIEN = '5e1c1c1e-0000-4000-8000-000000000002';
export const GRACE = '5e1c1c1e-0000-4000-8000-000000000003';

export const state = (skuId: string, disabledPlans: string[] = [], assignedByGroup: string | null = null) => ({ skuId, disabledPlans, assignedByGroup, state: 'Active', error: 'None' });
export const usersExport = JSON.stringify({
  value: [
    { id: ALICE, userPrincipalName: 'alice@contoso.com', assignedLicenses: [{ skuId: E5, disabledPlans: [] }, { skuId: CRM, disabledPlans: [] }], licenseAssignmentStates: [state(E5), state(CRM)] },
    {
      id: OBRIEN,
      userPrincipalName: "o'brien@contoso.com",
      assignedLicenses: [{ skuId: E5, disabledPlans: [EXCHANGE_P2, FORMS_E5, DEFENDER_P2] }],
      licenseAssignmentStates: [state(E5, [EXCHANGE_P2, FORMS_E5, DEFENDER_P2])],
    },
    { id: GRACE, userPrincipalName: 'grace@contoso.com', assignedLicenses: [{ skuId: E5, disabledPlans: [] }], licenseAssignmentStates: [state(E5, [], GROUP)] },
  ],
});

