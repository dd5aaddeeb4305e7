// The server as a real child process on a real port: what `npm run server` does.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
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
  it('answers /health and exits cleanly on SIGTERM', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'info' },
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
    const body = (await (await fetch(`${address}/health`)).json()) as { status: string; version: string };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
