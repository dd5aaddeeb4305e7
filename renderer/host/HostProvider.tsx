import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../shared/ipc/contract';

const HostContext = createContext<HostApi | null>(null);

/** Gives the app the one HostApi chosen at start-up (renderer/host/index.ts). */
export function HostProvider({ host, children }: { host: HostApi; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): HostApi {
  const host = useContext(HostContext);
  if (host === null) throw new Error('useHost() needs a <HostProvider> above it');
  return host;
}
