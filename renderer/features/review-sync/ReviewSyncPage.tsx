// Review & sync: sign in to the team's server, see the sync state in words, the changes waiting to
// be sent, the ones the server refused (with its reason) and the conflicts to resolve.
import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeConflicts, type ShownValue } from './describeConflict';
import { pendingLines } from './pendingLines';
import { formatCount, formatDateTime } from '../../../shared/domain/format';
import { editPermission } from '../../../shared/mutators/conflicts';
import { currentMutatorName, isMutatorName, mutatorNamed } from '../../../shared/mutators/index';
import type { OutboxEntry, Rejection } from '../../../shared/sync/clientStore';
import { heldForRole } from '../../../shared/sync/held';
import { HostError } from '../../../shared/ipc/contract';
import { useSettings } from '../../ui/SettingsProvider';
import { useHost } from '../../host/HostProvider';
import { useSyncStore } from '../../sync/controller';
import { permissionReason, useRole } from '../../workspace/usePermission';
import { workspaceDb } from '../../workspace/workspace';
import { useSync } from '../../workspace/SyncContext';
import { pageStyle, sectionStyle, sectionTitleStyle } from '../../ui/layoutStyles';
import { activityWords } from '../../words/activityText';
import type { Translate } from '../../words/labels';
import { ROLE_NAME_WORDS, SYNC_PHASE_WORDS, wordOf } from '../../words/labels';
import { refusalText } from '../../words/refusalText';
import { SessionError } from '../../../shared/sync/session';
import { sessionErrorText, syncFailureText } from '../../words/serverErrors';

const useStyles = makeStyles({
  page: pageStyle,
  section: sectionStyle,
  title: sectionTitleStyle,
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  statusRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The change in the UI's language (its name when it no longer parses: a mutator from another version). */
function describe(entry: Pick<OutboxEntry, 'name' | 'args'>, t: Translate, language: string): string {
  const m = mutatorNamed(entry.name);
  const parsed = m?.args.safeParse(entry.args);
  if (!m || !parsed?.success) return entry.name;
  const { code, params } = m.describe(parsed.data);
  return activityWords(t, language === 'ja' ? 'ja' : 'en', code, params);
}

function SignIn() {
  const sync = useSync();
  const { t } = useTranslation();
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sync.signIn(email, password);
      setPassword('');
    } catch (err) {
      setError(err instanceof SessionError ? sessionErrorText(t, err) : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className={styles.row} aria-label={t('sync.signIn.title')}>
      <Field label={t('sync.signIn.email')} required>
        <Input type="email" autoComplete="username" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label={t('sync.signIn.password')} required>
        <Input type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy || !email || !password}>
        {t('sync.signIn.submit')}
      </Button>
      <MicrosoftSignIn />
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

/** Beside the password form, where the host can sign in with Microsoft (the desktop app). */
export function MicrosoftSignIn() {
  const sync = useSync();
  const { t } = useTranslation();
  const host = useHost();
  const [available, setAvailable] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    host
      .microsoftAccount({})
      .then((s) => live && setAvailable(s.available))
      .catch(() => live && setAvailable(false));
    return () => {
      live = false;
    };
  }, [host]);
  if (!available) return null;
  const start = async () => {
    setWaiting(true);
    setError(null);
    try {
      await sync.signInWithMicrosoft();
    } catch (err) {
      if (err instanceof HostError && err.code === 'MICROSOFT_SIGN_IN_CANCELLED') setError(t('sync.signIn.microsoftCancelled'));
      else if (err instanceof HostError && err.code === 'MICROSOFT_NOT_CONFIGURED') setError(t('sync.signIn.microsoftNotConfigured'));
      else if (err instanceof HostError && err.code === 'MICROSOFT_SCOPE_MISSING') setError(t('sync.signIn.microsoftNoServerScope'));
      else setError(err instanceof SessionError ? sessionErrorText(t, err) : err instanceof Error ? err.message : String(err));
    } finally {
      setWaiting(false);
    }
  };
  return (
    <>
      <Text>{t('sync.signIn.or')}</Text>
      <Button type="button" onClick={() => void start()} disabled={waiting} data-testid="sign-in-microsoft">
        {t('sync.signIn.microsoft')}
      </Button>
      {waiting && (
        <>
          <Text role="status">{t('sync.signIn.microsoftWaiting')}</Text>
          <Button type="button" appearance="subtle" onClick={() => sync.cancelMicrosoftSignIn()}>
            {t('sync.signIn.cancel')}
          </Button>
        </>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function Connection() {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { settings } = useSettings();
  const { status, user, signInPersisted } = useSyncStore();
  const ids = { title: useId() };
  return (
    <section className={styles.section} aria-labelledby={ids.title}>
      <h2 id={ids.title} className={styles.title}>
        {t('sync.connection.title')}
      </h2>
      {!settings.backendUrl ? (
        <MessageBar intent="info">
          <MessageBarBody>{t('sync.connection.noServer')}</MessageBarBody>
        </MessageBar>
      ) : user ? (
        <div className={styles.statusRow}>
          <Text data-testid="signed-in-as">{t('sync.connection.signedInAs', { name: user.name, role: wordOf(ROLE_NAME_WORDS, user.role, t) })}</Text>
          <Button onClick={() => void sync.signOut()}>{t('sync.connection.signOut')}</Button>
        </div>
      ) : (
        <SignIn />
      )}
      {user && !signInPersisted && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('sync.connection.notPersisted')}</MessageBarBody>
        </MessageBar>
      )}
      {user && (
        <>
          <div className={styles.statusRow}>
            <Text data-testid="sync-phase" aria-live="polite">
              {SYNC_PHASE_WORDS[status.phase](t)}
            </Text>
            <Text>{t('sync.pending', { count: status.pending })}</Text>
            {status.lastSyncAt && <Text>{t('sync.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) })}</Text>}
            <Button appearance="primary" onClick={() => sync.syncNow()} disabled={status.phase === 'update-required'}>
              {t('sync.syncNow')}
            </Button>
          </div>
          {status.pulled !== null && (
            <Field validationMessage={t('sync.pulling', { count: status.pulled })} validationState="none">
              <ProgressBar aria-label={t('sync.pulling', { count: status.pulled })} />
            </Field>
          )}
          {status.error && (
            <MessageBar intent={status.phase === 'update-required' ? 'error' : 'warning'} role="status">
              <MessageBarBody>{syncFailureText(t, status)}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

function Pending() {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const ids = { title: useId() };
  const outbox = useLiveQuery(() => workspaceDb().outbox.orderBy('id').limit(200).toArray(), []);
  const user = useSyncStore((s) => s.user);
  const role = useRole();
  const [error, setError] = useState<string | null>(null);
  // Made before sign-in, not allowed to the role signed in now: they wait here, unsent, grouped
  // under the change they build on (held.ts), until someone who may signs in or they are discarded.
  const held = user && outbox ? heldForRole(outbox, user.role).held : [];
  const heldIds = new Set(held.map((h) => h.id));
  const roots = held.filter((h) => h.dependsOn === null);
  const byId = new Map(outbox?.map((e) => [e.id, e]) ?? []);
  const discard = async (rootId: number) => {
    setError(null);
    const group = held.filter((h) => h.id === rootId || h.dependsOn === rootId).map((h) => h.id);
    try {
      await sync.discard(group);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className={styles.section} aria-labelledby={ids.title}>
      <h2 id={ids.title} className={styles.title}>
        {t('sync.outbox.title')}
      </h2>
      {!user && outbox && outbox.length > 0 && (
        <MessageBar intent="info" data-testid="waiting-for-sign-in">
          <MessageBarBody>{t('sync.outbox.waitingForSignIn', { count: formatCount(outbox.length, i18n.language) })}</MessageBarBody>
        </MessageBar>
      )}
      {roots.map((root) => {
        const entry = byId.get(root.id);
        const dependents = held.filter((h) => h.dependsOn === root.id);
        return (
          <MessageBar key={root.id} intent="warning" layout="multiline" data-testid="held-change">
            <MessageBarBody>
              <MessageBarTitle>{entry ? describe(entry, t, i18n.language) : root.name}</MessageBarTitle>
              {root.permission ? permissionReason(t, role, root.permission) : null} {t('sync.outbox.heldWhatToDo')}
              {dependents.length > 0 && (
                <>
                  <div>{t('sync.outbox.heldDependents', { count: formatCount(dependents.length, i18n.language) })}</div>
                  <ul className={styles.list}>
                    {dependents.map((d) => {
                      const e = byId.get(d.id);
                      return <li key={d.id}>{e ? describe(e, t, i18n.language) : d.name}</li>;
                    })}
                  </ul>
                </>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void discard(root.id)}>
                {dependents.length > 0 ? t('sync.outbox.discardGroup') : t('sync.outbox.discardOne')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {outbox && outbox.length === 0 ? (
        <Text>{t('sync.outbox.empty')}</Text>
      ) : (
        <ol className={styles.list} data-testid="outbox">
          {pendingLines(outbox ?? []).map((line) => (
            <li key={line.key}>
              {describe(line.lead, t, i18n.language)}
              {line.entries.length > 1 ? ` ${t('sync.outbox.travelsAs', { count: formatCount(line.entries.length, i18n.language) })}` : ''}{' '}
              <Text size={200}>({formatDateTime(line.lead.createdAt, i18n.language)})</Text>
              {line.entries.some((e) => heldIds.has(e.id)) ? <Text size={200}> · {t('sync.outbox.held')}</Text> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function Problems() {
  const sync = useSync();
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const ids = { title: useId() };
  const rejections = useLiveQuery(() => workspaceDb().rejections.toArray(), []);
  const [retryError, setRetryError] = useState<string | null>(null);
  const role = useRole();
  // Why the role may not retry a change or resolve a conflict, in words; null when it may.
  const retryDenied = (r: Rejection) => {
    const permission = mutatorNamed(r.name)?.permission;
    return permission ? permissionReason(t, role, permission) : null;
  };
  const resolveDenied = (table: string) => (Object.hasOwn(editPermission, table) ? permissionReason(t, role, editPermission[table as keyof typeof editPermission]) : null);
  // After fixing what the server objected to (a role, a missing record), send the same change again.
  const retry = async (r: Rejection) => {
    setRetryError(null);
    // A refusal kept from before an update may name the change as an earlier schema did.
    const name = currentMutatorName(r.name);
    if (!isMutatorName(name)) {
      setRetryError(t('sync.problems.unknownChange', { name: r.name }));
      return;
    }
    // The stored arguments are checked by the mutator's schema when it runs again.
    const outcome = await sync.mutate(name, r.args as never);
    if (outcome.ok) await workspaceDb().rejections.delete(r.mutationId);
    else setRetryError(refusalText(t, i18n.language, outcome));
  };
  // Giving up a refused part of a tenant import also drops what the server staged of it, so no
  // half import stays behind for the team.
  const discard = async (r: Rejection) => {
    await workspaceDb().rejections.delete(r.mutationId);
    const a = r.args as { importId?: unknown; customerId?: unknown } | null;
    if ((r.name === 'tenant.importChunk' || r.name === 'tenant.importCommit') && typeof a?.importId === 'string' && typeof a.customerId === 'string') {
      await sync.mutate('tenant.importDiscard', { importId: a.importId, customerId: a.customerId });
    }
  };
  const conflicts = useLiveQuery(async () => {
    const db = workspaceDb();
    return describeConflicts(db, await db.conflicts.where('status').equals('open').toArray());
  }, []);
  const say = (v: ShownValue) => (v.say ? v.say(t) : v.text);
  if (!rejections?.length && !conflicts?.length) return null;
  return (
    <section className={styles.section} aria-labelledby={ids.title}>
      <h2 id={ids.title} className={styles.title}>
        {t('sync.problems.title')}
      </h2>
      {retryError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('sync.problems.retryFailed', { message: retryError })}</MessageBarBody>
        </MessageBar>
      )}
      {rejections?.map((r) => {
        const denied = retryDenied(r);
        return (
          <MessageBar key={`r${r.mutationId}`} intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('sync.problems.refused', { change: describe(r, t, i18n.language) })}</MessageBarTitle>
              {refusalText(t, i18n.language, r)}
              {denied && <div data-testid="permission-note">{denied}</div>}
            </MessageBarBody>
            <Button size="small" disabled={denied !== null} onClick={() => void retry(r)}>
              {t('sync.problems.retry')}
            </Button>
            <Button size="small" onClick={() => void discard(r)}>
              {t('sync.problems.discard')}
            </Button>
          </MessageBar>
        );
      })}
      {conflicts?.map(({ conflict: c, customerName, lineProduct, field, current, proposed }) => {
        const denied = resolveDenied(c.table);
        return (
          <MessageBar key={c.id} intent="warning" data-testid="conflict" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {customerName && lineProduct
                  ? t('sync.problems.conflictOfLine', { field: field ? field(t) : c.field, customer: customerName, product: lineProduct })
                  : customerName
                  ? t('sync.problems.conflictOf', { field: field ? field(t) : c.field, customer: customerName })
                  : t('sync.problems.conflict', { field: field ? field(t) : c.field })}
              </MessageBarTitle>
              {t('sync.problems.conflictValues', { current: say(current), currentBy: c.current.by, proposed: say(proposed), proposedBy: c.proposed.by })}
              {denied && <div data-testid="permission-note">{denied}</div>}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" disabled={denied !== null} onClick={() => void sync.mutate('conflict.resolve', { id: c.id, keep: 'current' })}>
                {t('sync.problems.keepCurrent', { value: say(current) })}
              </Button>
              <Button size="small" disabled={denied !== null} onClick={() => void sync.mutate('conflict.resolve', { id: c.id, keep: 'proposed' })}>
                {t('sync.problems.takeProposed', { value: say(proposed) })}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </section>
  );
}

export function ReviewSyncPage() {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <Connection />
      <Problems />
      <Pending />
    </div>
  );
}
