// Microsoft's ids of the products and service plans the license check's tests move (from the
// licensing CSV), and the group that licenses a user in them: one home for the unit tests' move
// (licenseMove) and the e2e users export (test/e2e/licenseUsers).
export const E5 = 'c7df2760-2c81-4ef7-b578-5b5392b571df';
export const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
export const CRM = 'd17b27af-3f49-4822-99f9-56a661538792';
export const EXCHANGE_P2 = 'efb87545-963c-4e0d-99df-69c6916d9eb0';
export const FORMS_E5 = 'e212cbc7-0961-4c40-9825-01117710dcb1';
export const DEFENDER_P2 = '8e0c0a52-6a6c-4d40-8370-dd62790dcd70';
export const GROUP = '0b8a2e4c-1111-4c2a-9e1e-5e0a1e2d3c4b';
