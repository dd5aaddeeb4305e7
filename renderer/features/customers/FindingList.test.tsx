// @vitest-environment jsdom
// Each finding in the UI language (worded by findingText where it is shown), with a "Why?": the
// rule, the day it took effect and its source.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareCatalog } from '../../../shared/domain/catalog';
import { planTenant } from '../../../shared/domain/plan';
import { licensingData, OTHER_PARTNER, PARTNER, subscription, tenantOf } from '../../../test/support/licensing';
import { createI18n } from '../../app/i18n';
import { FindingList } from './FindingList';

const catalog = prepareCatalog(licensingData());
const inv = tenantOf([subscription('a1', 'O365_BUSINESS_PREMIUM', { ownerTenantId: OTHER_PARTNER, nextLifecycleDateTime: '2027-03-31T00:00:00Z' })]);

function renderFindings(lang: 'en' | 'ja') {
  const plan = planTenant(inv, catalog, { partnerTenantId: PARTNER, partnerCountry: 'DE', asOf: '2026-12-06', agreementAcceptedOn: '2026-01-01' });
  const est = plan.findings.filter((f) => f.code === 'END_OF_TERM_EST');
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <FindingList findings={est} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('FindingList', () => {
  it('shows why: rule id, since when, the source and a link to it', () => {
    const { container } = renderFindings('en');
    const details = container.querySelector('details[data-rule="extended-service-term"]')!;
    expect(details).not.toBeNull();
    expect(screen.getByText('Why?')).toBeTruthy();
    expect(details.textContent).toContain('Rule extended-service-term, in force since 2026-05-04');
    expect(details.textContent).toContain('Source: Partner Center, "Extended service terms (EST)"');
    const link = screen.getByRole('link', { name: 'Open the source', hidden: true });
    expect(link.getAttribute('href')).toBe('https://learn.microsoft.com/en-us/partner-center/customers/extended-service-terms');
    // The finding itself is worded where it is shown, in the UI language (the plan has no words).
    expect(container.textContent).toContain('cancel at end of term');
  });

  it('in Japanese', () => {
    const { container } = renderFindings('ja');
    expect(screen.getByText('根拠')).toBeTruthy();
    expect(container.querySelector('details')!.textContent).toContain('ルール extended-service-term (2026-05-04 から適用)');
    expect(container.textContent).toContain('「期間終了時に取り消し」');
  });
});
