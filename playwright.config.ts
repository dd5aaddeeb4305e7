// End-to-end tests in real Chromium (Debian's package: Playwright cannot download its own browser
// here) against the built renderer served by `vite preview`, with the web host. `npm test` builds
// first; after `npm run build` (or `npm run build:renderer`), `npm run test:e2e` works on its own.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './test/support/chromiumFlags';

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}. Install Debian's package (apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_PATH.`,
  );
}
if (!existsSync(fileURLToPath(new URL('dist/renderer/index.html', import.meta.url)))) {
  throw new Error('dist/renderer/index.html is missing: run `npm run build:renderer` (or `npm run build`) first.');
}

// E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  // Two workers on the 2-core CI machine too: the specs give slow steps their own timeouts, and one
  // worker left the suite over the 15 minutes CI may take.
  workers: 2,
  // 60 s a test: a two-browser spec's sign-ins, page loads and its file's server start together
  // passed 30 s on a CI machine under load (three did so once, each green in 13-18 s when quiet).
  // Speed is held by the benchmarks, not by these timeouts.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  // The HTML report only on request (E2E_HTML_REPORT=1): not PLAYWRIGHT_HTML_REPORT, which Playwright
  // itself reads as the report's folder.
  reporter: process.env.E2E_HTML_REPORT === '1'
    ? [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // No device preset: its user agent says Windows, and the app would show that as its platform.
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_FLAGS],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
