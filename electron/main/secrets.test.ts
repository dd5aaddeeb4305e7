import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretsService, type SafeStorageLike } from './secrets';

/** A stand-in for safeStorage's async API: "encrypts" by XOR so the file provably differs from the text. */
function fakeSafeStorage(opts: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}) {
  const calls: string[] = [];
  const key = 0x5a;
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    encryptStringAsync: async (text) => {
      calls.push('encrypt');
      return Buffer.from(Buffer.from(`v1:${text}`, 'utf8').map((b) => b ^ key));
    },
    decryptStringAsync: async (buffer) => {
      calls.push('decrypt');
      const text = Buffer.from(buffer.map((b) => b ^ key)).toString('utf8');
      if (!text.startsWith('v1:')) throw new Error('bad ciphertext');
      return { result: text.slice(3), shouldReEncrypt: opts.reEncrypt ?? false };
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
  return { storage, calls };
}

let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'csp-secrets-')), 'secrets');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('secrets (fake Electron safeStorage)', () => {
  it('stores the token encrypted, in a 0600 file, and reads it back', async () => {
    const { storage } = fakeSafeStorage();
    const secrets = createSecretsService({ safeStorage: storage, platform: 'linux', dir, insecureAllowed: () => false });
    expect(await secrets.status()).toEqual({ state: 'encrypted', backend: 'gnome_libsecret', insecureAllowed: false });
    expect(await secrets.get('refreshToken')).toBeNull();
    await secrets.set('refreshToken', 'rt-very-secret');
    const file = path.join(dir, 'refreshToken.bin');
    expect(readFileSync(file).toString('utf8')).not.toContain('rt-very-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['refreshToken.bin']); // no temporary file left behind
    expect(await secrets.get('refreshToken')).toBe('rt-very-secret');
    await secrets.delete('refreshToken');
    expect(existsSync(file)).toBe(false);
    expect(await secrets.get('refreshToken')).toBeNull();
  });

  it('names the platform as backend outside Linux', async () => {
    const { storage } = fakeSafeStorage({ backend: 'unknown' });
    const secrets = createSecretsService({ safeStorage: storage, platform: 'darwin', dir, insecureAllowed: () => false });
    expect(await secrets.status()).toEqual({ state: 'encrypted', backend: 'darwin', insecureAllowed: false });
  });

  it('refuses Linux basic_text (plaintext) storage unless the user allowed it', async () => {
    const { storage, calls } = fakeSafeStorage({ backend: 'basic_text' });
    let allowed = false;
    const secrets = createSecretsService({ safeStorage: storage, platform: 'linux', dir, insecureAllowed: () => allowed });
    expect(await secrets.status()).toEqual({ state: 'plaintext-only', backend: 'basic_text', insecureAllowed: false });
    await expect(secrets.set('refreshToken', 'rt')).rejects.toMatchObject({
      code: 'SECRET_STORAGE_INSECURE',
      message: expect.stringMatching(/keyring/),
    });
    await expect(secrets.get('refreshToken')).rejects.toMatchObject({ code: 'SECRET_STORAGE_INSECURE' });
    expect(calls).toEqual([]);
    expect(existsSync(dir)).toBe(false);

    allowed = true;
    expect((await secrets.status()).insecureAllowed).toBe(true);
    await secrets.set('refreshToken', 'rt');
    expect(await secrets.get('refreshToken')).toBe('rt');
  });

  it('refuses when no encryption is available at all', async () => {
    const { storage } = fakeSafeStorage({ available: false });
    const secrets = createSecretsService({ safeStorage: storage, platform: 'win32', dir, insecureAllowed: () => true });
    expect(await secrets.status()).toEqual({ state: 'unavailable', backend: 'win32', insecureAllowed: true });
    await expect(secrets.set('refreshToken', 'rt')).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
    await expect(secrets.get('refreshToken')).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
  });

  it('re-encrypts when safeStorage says the key changed', async () => {
    const { storage, calls } = fakeSafeStorage({ reEncrypt: true });
    const secrets = createSecretsService({ safeStorage: storage, platform: 'win32', dir, insecureAllowed: () => false });
    await secrets.set('refreshToken', 'rt');
    calls.length = 0;
    expect(await secrets.get('refreshToken')).toBe('rt');
    expect(calls).toEqual(['decrypt', 'encrypt']);
  });
});
