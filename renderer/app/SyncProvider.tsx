// Starts sync with the app: the controller (session, local changes, worker) is made once, follows
// the backend address in the settings, and a kept sign-in resumes syncing without asking again.
// Screens get it from React context (renderer/workspace/SyncContext).
import { useEffect, useState, type ReactNode } from 'react';
import { useHost } from '../host/HostProvider';
import { SyncController } from '../sync/controller';
import { useSettings } from '../ui/SettingsProvider';
import { SyncControllerProvider } from '../workspace/SyncContext';
import { workspaceDb } from '../workspace/workspace';

export function SyncProvider({ children }: { children: ReactNode }) {
  const host = useHost();
  const { settings } = useSettings();
  const [controller] = useState(() => new SyncController(host, workspaceDb, settings.backendUrl));
  useEffect(() => {
    controller.setBackendUrl(settings.backendUrl);
    void controller.resume();
  }, [controller, settings.backendUrl]);
  return <SyncControllerProvider controller={controller}>{children}</SyncControllerProvider>;
}
