// The look every page shares: a column of card-like sections, each with a small heading.
import { tokens, type GriffelStyle } from '@fluentui/react-components';

export const pageStyle: GriffelStyle = { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' };

export const sectionStyle: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
  padding: tokens.spacingHorizontalL,
  borderRadius: tokens.borderRadiusLarge,
  backgroundColor: tokens.colorNeutralBackground1,
  boxShadow: tokens.shadow2,
};

export const sectionTitleStyle: GriffelStyle = { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold };

/** A bordered card inside a section: a plan line, a GDAP role group. */
export const cardStyle: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  padding: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};
