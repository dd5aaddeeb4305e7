// Whether this host can sign in with Microsoft and who is signed in, for the buttons that need a
// Microsoft sign-in (Read from Microsoft, the Partner Center link). null until the host answers; a
// host that cannot answer counts as one without Microsoft sign-in.
import { useEffect, useState } from 'react';
import type { MicrosoftState } from '../../shared/ipc/contract';
import { useHost } from './HostProvider';

export function useMicrosoftState(): MicrosoftState | null {
  const host = useHost();
  const [state, setState] = useState<MicrosoftState | null>(null);
  useEffect(() => {
    let live = true;
    host
      .microsoftAccount({})
      .then((s) => live && setState(s))
      .catch(() => live && setState({ available: false, configured: false, account: null }));
    return () => {
      live = false;
    };
  }, [host]);
  return state;
}
