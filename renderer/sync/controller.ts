// The app's side of sync: local changes go through the mutators into Dexie at once (optimistic,
// with their outbox rows); the worker carries them to the server. This side owns the session (the
// host keeps the refresh token) and answers the worker's token requests. Screens read the status
// from a zustand store: view state only, the data itself comes from Dexie live queries.
import { create } from 'zustand';
import type { HostApi } from '../../shared/ipc/contract';
import { mutateApi, type MutateApi } from '../../shared/mutators/api';
import type { Actor, MutateOptions, MutationOutcome } from '../../shared/mutators/define';
import type { MutatorArgs, MutatorName } from '../../shared/mutators/index';
import { SyncClient, type SyncTransport } from '../../shared/sync/client';
import { BEFORE_SIGN_IN_ROLE } from '../../shared/sync/held';
import type { SyncStatus } from '../../shared/sync/loop';
import { Session, type SessionUser } from '../../shared/sync/session';
import type { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from './dexieClientStore';
import { newClientId } from './ids';
import type { FromWorker, ToWorker } from './messages';

/** Who makes changes before anyone has signed in on this computer; the server re-stamps the real person. */
export const LOCAL_ACTOR: Actor = { id: 'local', name: 'This computer', role: BEFORE_SIGN_IN_ROLE };

export interface SyncState {
  status: SyncStatus;
  leader: boolean;
  user: SessionUser | null;
  /** False when the sign-in is kept in memory only (no safe storage on this host). */
  signInPersisted: boolean;
}

export const useSyncStore = create<SyncState>(() => ({
  status: { phase: 'signed-out', lastSyncAt: null, pending: 0, pulled: null, error: null, failure: null, retryAt: null },
  leader: false,
  user: null,
  signInPersisted: true,
}));

/** The worker pushes and pulls; on this side the client only records local changes. */
const noNetworkHere: SyncTransport = {
  push: () => Promise.reject(new Error('the sync worker pushes')),
  pull: () => Promise.reject(new Error('the sync worker pulls')),
};

export class SyncController {
  private worker: Worker | null = null;
  private readonly session: Session;
  private actor: Actor = LOCAL_ACTOR;

  /** `db` is asked for on every change: a restore replaces the database under the page. */
  constructor(
    private readonly host: HostApi,
    private readonly db: () => WorkspaceDatabase,
    private backendUrl: string,
  ) {
    this.session = new Session({
      host,
      backendUrl: () => this.backendUrl,
      fetch: (url, init) => fetch(url, init as RequestInit),
      now: () => Date.now(),
    });
  }

  /** Who makes changes now: the signed-in person, or LOCAL_ACTOR. */
  currentActor(): Actor {
    return this.actor;
  }

  private local(): SyncClient {
    return new SyncClient(new DexieClientStore(this.db(), newClientId), noNetworkHere, {
      actor: () => this.actor,
      now: () => new Date().toISOString(),
    });
  }

  /**
   * Every change the UI makes: applied locally now, synced by the worker later. A refusal says why
   * as a reason and parameters, which the screen words with its t() (renderer/words/refusalText).
   */
  async mutate<N extends MutatorName>(name: N, args: MutatorArgs<N>, options?: MutateOptions): Promise<MutationOutcome> {
    const outcome = await this.local().mutate(name, args, options);
    if (outcome.ok) this.changed();
    return outcome;
  }

  /** Several changes as one (a saved plan): all apply and enter the outbox together, or none does. */
  /** The same, called as `changes.plan.save(args)`: each change typed from its mutator's schema. */
  readonly changes: MutateApi = mutateApi((name, args, options) => this.mutate(name, args as never, options));

  async mutateMany(changes: { name: MutatorName; args: unknown }[]): Promise<MutationOutcome> {
    const outcome = await this.local().mutateMany(changes);
    if (outcome.ok) this.changed();
    return outcome;
  }

  /** Gives up changes never sent (held for the role signed in): see SyncClient.discard. */
  async discard(ids: readonly number[]): Promise<void> {
    await this.local().discard(ids);
    this.changed();
  }

  /** Tells the worker that the outbox grew (a change, or an import written by the import worker). */
  changed(): void {
    this.send({ type: 'changed' });
  }

  async signIn(email: string, password: string): Promise<SessionUser> {
    const { user } = await this.session.signIn(email, password);
    return this.began(user);
  }

  /**
   * Signs in to the team's server with the desktop's Microsoft sign-in: the browser opens only when
   * no Microsoft account is signed in yet; the host hands over an access token for the server's API
   * (never its refresh token), which the server exchanges for its own session.
   */
  async signInWithMicrosoft(): Promise<SessionUser> {
    const state = await this.host.microsoftAccount({});
    if (!state.account) await this.host.microsoftSignIn({});
    const { accessToken } = await this.host.microsoftAccessToken({ scopes: [] });
    const { user } = await this.session.signInWithEntra(accessToken);
    return this.began(user);
  }

  /** Ends a Microsoft sign-in still waiting for the browser. */
  cancelMicrosoftSignIn(): void {
    void this.host.microsoftCancelSignIn({}).catch(() => undefined);
  }

  private async began(user: SessionUser): Promise<SessionUser> {
    // Another person on this computer than last time: a client id belongs to one person.
    await this.local().claimFor(user.id, newClientId);
    this.actor = { id: user.id, name: user.name, role: user.role };
    useSyncStore.setState({ user, signInPersisted: this.session.persisted });
    this.restartWorker();
    return user;
  }

  async signOut(): Promise<void> {
    this.stopWorker();
    await this.session.signOut();
    this.actor = LOCAL_ACTOR;
    useSyncStore.setState((s) => ({ user: null, status: { ...s.status, phase: 'signed-out' } }));
  }

  /** At start: a kept sign-in resumes syncing without asking for the password again. */
  async resume(): Promise<void> {
    if (!this.backendUrl || this.worker) return;
    const token = await this.session.accessToken().catch(() => null);
    if (!token) return;
    const user = await this.session.me();
    if (user) {
      await this.local().claimFor(user.id, newClientId);
      this.actor = { id: user.id, name: user.name, role: user.role };
      useSyncStore.setState({ user, signInPersisted: this.session.persisted });
    }
    this.restartWorker();
  }

  syncNow(): void {
    this.send({ type: 'nudge' });
  }

  setBackendUrl(url: string): void {
    if (url === this.backendUrl) return;
    this.backendUrl = url;
    if (this.worker) this.restartWorker();
  }

  private send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  private stopWorker(): void {
    this.send({ type: 'stop' });
    this.worker?.terminate();
    this.worker = null;
  }

  private restartWorker(): void {
    this.stopWorker();
    if (!this.backendUrl) return;
    const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'sync' });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'status') useSyncStore.setState({ status: m.status, leader: m.leader });
      if (m.type === 'token-request') {
        if (m.fresh) this.session.invalidateAccess();
        void this.session
          .accessToken()
          .catch(() => null)
          .then((token) => worker.postMessage({ type: 'token', id: m.id, token } satisfies ToWorker));
      }
    };
    this.worker = worker;
    this.send({ type: 'start', backendUrl: this.backendUrl, actor: this.actor });
  }
}
