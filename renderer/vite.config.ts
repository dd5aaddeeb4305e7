// The renderer's build. The same output runs in three places: Electron's custom scheme
// (app://csp-migration-workspace/), `vite preview` for Playwright, and `vite` for development.
// A relative base keeps every asset URL working under all three.
// This file runs in Node at build time, not in the renderer: the renderer's ban on Node built-ins
// does not apply to it (the lint config has no exemption for it yet, hence the two comments).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The Content-Security-Policy the built page carries itself, so that `vite preview` (and with it
 * every Playwright test) runs under the same rules as the desktop app: scripts only from the app's
 * own origin, never inline. Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts its
 * style rules at run time. connect-src is open to http(s)/ws(s) because the backend address is the
 * user's choice. Only the build gets it: the dev server's React Refresh preamble is an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http: wss: ws:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The app loads from disk (Electron) or loopback (tests), not over a network: one large chunk
    // with Fluent UI in it costs little. Code splitting per feature can come with the features.
    chunkSizeWarningLimit: 2000,
    // bench/*.html drive the real import, sync, dashboard and screens (ui) for `npm run
    // bench`, testpages/ the real-IndexedDB tests; nothing in the app links to them, and the
    // installers leave them out.
    rollupOptions: { input: { main: `${root}index.html`, benchImport: `${root}bench/import.html`, benchSync: `${root}bench/sync.html`, benchDashboard: `${root}bench/dashboard.html`, benchUi: `${root}bench/ui.html`, testDbUpgrade: `${root}testpages/dbUpgrade.html` } },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
