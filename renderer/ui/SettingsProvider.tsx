// The user's preferences, read once from the host at start-up and written back through it. This is
// host data, not view state, so it lives in React context rather than the zustand view store.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { HostError, defaultSettings, type Settings, type SettingsPatch } from '../../shared/ipc/contract';
import { useHost } from '../host/HostProvider';

type SettingsContextValue = {
  settings: Settings;
  /** Why the stored settings could not be read (the defaults are in use), or null. */
  loadError: string | null;
  /** Saves a change through the host; rejects with a HostError and changes nothing when refused. */
  update: (patch: SettingsPatch) => Promise<Settings>;
};

const SettingsContext = createContext<SettingsContextValue | null>(null);

function messageOf(error: unknown): string {
  return error instanceof HostError || error instanceof Error ? error.message : String(error);
}

export function SettingsProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const host = useHost();
  const [state, setState] = useState<{ settings: Settings; loadError: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    host.getSettings({}).then(
      (settings) => live && setState({ settings, loadError: null }),
      (error: unknown) => live && setState({ settings: { ...defaultSettings }, loadError: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const saved = await host.setSettings(patch);
      setState((previous) => ({ settings: saved, loadError: previous?.loadError ?? null }));
      return saved;
    },
    [host],
  );

  const value = useMemo(() => (state ? { ...state, update } : null), [state, update]);
  if (value === null) return <>{fallback}</>;
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (value === null) throw new Error('useSettings() needs a <SettingsProvider> above it');
  return value;
}
