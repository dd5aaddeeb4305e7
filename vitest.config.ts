import { defineConfig } from 'vitest/config';

// One runner for every unit and integration test in the repo. Renderer tests opt into a DOM with
// `// @vitest-environment jsdom`; everything else runs on plain Node, like the code it tests.
export default defineConfig({
  test: {
    include: ['{shared,renderer,electron,server,cli,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    server: { deps: { inline: ['electron-store'] } },
  },
});
