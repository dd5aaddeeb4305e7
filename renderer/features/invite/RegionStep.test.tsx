// @vitest-environment jsdom
// The region step stops before any customer when the partner profile cannot be checked: it says
// why, links to Settings, and goes back.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PartnerProfile } from '../../../shared/workspace/tables';
import { renderInApp } from '../../../test/support/components';
import { customerRow } from '../../../test/support/workspaceRows';
import { RegionStep } from './RegionStep';

const profile = (over: Partial<PartnerProfile>): PartnerProfile => ({
  id: 'partner',
  name: 'Fabrikam CSP',
  partnerTenantId: '3b33e682-00c3-41ee-9dd2-a548adf56438',
  country: 'JP',
  relationshipLink: '',
  ...over,
});

afterEach(cleanup);

describe('the region step, before any customer', () => {
  it.each([
    ['no partner profile', null, /Your partner profile has no country or no partner tenant id\./],
    ['no partner tenant id', profile({ partnerTenantId: '' }), /Your partner profile has no country or no partner tenant id\./],
    ['a country that is no CSP market', profile({ country: 'ZZ' }), /The country of your partner profile \(ZZ\) is not in Microsoft's list of CSP markets/],
  ])('with %s: says why, links to Settings and goes back', (_case, partner, why) => {
    const onBack = vi.fn();
    const onNext = vi.fn();
    renderInApp(<RegionStep partner={partner} customers={[customerRow()]} onBack={onBack} onNext={onNext} />);
    expect(screen.getByText(why)).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe('#/settings');
    expect(screen.queryByText('Contoso')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onNext).not.toHaveBeenCalled();
  });
});
