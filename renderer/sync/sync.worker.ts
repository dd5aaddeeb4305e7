// The sync worker: one leader per browser profile (Web Locks) pushes the outbox, pulls the team's
// changes and listens for pokes, off the UI thread. Other windows' workers wait for the lock.
/// <reference lib="webworker" />
import { SyncClient } from '../../shared/sync/client';
import { heldForRole } from '../../shared/sync/held';
import { httpTransport } from '../../shared/sync/httpTransport';
import { SyncLoop, defaultLoopOptions, type SyncStatus } from '../../shared/sync/loop';
import type { Actor } from '../../shared/mutators/define';
import { SCHEMA_VERSION, type Poke } from '../../shared/sync/protocol';
import { WorkspaceDatabase } from '../db/database';
import { DexieClientStore } from './dexieClientStore';
import { newClientId } from './ids';
import type { FromWorker, ToWorker } from './messages';
import { gzip } from './gzip';
import { listenForPokes } from './pokeStream';

declare const self: DedicatedWorkerGlobalScope;

const LOCK = 'csp-migration-workspace:sync-leader';
let loop: SyncLoop | null = null;
let stopPokes: (() => void) | null = null;
let releaseLock: (() => void) | null = null;
let leader = false;
let lastStatus: SyncStatus | null = null;
let nextTokenRequest = 1;
const waiting = new Map<number, (token: string | null) => void>();

const post = (m: FromWorker) => self.postMessage(m);

function accessToken(fresh: boolean): Promise<string | null> {
  const id = nextTokenRequest++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type: 'token-request', id, fresh });
  });
}

async function lead(backendUrl: string, actor: Actor): Promise<void> {
  leader = true;
  const db = new WorkspaceDatabase();
  const store = new DexieClientStore(db, newClientId);
  let refused = false;
  const transport = httpTransport({
    baseUrl: backendUrl,
    fetch: (url, init) => fetch(url, init as RequestInit),
    accessToken: () => accessToken(refused).finally(() => (refused = false)),
    gzip,
  });
  const client = new SyncClient(store, transport, {
    actor: () => actor,
    now: () => new Date().toISOString(),
    newClientId,
    // Changes made before sign-in that this person's role may not make wait (Review & sync says why).
    holdFrom: (outbox) => heldForRole(outbox, actor.role).firstHeld,
  });
  // Pokes heard since the last sync: their changes are applied without a pull when they follow on
  // from the cursor (null: data-less, or the stream reconnected and may have missed one: pull).
  const pokes: (Poke | null)[] = [];
  loop = new SyncLoop(
    {
      sync: async (onProgress) => {
        try {
          await client.sync(onProgress, pokes.splice(0));
        } catch (e) {
          if ((e as { status?: number }).status === 401) refused = true;
          throw e;
        }
      },
      pending: () => store.pendingCount(),
      online: () => self.navigator.onLine,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      random: Math.random,
      onStatus: (status) => {
        lastStatus = status;
        post({ type: 'status', status, leader });
      },
    },
    defaultLoopOptions,
  );
  self.addEventListener('online', () => loop?.nudge());
  self.addEventListener('offline', () => loop?.nudge());
  stopPokes = listenForPokes({
    url: `${backendUrl.replace(/\/+$/, '')}/sync/poke?schemaVersion=${SCHEMA_VERSION}`,
    accessToken,
    onPoke: (poke) => {
      // Not synced for a while (update required, signed out): a pull will be needed anyway.
      if (pokes.length >= 100) pokes.splice(0, pokes.length, null);
      pokes.push(poke);
      loop?.nudge();
    },
    onConnected: () => {
      pokes.push(null);
      loop?.nudge();
    },
  });
  loop.start();
  await new Promise<void>((resolve) => (releaseLock = resolve));
  loop.stop();
  stopPokes?.();
  db.close();
  leader = false;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  switch (m.type) {
    case 'start':
      if (!m.backendUrl) return;
      void navigator.locks.request(LOCK, () => lead(m.backendUrl, m.actor));
      break;
    case 'nudge':
      loop?.nudge();
      if (lastStatus) post({ type: 'status', status: lastStatus, leader });
      break;
    case 'changed':
      loop?.changed();
      break;
    case 'stop':
      releaseLock?.();
      releaseLock = null;
      break;
    case 'token':
      waiting.get(m.id)?.(m.token);
      waiting.delete(m.id);
      break;
  }
};
