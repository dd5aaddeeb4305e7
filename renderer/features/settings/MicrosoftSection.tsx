// Sign in with Microsoft: the app registration it uses (client id, authority, the team server's
// scope) and who is signed in. Only where the host can sign in with Microsoft (the desktop app):
// the tokens themselves stay in the main process, this screen only ever sees the account.
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MicrosoftAuthority, OAuthScope, Settings, type MicrosoftState } from '../../../shared/ipc/contract';
import { useSettings } from '../../ui/SettingsProvider';
import { useHost } from '../../host/HostProvider';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';

const useStyles = makeStyles({
  section: sectionStyle,
  title: sectionTitleStyle,
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

type Form = { clientId: string; authority: string; serverScope: string };
type Errors = Partial<Record<keyof Form, string>>;

export function MicrosoftSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const host = useHost();
  const { settings, update } = useSettings();
  const titleId = useId();
  const [state, setState] = useState<MicrosoftState | null>(null);
  const [form, setForm] = useState<Form>({ clientId: settings.microsoftClientId, authority: settings.microsoftAuthority, serverScope: settings.microsoftServerScope });
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
    const next: Form = { clientId: form.clientId.trim(), authority: form.authority.trim(), serverScope: form.serverScope.trim() };
    const found: Errors = {};
    if (!Settings.shape.microsoftClientId.safeParse(next.clientId).success) found.clientId = t('microsoftSignIn.invalidClientId');
    if (!MicrosoftAuthority.safeParse(next.authority).success) found.authority = t('microsoftSignIn.invalidAuthority');
    if (next.serverScope !== '' && !OAuthScope.safeParse(next.serverScope).success) found.serverScope = t('microsoftSignIn.invalidScope');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await update({ microsoftClientId: next.clientId, microsoftAuthority: next.authority, microsoftServerScope: next.serverScope });
      setForm(next);
      setMessage({ intent: 'success', text: t('settings.saved') });
      reload();
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
        <div className={styles.actions}>
          <Button type="submit" appearance="primary">
            {t('microsoftSignIn.save')}
          </Button>
        </div>
      </form>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
