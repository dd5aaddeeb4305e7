// A secret-keeping host held in memory (named so): the session's tests need where a refresh token
// is kept, and safeStorage itself needs Electron (tested in electron/).
import type { SecretName } from '../../shared/ipc/contract';

export function inMemorySecretHost() {
  const secrets = new Map<SecretName, string>();
  return {
    secrets,
    host: {
      getSecret: async ({ name }: { name: SecretName }) => secrets.get(name) ?? null,
      setSecret: async ({ name, value }: { name: SecretName; value: string }) => {
        secrets.set(name, value);
        return null;
      },
      deleteSecret: async ({ name }: { name: SecretName }) => {
        secrets.delete(name);
        return null;
      },
    },
  };
}
