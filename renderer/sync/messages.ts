// The messages between the app (main thread) and its sync worker.
import type { Actor } from '../../shared/mutators/define';
import type { SyncStatus } from '../../shared/sync/loop';

export type ToWorker =
  | { type: 'start'; backendUrl: string; actor: Actor }
  | { type: 'nudge' }
  | { type: 'changed' }
  | { type: 'stop' }
  | { type: 'token'; id: number; token: string | null };

export type FromWorker =
  | { type: 'status'; status: SyncStatus; leader: boolean }
  | { type: 'token-request'; id: number; fresh: boolean };
