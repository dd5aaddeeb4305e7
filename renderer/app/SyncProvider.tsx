// Starts sync with the app: the controller (session, local changes, worker) follows the backend
// address in the settings, and a kept sign-in resumes syncing without asking again.
import { useEffect, type ReactNode } from 'react';
import { useHost } from '../host/HostProvider';
import { useSettings } from '../ui/SettingsProvider';
import { startSyncController } from '../workspace/workspace';

export function SyncProvider({ children }: { children: ReactNode }) {
  const host = useHost();
  const { settings } = useSettings();
  useEffect(() => {
    const controller = startSyncController(host, settings.backendUrl);
    controller.setBackendUrl(settings.backendUrl);
    void controller.resume();
  }, [host, settings.backendUrl]);
  return <>{children}</>;
}
