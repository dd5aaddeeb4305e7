// The email to the customer's current CSP partner asking it to schedule "cancel at end of term"
// (DOMAIN.md "The rules in force now", rule 1): shown only while some of that partner's lines would
// otherwise run on in a paid Extended Service Term. Like the invitation's email, it is written in
// the language the old partner reads, copied or opened in the mail client; nothing is sent for you.
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text, Textarea } from '@fluentui/react-components';
import { Copy20Regular, Mail20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantPlan } from '../../../shared/domain/engine';
import { formatCountOf } from '../../../shared/domain/format';
import type { CustomerData } from '../../engine/customerPlan';
import { useHost } from '../../host/HostProvider';
import { mailtoLink } from '../../output/mailto';
import { useCaseFileStyles } from './caseFileStyles';
import { buildEstEmail, linesNeedingCancelAtTermEnd } from './estEmail';
import { openTransfersByKey } from '../../../shared/domain/transfers';

type EmailLanguage = 'en' | 'ja';
type Note = { intent: 'success' | 'error'; text: string } | null;

export function EstEmailSection({ data, plan }: { data: CustomerData; plan: TenantPlan }) {
  const { t, i18n } = useTranslation();
  const styles = useCaseFileStyles();
  const host = useHost();
  const titleId = useId();
  const [language, setLanguage] = useState<EmailLanguage>(i18n.language === 'ja' ? 'ja' : 'en');
  const [oldPartnerName, setOldPartnerName] = useState('');
  const [recipient, setRecipient] = useState('');
  const [note, setNote] = useState<Note>(null);

  // A line already in a transfer moves as it is: asking its partner to cancel it would stop it.
  const inTransfer = openTransfersByKey(data.transfers);
  const lines = linesNeedingCancelAtTermEnd(plan.lines).filter((l) => !inTransfer.has(l.lineId));
  if (lines.length === 0) return null;

  const emailT = i18n.getFixedT(language);
  const email = buildEstEmail({ partnerName: data.partner?.name ?? '', customerName: data.customer.name, oldPartnerName, lines, language }, emailT);
  const mailto = mailtoLink([recipient], email);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${emailT('caseFile.estEmail.subjectLine', { subject: email.subject })}\n\n${email.body}`);
      setNote({ intent: 'success', text: t('caseFile.estSend.copied') });
    } catch (e) {
      setNote({ intent: 'error', text: t('caseFile.estSend.copyFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };
  const open = async () => {
    if (!mailto) return;
    try {
      await host.openExternal({ url: mailto });
    } catch (e) {
      setNote({ intent: 'error', text: t('caseFile.estSend.openFailed', { reason: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="est-email">
      <h3 id={titleId} className={styles.title}>
        {t('caseFile.estSend.title')}
      </h3>
      <Text className={styles.muted}>{t('caseFile.estSend.intro', { subscriptions: formatCountOf(lines.length, 'subscription', i18n.language === 'ja' ? 'ja' : 'en') })}</Text>
      <div className={styles.grid}>
        <Field label={t('caseFile.estSend.oldPartner')}>
          <Input value={oldPartnerName} onChange={(_, d) => setOldPartnerName(d.value)} />
        </Field>
        <Field label={t('caseFile.estSend.recipient')}>
          <Input type="email" value={recipient} onChange={(_, d) => setRecipient(d.value)} />
        </Field>
        <Field label={t('caseFile.estSend.language')}>
          <Select value={language} onChange={(_, d) => setLanguage(d.value === 'ja' ? 'ja' : 'en')}>
            <option value="en">{t('caseFile.estSend.languages.en')}</option>
            <option value="ja">{t('caseFile.estSend.languages.ja')}</option>
          </Select>
        </Field>
      </div>
      <Field label={t('caseFile.estSend.subject')}>
        <Input readOnly value={email.subject} lang={language} />
      </Field>
      <Field label={t('caseFile.estSend.body')}>
        <Textarea readOnly value={email.body} lang={language} resize="vertical" textarea={{ style: { minHeight: '16em' } }} />
      </Field>
      {!mailto && (
        <MessageBar intent="info">
          <MessageBarBody>{t('caseFile.estSend.tooLong')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button icon={<Copy20Regular />} onClick={() => void copy()}>
          {t('caseFile.estSend.copy')}
        </Button>
        <Button icon={<Mail20Regular />} disabled={!mailto} onClick={() => void open()}>
          {t('caseFile.estSend.open')}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.intent} role={note.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
