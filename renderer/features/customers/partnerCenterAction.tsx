// What the case file's Partner Center buttons share: they run one call at a time, say why they
// cannot run (a browser, signed out, no tenant id) beside the buttons they disable, and turn a
// failure of the host itself into words.
import { Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../host/HostProvider';
import { useMicrosoftState } from '../../host/useMicrosoftState';
import { hostFailureText } from './partnerCenterWords';
import { readBlocked, type Blocked } from './ReadFromMicrosoft';

/** `failed` words a host failure as the screen's outcome. */
export function usePartnerCenterAction<O>(tenantId: string, failed: (text: string) => O) {
  const { t } = useTranslation();
  const host = useHost();
  const state = useMicrosoftState();
  const reasonId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<O | null>(null);
  const blocked = readBlocked(state, tenantId);

  const run = async (work: () => Promise<O>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (e) {
      setOutcome(failed(hostFailureText(t, e)));
    } finally {
      setBusy(false);
    }
  };

  return { host, blocked, reasonId, describedBy: blocked ? reasonId : undefined, busy, outcome, run };
}

/** Why the buttons are disabled, in words, for their aria-describedby. */
export function BlockedReason({ blocked, id }: { blocked: Blocked; id: string }) {
  const { t } = useTranslation();
  if (!blocked) return null;
  return (
    <Text size={200} id={id}>
      {t(blocked === 'web' ? 'pcCaseFile.blocked.web' : blocked === 'signedOut' ? 'pcCaseFile.blocked.signedOut' : 'pcCaseFile.blocked.noTenant')}
    </Text>
  );
}
