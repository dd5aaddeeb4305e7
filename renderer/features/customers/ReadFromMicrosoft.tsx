// "Read from Microsoft" beside "Import files": the desktop host reads the customer's tenant through
// the partner's GDAP roles (electron/main/graphRead) and the pages go through the same import as the
// files (`graphPages`). Disabled, with the reason in words, when it cannot run: a browser, no
// Microsoft sign-in, or no tenant id for the customer.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostError, type GraphProgress, type MicrosoftState } from '../../../shared/ipc/contract';
import { useMicrosoftState } from '../../host/useMicrosoftState';
import { useHost } from '../../host/HostProvider';
import type { ImportRun } from '../../import/useImport';
import { workspaceDb } from '../../workspace/workspace';
import { isGraphRead } from '../../../shared/import/graph';
import { graphReadErrorText } from '../../words/connectorErrors';

export type Blocked = 'web' | 'signedOut' | 'noTenant' | null;

export function readBlocked(state: MicrosoftState | null, tenantId: string): Blocked {
  if (state && !state.available) return 'web';
  if (!state?.account) return 'signedOut';
  if (tenantId.trim() === '') return 'noTenant';
  return null;
}

export function ReadFromMicrosoft({ customerId, tenantId, importRun, disabled }: { customerId: string; tenantId: string; importRun: ImportRun; disabled: boolean }) {
  const { t } = useTranslation();
  const host = useHost();
  const state = useMicrosoftState();
  const [reading, setReading] = useState<GraphProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => host.onGraphProgress((p) => setReading(p)), [host]);

  const blocked = readBlocked(state, tenantId);
  const read = async () => {
    setError(null);
    setReading({ collection: 'organization', pages: 0, items: 0 });
    try {
      const pages = await host.graphReadTenant({ tenantId: tenantId.trim() });
      setReading(null);
      await importRun.run({ kind: 'graphPages', customerId, pages });
    } catch (e) {
      setReading(null);
      const code = e instanceof HostError ? e.code : 'GRAPH_READ_FAILED';
      // Graph's own error comes as a code and parameters, worded in the reader's language; else the host's message.
      const detail = e instanceof HostError && e.detail ? graphReadErrorText(t, e.detail) : e instanceof Error ? e.message : String(e);
      setError(
        t(
          code === 'GRAPH_FORBIDDEN'
            ? 'graphRead.errors.GRAPH_FORBIDDEN'
            : code === 'GRAPH_THROTTLED'
              ? 'graphRead.errors.GRAPH_THROTTLED'
              : code === 'MICROSOFT_SIGNED_OUT'
                ? 'graphRead.errors.MICROSOFT_SIGNED_OUT'
                : code === 'GRAPH_READ_CANCELLED'
                  ? 'graphRead.errors.GRAPH_READ_CANCELLED'
                  : 'graphRead.errors.GRAPH_READ_FAILED',
          { detail },
        ),
      );
    }
  };

  return (
    <>
      <Button type="button" onClick={() => void read()} disabled={disabled || blocked !== null || reading !== null} data-testid="read-from-microsoft">
        {t('graphRead.button')}
      </Button>
      {blocked && <Text size={200}>{t(blocked === 'web' ? 'graphRead.blocked.web' : blocked === 'signedOut' ? 'graphRead.blocked.signedOut' : 'graphRead.blocked.noTenant')}</Text>}
      {reading && (
        <>
          <Text role="status">{t('graphRead.progress', { users: reading.collection === 'users' ? reading.items : 0 })}</Text>
          <Button type="button" onClick={() => void host.graphCancelRead({})}>
            {t('graphRead.cancel')}
          </Button>
        </>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** "Data read from Microsoft on <date>" when the customer's current tenant data came from a live read. */
export function GraphReadDate({ importId }: { importId: string | null }) {
  const { t } = useTranslation();
  const record = useLiveQuery(async () => (importId ? ((await workspaceDb().imports.get(importId)) ?? null) : null), [importId]);
  if (!record || !isGraphRead(record.files)) return null;
  return <Text data-testid="graph-read-date">{t('graphRead.readOn', { date: record.at.slice(0, 10) })}</Text>;
}
