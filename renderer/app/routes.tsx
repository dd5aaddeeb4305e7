import {
  ArrowSwap24Regular,
  ArrowSync24Regular,
  Board24Regular,
  DocumentCheckmark24Regular,
  Mail24Regular,
  People24Regular,
  Settings24Regular,
} from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import { CustomersPage } from '../features/customers/CustomersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InvitePage } from '../features/invite/InvitePage';
import { LicenseCheckPage } from '../features/license-check/LicenseCheckPage';
import { OfferMatchingPage } from '../features/offer-matching/OfferMatchingPage';
import { ReviewSyncPage } from '../features/review-sync/ReviewSyncPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { View } from '../ui/viewStore';

export type Route = {
  view: View;
  /** i18n key of the page's name, in the navigation and as its heading. */
  labelKey: string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  Page: ComponentType;
};

export const routes: readonly Route[] = [
  { view: 'dashboard', labelKey: 'nav.dashboard', icon: Board24Regular, Page: DashboardPage },
  { view: 'customers', labelKey: 'nav.customers', icon: People24Regular, Page: CustomersPage },
  { view: 'invite', labelKey: 'nav.invite', icon: Mail24Regular, Page: InvitePage },
  { view: 'offer-matching', labelKey: 'nav.offerMatching', icon: ArrowSwap24Regular, Page: OfferMatchingPage },
  { view: 'license-check', labelKey: 'nav.licenseCheck', icon: DocumentCheckmark24Regular, Page: LicenseCheckPage },
  { view: 'review-sync', labelKey: 'nav.reviewSync', icon: ArrowSync24Regular, Page: ReviewSyncPage },
  { view: 'settings', labelKey: 'nav.settings', icon: Settings24Regular, Page: SettingsPage },
];
