// The page's sync controller, given to screens through React context as the host is: the app shell
// (renderer/app/SyncProvider) makes it once; a test or a benchmark page gives its own.
import { createContext, useContext, type ReactNode } from 'react';
import type { SyncController } from '../sync/controller';

const SyncContext = createContext<SyncController | null>(null);

export function SyncControllerProvider({ controller, children }: { controller: SyncController; children: ReactNode }) {
  return <SyncContext.Provider value={controller}>{children}</SyncContext.Provider>;
}

/** Every change a screen makes goes through this controller (applied locally now, synced later). */
export function useSync(): SyncController {
  const controller = useContext(SyncContext);
  if (controller === null) throw new Error('useSync() needs a <SyncControllerProvider> above it (renderer/app/SyncProvider)');
  return controller;
}
