// The wizard's look, shared by its steps.
import { makeStyles, tokens } from '@fluentui/react-components';
import { pageStyle, sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';

const cell = { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } as const;

export const useWizardStyles = makeStyles({
  page: { ...pageStyle, maxWidth: '1200px' },
  section: sectionStyle,
  sectionTitle: sectionTitleStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  steps: { display: 'flex', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0, flexWrap: 'wrap' },
  stepNav: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  summary: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column' },
  figureValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': cell, '& th': { fontWeight: tokens.fontWeightSemibold } },
  numeric: { textAlign: 'right !important' as 'right', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  scroller: { maxHeight: '560px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  stickyHead: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  clamp: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  linkButton: { padding: 0, minWidth: 0, height: 'auto', color: tokens.colorBrandForegroundLink, fontWeight: tokens.fontWeightRegular },
  sortButton: { padding: 0, minWidth: 0, height: 'auto', fontWeight: 'inherit', fontSize: 'inherit' },
  fixed: { tableLayout: 'fixed' },
  breakAll: { wordBreak: 'break-all' },
  checks: { display: 'flex', flexDirection: 'column' },
  stepHeading: { ':focus': { outlineStyle: 'none' } },
  pre: { margin: 0, padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowX: 'auto' },
});
