import { Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CloudCheckmark20Regular, CloudOff20Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from './environment';
import { routes } from './routes';
import { hashOf, useViewStore } from '../ui/viewStore';
import { StorageAlert } from './StorageAlert';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: '240px 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skipLink: {
    position: 'absolute',
    left: '-10000px',
    top: tokens.spacingVerticalS,
    zIndex: 10,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { left: tokens.spacingHorizontalS },
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  productName: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  connection: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  online: { color: tokens.colorPaletteGreenForeground1 },
  offline: { color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  nav: {
    gridArea: 'nav',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  navList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  navLink: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  navLinkCurrent: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
  },
  main: { gridArea: 'main', overflowY: 'auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}` },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalL}`,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    ':focus': { outlineStyle: 'none' },
  },
});

export function Layout() {
  const { t } = useTranslation();
  const styles = useStyles();
  const online = useOnline();
  const view = useViewStore((s) => s.view);
  const current = routes.find((r) => r.view === view) ?? routes[0]!;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstView = useRef(view);
  const title = current.label(t);

  // After a change of page, focus its heading so keyboard and screen-reader users land on it.
  // Not at start-up: the page should not grab focus before anyone has done anything.
  useEffect(() => {
    if (firstView.current === view) return;
    firstView.current = view;
    headingRef.current?.focus();
  }, [view]);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  const Page = current.Page;
  return (
    <div className={styles.shell}>
      <a className={styles.skipLink} href="#main-content" onClick={(e) => {
        e.preventDefault();
        headingRef.current?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <header className={styles.header}>
        <Text as="span" className={styles.productName}>
          {t('app.name')}
        </Text>
        <span
          role="status"
          className={mergeClasses(styles.connection, online ? styles.online : styles.offline)}
          title={online ? undefined : t('connection.offlineHint')}
          data-testid="connection-status"
        >
          {online ? <CloudCheckmark20Regular aria-hidden /> : <CloudOff20Regular aria-hidden />}
          {online ? t('connection.online') : t('connection.offline')}
        </span>
      </header>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <ul className={styles.navList}>
          {routes.map((route) => {
            const Icon = route.icon;
            const isCurrent = route.view === view;
            return (
              <li key={route.view}>
                <a
                  href={hashOf(route.view)}
                  className={mergeClasses(styles.navLink, isCurrent && styles.navLinkCurrent)}
                  aria-current={isCurrent ? 'page' : undefined}
                >
                  <Icon aria-hidden />
                  {route.label(t)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main className={styles.main} id="main-content" aria-labelledby="page-heading">
        <h1 id="page-heading" className={styles.heading} tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        <StorageAlert />
        <Page />
      </main>
    </div>
  );
}
