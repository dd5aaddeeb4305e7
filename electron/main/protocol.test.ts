import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './identity';
import { createAppProtocolHandler, mimeTypeOf, privilegedSchemes } from './protocol';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;
beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'csp-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CSP Migration Workspace</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  writeFileSync(path.join(root, 'assets', 'worker.wasm'), 'w');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  handler = createAppProtocolHandler({ root, csp: () => "default-src 'self'" });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol (fake Electron protocol: the handler alone)', () => {
  it('registers app as a standard, secure scheme with fetch, CORS and streams', () => {
    expect(privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
    ]);
  });

  it('serves files with their MIME type and the CSP header', async () => {
    const page = await get(`${APP_ORIGIN}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('CSP Migration Workspace');
    expect((await get(`${APP_ORIGIN}/assets/index-abc.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(`${APP_ORIGIN}/assets/index-abc.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(`${APP_ORIGIN}/assets/font.woff2`)).headers.get('content-type')).toBe('font/woff2');
    expect((await get(`${APP_ORIGIN}/assets/worker.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect(mimeTypeOf('x.unknownext')).toBe('application/octet-stream');
  });

  it('serves index.html for the root and for extensionless routes; 404 for missing files', async () => {
    expect(await (await get(`${APP_ORIGIN}/`)).text()).toContain('<title>');
    expect((await get(`${APP_ORIGIN}/customers/42`)).headers.get('content-type')).toMatch(/text\/html/);
    expect((await get(`${APP_ORIGIN}/assets/missing.js`)).status).toBe(404);
    const head = await get(`${APP_ORIGIN}/index.html`, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get(`${APP_ORIGIN}/index.html`, 'POST')).status).toBe(405);
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of [
      `${APP_ORIGIN}/..%2fsecret.txt`,
      `${APP_ORIGIN}/assets/..%2f..%2fsecret.txt`,
      `${APP_ORIGIN}/%2e%2e%2fsecret.txt`,
      `${APP_ORIGIN}/..%5csecret.txt`,
      `${APP_ORIGIN}/assets%5c..%5c..%5csecret.txt`,
      `${APP_ORIGIN}/%2fetc%2fpasswd`,
      `${APP_ORIGIN}/index.html%00.js`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    // Plain ../ is already resolved by the URL parser: it can never climb above the root.
    const dotted = await get(`${APP_ORIGIN}/../../secret.txt`);
    expect(await dotted.text()).not.toContain('outside the renderer');
    expect((await get(`${APP_ORIGIN}/%E0%A4%A`)).status).toBe(400);
  });

  it('answers only for its own host', async () => {
    expect((await get('app://another-app/index.html')).status).toBe(404);
  });
});
