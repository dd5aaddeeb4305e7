// The server as a real child process on a real port: what `npm run server` does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

const root = resolve(import.meta.dirname, '..');

describe('server configuration', () => {
  it('applies defaults and rejects a bad port by name', () => {
    expect(readConfig({}).PORT).toBe(8787);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('npm run server (real process)', () => {
  it('answers /health (PGlite in DATA_DIR) and exits cleanly on SIGTERM, closing the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cspw-server-'));
    const env: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir };
    delete env.DATABASE_URL; // this test owns its storage: a fresh PGlite directory
    // As `npm run server` starts it: Node with tsx as a loader, no wrapper process between the
    // signal and the server (a relaying parent turned SIGTERM into exit 143 under load).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const address = await new Promise<string>((res, rej) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) res(m[1]);
      });
      child.on('exit', (code) => rej(new Error(`server exited early (${code}): ${out}`)));
    });
    const body = (await (await fetch(`${address}/health`)).json()) as { status: string; version: string; storage: string };
    expect(body.status).toBe('ok');
    expect(body.storage).toBe('pglite');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(existsSync(join(dataDir, 'csp-server.lock'))).toBe(true);
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'csp-server.lock'))).toBe(false); // the database was closed
    rmSync(dataDir, { recursive: true, force: true });
  });
});
