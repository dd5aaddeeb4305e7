import { FluentProvider, webDarkTheme, webLightTheme, type Theme as FluentTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { HostApi } from '../../shared/ipc/contract';
import { HostProvider } from '../host/HostProvider';
import { useResolvedTheme } from './environment';
import { createI18n, resolveLanguage, systemLanguages, type UiLanguage } from './i18n';
import { Layout } from './Layout';
import { SettingsProvider, useSettings } from '../ui/SettingsProvider';
import { SyncProvider } from './SyncProvider';

/**
 * Fluent's font stack names no Japanese font. Windows and macOS fall back on their own, but not
 * always to their UI fonts (and Linux may find none): name them, Latin text stays in Segoe UI.
 */
const japaneseFontFamily =
  "'Segoe UI', 'Yu Gothic UI', 'Meiryo UI', Meiryo, 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Noto Sans CJK JP', 'IPAPGothic', sans-serif";

function fluentTheme(theme: 'light' | 'dark', language: UiLanguage): FluentTheme {
  const base = theme === 'dark' ? webDarkTheme : webLightTheme;
  return language === 'ja' ? { ...base, fontFamilyBase: japaneseFontFamily } : base;
}

function Shell() {
  const { settings } = useSettings();
  const language = resolveLanguage(settings.language, systemLanguages());
  // One i18n instance for the app's life; created in the right language so the first paint is too.
  const [i18n] = useState(() => createI18n(language));
  const theme = useResolvedTheme(settings.theme);
  const fluent = useMemo(() => fluentTheme(theme, language), [theme, language]);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={fluent} data-theme={theme}>
        <Layout />
      </FluentProvider>
    </I18nextProvider>
  );
}

export function App({ host }: { host: HostApi }) {
  return (
    <HostProvider host={host}>
      <SettingsProvider fallback={null}>
        <SyncProvider>
          <Shell />
        </SyncProvider>
      </SettingsProvider>
    </HostProvider>
  );
}
