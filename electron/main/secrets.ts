// Secrets (the sync server's refresh token) never reach the renderer's storage: the main process
// keeps them encrypted with Electron's safeStorage (async API: the OS keychain on macOS, DPAPI on
// Windows, libsecret/kwallet on Linux), one ciphertext file per secret under userData/secrets,
// written atomically with mode 0600. On Linux, when no keyring is reachable Electron falls back to
// 'basic_text', which only obfuscates with a fixed key: then nothing is stored unless the user
// chose it explicitly in Settings (allowInsecureSecretStorage). Never silently.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { HostError, type HostSecretName as SecretName, type SecretStorageStatus } from '../../shared/ipc/contract';
import { writeFileAtomic } from './atomicFile';

/** The async part of Electron's safeStorage (Electron 45), plus the Linux backend name. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend(): string;
}

export interface SecretsDeps {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** userData/secrets */
  dir: string;
  insecureAllowed: () => boolean;
}

export interface SecretsService {
  status(): Promise<SecretStorageStatus>;
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

export const INSECURE_MESSAGE =
  'This computer offers no keyring (Linux "basic_text" storage): the sign-in token could only be stored unencrypted. ' +
  'Install and unlock a keyring (GNOME Keyring, KWallet), or allow unencrypted storage in Settings to stay signed in.';
export const UNAVAILABLE_MESSAGE =
  'Secure storage is not available on this computer, so the sign-in token cannot be kept: you will be asked to sign in again.';

export function createSecretsService(deps: SecretsDeps): SecretsService {
  const fileOf = (name: SecretName) => path.join(deps.dir, `${name}.bin`);

  async function status(): Promise<SecretStorageStatus> {
    const insecureAllowed = deps.insecureAllowed();
    const backend = deps.platform === 'linux' ? deps.safeStorage.getSelectedStorageBackend() : deps.platform;
    if (!(await deps.safeStorage.isAsyncEncryptionAvailable())) {
      return { state: 'unavailable', backend, insecureAllowed };
    }
    if (deps.platform === 'linux' && backend === 'basic_text') {
      return { state: 'plaintext-only', backend, insecureAllowed };
    }
    return { state: 'encrypted', backend, insecureAllowed };
  }

  /** Throws unless secrets may be written or read now. */
  async function requireUsable(): Promise<void> {
    const s = await status();
    if (s.state === 'unavailable') throw new HostError('SECRET_STORAGE_UNAVAILABLE', UNAVAILABLE_MESSAGE);
    if (s.state === 'plaintext-only' && !s.insecureAllowed) {
      throw new HostError('SECRET_STORAGE_INSECURE', INSECURE_MESSAGE);
    }
  }

  async function set(name: SecretName, value: string): Promise<void> {
    await requireUsable();
    const encrypted = await deps.safeStorage.encryptStringAsync(value);
    await mkdir(deps.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(fileOf(name), encrypted, 0o600);
  }

  return {
    status,
    set,
    async get(name) {
      await requireUsable();
      let encrypted: Buffer;
      try {
        encrypted = await readFile(fileOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const { result, shouldReEncrypt } = await deps.safeStorage.decryptStringAsync(encrypted);
      // The OS key was rotated or a stronger one became available: store it again under the new key.
      if (shouldReEncrypt) await set(name, result);
      return result;
    },
    async delete(name) {
      await rm(fileOf(name), { force: true });
    },
  };
}
