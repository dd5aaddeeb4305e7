// Sign in with Microsoft: the app registration it uses (client id, authority, the team server's
// scope) and who is signed in. Only where the host can sign in with Microsoft (the desktop app):
// the tokens themselves stay in the main process, this screen only ever sees the account. Also the
// roots of Microsoft Graph and Partner Center the connectors call: Microsoft's clouds by default,
// another cloud or a local contract server when a person sets one, with "Reset to Microsoft". Last,
// the tenant connections: the partner's GDAP relationships (TenantConnections).
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MicrosoftAuthority, MicrosoftServiceUrl, OAuthScope, Settings, defaultSettings, type MicrosoftState } from '../../../shared/ipc/contract';
import { useSettings } from '../../ui/SettingsProvider';
import { useHost } from '../../host/HostProvider';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { TenantConnections } from './TenantConnections';

const useStyles = makeStyles({
  section: sectionStyle,
  title: sectionTitleStyle,
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  subTitle: { margin: `${tokens.spacingVerticalM} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

type Form = { clientId: string; authority: string; serverScope: string; graphBaseUrl: string; partnerCenterBaseUrl: string };
type Errors = Partial<Record<keyof Form, string>>;

export function MicrosoftSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const { settings, update } = useSettings();
  const titleId = useId();
  const [state, setState] = useState<MicrosoftState | null>(null);
  const [form, setForm] = useState<Form>({
    clientId: settings.microsoftClientId,
    authority: settings.microsoftAuthority,
    serverScope: settings.microsoftServerScope,
    graphBaseUrl: settings.graphBaseUrl,
    partnerCenterBaseUrl: settings.partnerCenterBaseUrl,
  });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  const reload = useCallback(() => {
    host
      .microsoftAccount({})
      .then(setState)
      .catch(() => setState(null));
  }, [host]);
  useEffect(reload, [reload]);

  if (!state?.available) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const next: Form = {
      clientId: form.clientId.trim(),
      authority: form.authority.trim(),
      serverScope: form.serverScope.trim(),
      graphBaseUrl: form.graphBaseUrl.trim(),
      partnerCenterBaseUrl: form.partnerCenterBaseUrl.trim(),
    };
    const found: Errors = {};
    if (!Settings.shape.microsoftClientId.safeParse(next.clientId).success) found.clientId = t('microsoftSignIn.invalidClientId');
    if (!MicrosoftAuthority.safeParse(next.authority).success) found.authority = t('microsoftSignIn.invalidAuthority');
    if (next.serverScope !== '' && !OAuthScope.safeParse(next.serverScope).success) found.serverScope = t('microsoftSignIn.invalidScope');
    if (!MicrosoftServiceUrl.safeParse(next.graphBaseUrl).success) found.graphBaseUrl = t('microsoftSignIn.addresses.invalidGraph');
    if (!MicrosoftServiceUrl.safeParse(next.partnerCenterBaseUrl).success) found.partnerCenterBaseUrl = t('microsoftSignIn.addresses.invalidPartnerCenter');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await update({
        microsoftClientId: next.clientId,
        microsoftAuthority: next.authority,
        microsoftServerScope: next.serverScope,
        graphBaseUrl: next.graphBaseUrl,
        partnerCenterBaseUrl: next.partnerCenterBaseUrl,
      });
      setForm(next);
      setMessage({ intent: 'success', text: t('settings.saved') });
      reload();
    } catch (error) {
      setMessage({ intent: 'error', text: t('settings.saveFailed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  // Back to Microsoft's own clouds at once (a test server or another cloud set before is dropped).
  const resetAddresses = async () => {
    setMessage(null);
    const addresses = { graphBaseUrl: defaultSettings.graphBaseUrl, partnerCenterBaseUrl: defaultSettings.partnerCenterBaseUrl };
    try {
      await update(addresses);
      setForm((f) => ({ ...f, ...addresses }));
      setErrors((e) => ({ ...e, graphBaseUrl: undefined, partnerCenterBaseUrl: undefined }));
      setMessage({ intent: 'success', text: t('microsoftSignIn.addresses.resetDone') });
    } catch (error) {
      setMessage({ intent: 'error', text: t('settings.saveFailed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const signOut = async () => {
    await host.microsoftSignOut({}).catch(() => undefined);
    reload();
  };

  const field = (key: keyof Form, label: string, hint: string, placeholder: string) => (
    <Field label={label} hint={hint} validationState={errors[key] ? 'error' : 'none'} validationMessage={errors[key]}>
      <Input
        value={form[key]}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        onChange={(_, d) => {
          setForm((f) => ({ ...f, [key]: d.value }));
          setMessage(null);
        }}
      />
    </Field>
  );

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {t('microsoftSignIn.title')}
      </h2>
      <div className={styles.actions}>
        <Text data-testid="microsoft-account">
          {state.account
            ? t('microsoftSignIn.signedInAs', { name: state.account.name, username: state.account.username, tenant: state.account.tenantId })
            : state.configured
              ? t('microsoftSignIn.signedOut')
              : t('microsoftSignIn.notConfigured')}
        </Text>
        {state.account && <Button onClick={() => void signOut()}>{t('microsoftSignIn.signOut')}</Button>}
      </div>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className={styles.grid}>
          {field('clientId', t('microsoftSignIn.clientId'), t('microsoftSignIn.clientIdHint'), '00000000-0000-0000-0000-000000000000')}
          {field('authority', t('microsoftSignIn.authority'), t('microsoftSignIn.authorityHint'), 'https://login.microsoftonline.com/organizations')}
          {field('serverScope', t('microsoftSignIn.serverScope'), t('microsoftSignIn.serverScopeHint'), 'api://…/access_as_user')}
        </div>
        <h3 className={styles.subTitle}>{t('microsoftSignIn.addresses.title')}</h3>
        <Text size={200}>{t('microsoftSignIn.addresses.hint')}</Text>
        <div className={styles.grid}>
          {field('graphBaseUrl', t('microsoftSignIn.addresses.graph'), t('microsoftSignIn.addresses.graphHint'), defaultSettings.graphBaseUrl)}
          {field('partnerCenterBaseUrl', t('microsoftSignIn.addresses.partnerCenter'), t('microsoftSignIn.addresses.partnerCenterHint'), defaultSettings.partnerCenterBaseUrl)}
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">
            {t('microsoftSignIn.save')}
          </Button>
          <Button type="button" onClick={() => void resetAddresses()}>
            {t('microsoftSignIn.addresses.reset')}
          </Button>
        </div>
      </form>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      <TenantConnections state={state} />
    </section>
  );
}
