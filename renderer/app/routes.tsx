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
import type { Translate } from '../ui/language';
import type { View } from '../ui/viewStore';

export type Route = {
  view: View;
  /** The page's name, in the navigation and as its heading (a literal key: eslint/i18nKeys.js). */
  label: (t: Translate) => string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  Page: ComponentType;
};

export const routes: readonly Route[] = [
  { view: 'dashboard', label: (t) => t('nav.dashboard'), icon: Board24Regular, Page: DashboardPage },
  { view: 'customers', label: (t) => t('nav.customers'), icon: People24Regular, Page: CustomersPage },
  { view: 'invite', label: (t) => t('nav.invite'), icon: Mail24Regular, Page: InvitePage },
  { view: 'offer-matching', label: (t) => t('nav.offerMatching'), icon: ArrowSwap24Regular, Page: OfferMatchingPage },
  { view: 'license-check', label: (t) => t('nav.licenseCheck'), icon: DocumentCheckmark24Regular, Page: LicenseCheckPage },
  { view: 'review-sync', label: (t) => t('nav.reviewSync'), icon: ArrowSync24Regular, Page: ReviewSyncPage },
  { view: 'settings', label: (t) => t('nav.settings'), icon: Settings24Regular, Page: SettingsPage },
];
