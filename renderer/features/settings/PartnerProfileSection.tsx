// The partner profile the whole team shares (synced workspace data, changed through the
// `partner.update` mutator): your partner tenant id and country decide the invitation link and the
// region check.
import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseResellerInvitationLink } from '../../../shared/domain/invitation';
import { CountryCode, Guid } from '../../../shared/workspace/tables';
import { PermissionNote, usePermission } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';
import { useSync } from '../../workspace/SyncContext';
import { sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { useHost } from '../../host/HostProvider';
import { useMicrosoftState } from '../../host/useMicrosoftState';
import { refusalText } from '../../words/refusalText';
import { partnerCenterErrorText } from '../../words/connectorErrors';

const useStyles = makeStyles({
  section: sectionStyle,
  title: sectionTitleStyle,
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

type Form = { name: string; partnerTenantId: string; country: string; relationshipLink: string };
type Errors = Partial<Record<keyof Form, string>>;

export function PartnerProfileSection() {
  const stored = useLiveQuery(() => workspaceDb().partner.get('partner'), []);
  const initial: Form = stored
    ? { name: stored.name, partnerTenantId: stored.partnerTenantId, country: stored.country, relationshipLink: stored.relationshipLink }
    : { name: '', partnerTenantId: '', country: '', relationshipLink: '' };
  const [message, setMessage] = useState<Message>(null);
  // A change that arrives from the team (or a save) starts the form again from the stored profile.
  return <PartnerProfileForm key={JSON.stringify(initial)} initial={initial} message={message} setMessage={setMessage} />;
}

type Message = { intent: 'success' | 'error'; text: string } | null;

function PartnerProfileForm({ initial, message, setMessage }: { initial: Form; message: Message; setMessage: (m: Message) => void }) {
  const sync = useSync();
  const { t } = useTranslation();
  const styles = useStyles();
  const titleId = useId();
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const { allowed } = usePermission('partner.edit');

  const set = (key: keyof Form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));

  // The link as Partner Center gives it (desktop app, signed in with Microsoft): filled into the
  // form, to be checked and saved like a pasted one.
  const host = useHost();
  const { i18n } = useTranslation();
  const microsoft = useMicrosoftState();
  const [reading, setReading] = useState(false);
  const readBlocked = microsoft && !microsoft.available ? 'web' : !microsoft?.account ? 'signedOut' : null;
  const readLink = async () => {
    setMessage(null);
    setReading(true);
    try {
      const answer = await host.partnerCenterRelationshipLink({});
      if (answer.ok) {
        setForm((f) => ({ ...f, relationshipLink: answer.url, partnerTenantId: f.partnerTenantId.trim() || answer.partnerTenantId }));
        setMessage({ intent: 'success', text: t('partner.readFromPartnerCenter.done') });
      } else {
        setMessage({ intent: 'error', text: partnerCenterErrorText(t, answer) });
      }
    } catch (e) {
      setMessage({ intent: 'error', text: t('partner.readFromPartnerCenter.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setReading(false);
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const next: Errors = {};
    const tenant = form.partnerTenantId.trim();
    const country = form.country.trim();
    const link = form.relationshipLink.trim();
    const parsedLink = link ? parseResellerInvitationLink(link) : null;
    if (tenant && !Guid.safeParse(tenant).success) next.partnerTenantId = t('partner.errors.tenant');
    if (country && !CountryCode.safeParse(country).success) next.country = t('partner.errors.country');
    if (link && !parsedLink) next.relationshipLink = t('partner.errors.link');
    if (parsedLink && tenant && parsedLink.partnerTenantId !== tenant.toLowerCase()) next.relationshipLink = t('partner.errors.linkTenant');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const outcome = await sync.mutate('partner.update', {
      name: form.name.trim(),
      partnerTenantId: tenant || parsedLink?.partnerTenantId || '',
      country,
      relationshipLink: link,
    });
    setMessage(outcome.ok ? { intent: 'success', text: t('partner.saved') } : { intent: 'error', text: refusalText(t, i18n.language, outcome) });
  };

  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {t('partner.title')}
      </h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className={styles.grid}>
          <Field label={t('partner.name')}>
            <Input value={form.name} onChange={set('name')} />
          </Field>
          <Field label={t('partner.tenant')} hint={t('partner.tenantHint')} validationMessage={errors.partnerTenantId} validationState={errors.partnerTenantId ? 'error' : 'none'}>
            <Input value={form.partnerTenantId} onChange={set('partnerTenantId')} />
          </Field>
          <Field label={t('partner.country')} hint={t('partner.countryHint')} validationMessage={errors.country} validationState={errors.country ? 'error' : 'none'}>
            <Input value={form.country} onChange={set('country')} maxLength={2} />
          </Field>
          <Field label={t('partner.link')} hint={t('partner.linkHint')} validationMessage={errors.relationshipLink} validationState={errors.relationshipLink ? 'error' : 'none'}>
            <Input value={form.relationshipLink} onChange={set('relationshipLink')} />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="button" onClick={() => void readLink()} disabled={readBlocked !== null || reading}>
            {t('partner.readFromPartnerCenter.button')}
          </Button>
          {readBlocked && <Text size={200}>{t(readBlocked === 'web' ? 'partner.readFromPartnerCenter.blocked.web' : 'partner.readFromPartnerCenter.blocked.signedOut')}</Text>}
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={!allowed}>
            {t('partner.save')}
          </Button>
          <PermissionNote permission="partner.edit" />
          {message && (
            <MessageBar intent={message.intent} role="status">
              <MessageBarBody>{message.text}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </form>
    </section>
  );
}
