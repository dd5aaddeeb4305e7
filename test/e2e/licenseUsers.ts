// A users export in Graph's own shape for the license check: the Graph users sample holds none of
// the SKUs of the subscribedSkus sample, so this one is written here. Three users on Office 365 E5:
// one plain, one with an apostrophe and disabled plans, one licensed through a group.
import { CRM, DEFENDER_P2, E3, E5, EXCHANGE_P2, FORMS_E5, GROUP } from '../support/licenseIds';

export { CRM, DEFENDER_P2, E3, E5, EXCHANGE_P2, FORMS_E5, GROUP };
export const FORMS_E3 = '2789c901-c14e-48ab-a76a-be334d9d793a';
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

