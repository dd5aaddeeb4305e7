// Live facts about the computer the UI follows: dark mode and the network connection.
import { useSyncExternalStore } from 'react';
import type { Theme } from '../../shared/ipc/contract';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribeDark(onChange: () => void): () => void {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** 'light' or 'dark': the setting, or for 'system' what the computer prefers right now. */
export function useResolvedTheme(setting: Theme): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribeDark, () => window.matchMedia(darkQuery).matches);
  if (setting === 'system') return systemDark ? 'dark' : 'light';
  return setting;
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** navigator.onLine, kept current by the online/offline events. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
