import { availableParallelism } from 'node:os';
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
    // At least two at once, on the 2-core CI machine too (vitest's default there is one: cores - 1): most of
    // the suite waits on server processes, PostgreSQL and timers, and one worker left the unit run
    // at about 9 of the 15 minutes CI may take for the whole suite.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    server: { deps: { inline: ['electron-store'] } },
  },
});
