// Preferences, read and written through the HostApi (electron-store in the desktop app,
// localStorage in a browser), plus what the host reports about itself.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BackendUrl,
  HostError,
  Language,
  Theme,
  type AppInfo,
  type SecretStorageStatus,
  type SettingsPatch,
  type UpdaterState,
} from '../../../shared/ipc/contract';
import { useSettings } from '../../ui/SettingsProvider';
import { resolveLanguage, systemLanguages } from '../../ui/language';
import { useHost } from '../../host/HostProvider';
import { PartnerProfileSection } from './PartnerProfileSection';
import { WorkspaceDataSection } from './WorkspaceDataSection';
import { CatalogSection } from './CatalogSection';
import { MicrosoftSection } from './MicrosoftSection';
import { sectionStyle } from '../../ui/layoutStyles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  section: sectionStyle,
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  backendRow: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  backendField: { flexGrow: 1, minWidth: '280px' },
  backendButton: { marginTop: '26px' },
  updaterRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  about: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
});

function messageOf(error: unknown): string {
  return error instanceof HostError || error instanceof Error ? error.message : String(error);
}

function useUpdaterText(state: UpdaterState | null, host: AppInfo['host'] | undefined): { text: string; detail: string | null } {
  const { t } = useTranslation();
  if (state === null) return { text: '', detail: null };
  switch (state.status) {
    case 'unsupported':
      return { text: t('settings.updates.state.unsupported'), detail: host === 'web' ? t('settings.updates.webReason') : state.reason };
    case 'idle':
      return { text: t('settings.updates.state.idle'), detail: null };
    case 'checking':
      return { text: t('settings.updates.state.checking'), detail: null };
    case 'up-to-date':
      return { text: t('settings.updates.state.upToDate', { version: state.version }), detail: null };
    case 'available':
      return { text: t('settings.updates.state.available', { version: state.version }), detail: null };
    case 'downloading':
      return { text: t('settings.updates.state.downloading', { version: state.version, percent: Math.round(state.percent) }), detail: null };
    case 'downloaded':
      return { text: t('settings.updates.state.downloaded', { version: state.version }), detail: null };
    case 'error':
      return { text: t('settings.updates.state.error', { message: state.message }), detail: null };
  }
}

export function SettingsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const { settings, update, loadError } = useSettings();
  const systemLanguage = resolveLanguage('system', systemLanguages());
  const ids = { general: useId(), backend: useId(), updates: useId(), secrets: useId(), about: useId(), updaterText: useId() };

  const [info, setInfo] = useState<AppInfo | null>(null);
  const [secrets, setSecrets] = useState<SecretStorageStatus | null>(null);
  const [updater, setUpdater] = useState<UpdaterState | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [backendDraft, setBackendDraft] = useState(settings.backendUrl);
  const [backendError, setBackendError] = useState<string | null>(null);
  const [backendSaved, setBackendSaved] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const report = (error: unknown) => live && setSaveError(messageOf(error));
    host.appInfo({}).then((v) => live && setInfo(v), report);
    host.updaterState({}).then((v) => live && setUpdater(v), report);
    const off = host.onUpdaterState((state) => setUpdater(state));
    return () => {
      live = false;
      off();
    };
  }, [host]);

  // The status depends on the user's choice about unencrypted storage, so it is read again after it changes.
  useEffect(() => {
    let live = true;
    host.secretStorageStatus({}).then(
      (v) => live && setSecrets(v),
      (error: unknown) => live && setSaveError(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [host, settings.allowInsecureSecretStorage]);

  const save = async (patch: SettingsPatch) => {
    setSaveError(null);
    try {
      await update(patch);
      return true;
    } catch (error) {
      setSaveError(messageOf(error));
      return false;
    }
  };

  const saveBackend = async (event: FormEvent) => {
    event.preventDefault();
    setBackendSaved(null);
    const value = backendDraft.trim();
    if (!BackendUrl.safeParse(value).success) {
      setBackendError(t('settings.backend.invalid'));
      return;
    }
    setBackendError(null);
    if (await save({ backendUrl: value })) {
      setBackendDraft(value);
      setBackendSaved(value === '' ? t('settings.backend.savedEmpty') : t('settings.saved'));
    }
  };

  const checkForUpdates = async () => {
    try {
      setUpdater(await host.checkForUpdates({}));
    } catch (error) {
      setUpdater({ status: 'error', message: messageOf(error) });
    }
  };

  const updaterText = useUpdaterText(updater, info?.host);
  const cannotCheck = updater === null || updater.status === 'unsupported' || updater.status === 'checking' || updater.status === 'downloading';

  return (
    <div className={styles.page}>
      {loadError !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('settings.loadFailed', { message: loadError })}</MessageBarBody>
        </MessageBar>
      )}
      {saveError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('settings.saveFailed', { message: saveError })}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={ids.general}>
        <h2 id={ids.general} className={styles.sectionTitle}>
          {t('settings.general.title')}
        </h2>
        <Field label={t('settings.language.label')}>
          <Select
            value={settings.language}
            onChange={(_, data) => {
              const language = Language.safeParse(data.value);
              if (language.success) void save({ language: language.data });
            }}
          >
            {Language.options.map((language) => (
              <option key={language} value={language} lang={language === 'system' ? undefined : language}>
                {language === 'system'
                  ? t('settings.language.system', { language: systemLanguage === 'ja' ? t('settings.language.ja') : t('settings.language.en') })
                  : t(language === 'ja' ? 'settings.language.ja' : 'settings.language.en')}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('settings.theme.label')}>
          <RadioGroup
            layout="horizontal"
            value={settings.theme}
            onChange={(_, data) => {
              const theme = Theme.safeParse(data.value);
              if (theme.success) void save({ theme: theme.data });
            }}
          >
            {Theme.options.map((theme) => (
              <Radio key={theme} value={theme} label={t(theme === 'light' ? 'settings.theme.light' : theme === 'dark' ? 'settings.theme.dark' : 'settings.theme.system')} />
            ))}
          </RadioGroup>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby={ids.backend}>
        <h2 id={ids.backend} className={styles.sectionTitle}>
          {t('settings.backend.title')}
        </h2>
        <form className={styles.backendRow} onSubmit={(e) => void saveBackend(e)} noValidate>
          <Field
            className={styles.backendField}
            label={t('settings.backend.label')}
            hint={t('settings.backend.hint')}
            validationState={backendError !== null ? 'error' : backendSaved !== null ? 'success' : 'none'}
            validationMessage={backendError ?? backendSaved ?? undefined}
          >
            <Input
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={backendDraft}
              placeholder="https://sync.contoso.com"
              onChange={(_, data) => {
                setBackendDraft(data.value);
                setBackendSaved(null);
              }}
            />
          </Field>
          <Button className={styles.backendButton} type="submit" appearance="primary">
            {t('settings.backend.save')}
          </Button>
        </form>
      </section>

      <section className={styles.section} aria-labelledby={ids.updates}>
        <h2 id={ids.updates} className={styles.sectionTitle}>
          {t('settings.updates.title')}
        </h2>
        <Switch
          checked={settings.checkForUpdatesOnStart}
          label={t('settings.updates.checkOnStart')}
          onChange={(_, data) => void save({ checkForUpdatesOnStart: data.checked })}
        />
        <div className={styles.updaterRow}>
          <Button disabledFocusable={cannotCheck} aria-describedby={ids.updaterText} onClick={() => void checkForUpdates()}>
            {t('settings.updates.check')}
          </Button>
          <div id={ids.updaterText} role="status">
            <Text block>{updaterText.text}</Text>
            {updaterText.detail !== null && (
              <Text block size={200} className={styles.muted}>
                {updaterText.detail}
              </Text>
            )}
          </div>
        </div>
      </section>

      <section className={styles.section} aria-labelledby={ids.secrets}>
        <h2 id={ids.secrets} className={styles.sectionTitle}>
          {t('settings.secrets.title')}
        </h2>
        {secrets !== null && (
          <>
            <Text block data-testid="secret-storage-status">
              {secrets.state === 'encrypted'
                ? t('settings.secrets.encrypted', { backend: secrets.backend })
                : secrets.state === 'plaintext-only'
                  ? t('settings.secrets.plaintextOnly', { backend: secrets.backend })
                  : t('settings.secrets.unavailable')}
            </Text>
            {secrets.state === 'plaintext-only' && (
              <Switch
                checked={settings.allowInsecureSecretStorage}
                label={t('settings.secrets.allowInsecure')}
                onChange={(_, data) => void save({ allowInsecureSecretStorage: data.checked })}
              />
            )}
          </>
        )}
      </section>

      <MicrosoftSection />
      <PartnerProfileSection />
      <CatalogSection />
      <WorkspaceDataSection />
      <section className={styles.section} aria-labelledby={ids.about}>
        <h2 id={ids.about} className={styles.sectionTitle}>
          {t('settings.about.title')}
        </h2>
        {info !== null && (
          <dl className={styles.about}>
            <dt className={styles.term}>{t('settings.about.version')}</dt>
            <dd className={styles.definition} data-testid="app-version">
              {info.version}
            </dd>
            <dt className={styles.term}>{t('settings.about.host')}</dt>
            <dd className={styles.definition}>{info.host === 'web' ? t('settings.about.hostWeb') : t('settings.about.hostElectron')}</dd>
            <dt className={styles.term}>{t('settings.about.platform')}</dt>
            <dd className={styles.definition}>{info.arch === 'unknown' ? info.platform : `${info.platform} (${info.arch})`}</dd>
            <dt className={styles.term}>{t('settings.about.locale')}</dt>
            <dd className={styles.definition}>{info.locale}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
