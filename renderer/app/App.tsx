import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { HostApi } from '../../shared/ipc/contract';
import { HostProvider } from '../host/HostProvider';
import { useResolvedTheme } from './environment';
import { createI18n, resolveLanguage } from './i18n';
import { Layout } from './Layout';
import { SettingsProvider, useSettings } from './SettingsProvider';

function Shell() {
  const { settings } = useSettings();
  const language = resolveLanguage(settings.language, navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
  // One i18n instance for the app's life; created in the right language so the first paint is too.
  const [i18n] = useState(() => createI18n(language));
  const theme = useResolvedTheme(settings.theme);

  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  useEffect(() => {
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
        <Layout />
      </FluentProvider>
    </I18nextProvider>
  );
}

export function App({ host }: { host: HostApi }) {
  return (
    <HostProvider host={host}>
      <SettingsProvider fallback={null}>
        <Shell />
      </SettingsProvider>
    </HostProvider>
  );
}
