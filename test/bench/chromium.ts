// What the browser benchmarks share: the built renderer served by `vite preview`, and real Chromium
// on an on-disk profile (Playwright's default context keeps IndexedDB in memory, which hides the
// cost: DESIGN.md, "Budgets").
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../support/chromiumFlags';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchBrowser {
  context: BrowserContext;
  /** The bench page's address, e.g. http://127.0.0.1:4192/bench/sync.html. */
  url: string;
}

/** Serves dist/renderer on `port`, starts Chromium, runs `body`, and cleans everything up. */
export async function withBenchBrowser<T>(page: string, port: number, body: (b: BenchBrowser) => Promise<T>): Promise<T> {
  if (!existsSync(path.join(root, 'dist/renderer', page))) throw new Error(`dist/renderer/${page} is missing: run \`npm run build:renderer\` first`);
  const preview = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  const profile = mkdtempSync(path.join(tmpdir(), 'bench-profile-'));
  try {
    const url = `http://127.0.0.1:${port}/${page}`;
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 100) throw new Error(`vite preview did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        ...CHROMIUM_FLAGS,
        // BENCH_EXTRA_ARGS: more Chromium switches, space-separated (importProfile.ts: its DevTools port).
        ...(process.env.BENCH_EXTRA_ARGS?.split(' ').filter((a) => a !== '') ?? []),
      ],
    });
    try {
      return await body({ context, url });
    } finally {
      await context.close();
    }
  } finally {
    try {
      if (preview.pid) process.kill(-preview.pid);
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true });
  }
}
