// Styles the case file's sections share (the page look itself comes from app/layoutStyles).
import { makeStyles, tokens } from '@fluentui/react-components';
import { pageStyle, sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';

export const useCaseFileStyles = makeStyles({
  page: { ...pageStyle, maxWidth: '1100px' },
  section: sectionStyle,
  title: sectionTitleStyle,
  subTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    '& th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
