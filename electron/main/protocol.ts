// The renderer is served from app://csp-migration-workspace/, a privileged standard scheme, not
// file:// (Chromium gives file:// pages the opaque origin 'null': no module scripts, no stable
// IndexedDB). The origin decides which IndexedDB the app sees: NEVER change APP_SCHEME or APP_HOST
// (identity.ts), or every user's workspace and unsynced outbox stay behind in the old origin.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './identity';

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const privilegedSchemes = [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
  },
];

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function problem(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/**
 * The protocol.handle handler: files under `root` (dist/renderer) only. Anything that would leave
 * it (../, encoded %2e%2e%2f, backslashes, absolute paths, NUL) is refused with 403. Paths without
 * an extension fall back to index.html (client-side routes); missing files are 404.
 */
export function createAppProtocolHandler(options: { root: string; csp: () => string }): (request: Request) => Promise<Response> {
  const root = path.resolve(options.root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return problem(405, 'method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return problem(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return problem(404, 'not found');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return problem(400, 'bad request');
    }
    if (relative.includes('\0') || relative.includes('\\')) return problem(403, 'forbidden');
    // Drop the one leading slash of the path; a second one (an encoded absolute path) stays and is refused.
    relative = relative.replace(/^\//, '');
    if (relative === '') relative = 'index.html';
    if (relative.split('/').some((segment) => segment === '..') || path.isAbsolute(relative)) return problem(403, 'forbidden');
    let file = path.resolve(root, relative);
    const inside = path.relative(root, file);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return problem(403, 'forbidden');

    let found = await stat(file).then((s) => s.isFile(), () => false);
    if (!found && path.extname(file) === '') {
      file = path.join(root, 'index.html');
      found = await stat(file).then((s) => s.isFile(), () => false);
    }
    if (!found) return problem(404, 'not found');

    const body = await readFile(file);
    const headers = {
      'content-type': mimeTypeOf(file),
      'content-length': String(body.byteLength),
      'content-security-policy': options.csp(),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
