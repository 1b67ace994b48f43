// One `vitest run`, two projects:
// - node:    every test/**/*.test.ts(x) except the Workers ones, in Node (better-sqlite3,
//            HTTP fakes, browser tests);
// - workers: test/**/*.workers.test.ts, inside workerd via @cloudflare/vitest-pool-workers,
//            with wrangler.toml's D1 binding and the real drizzle-kit migrations applied.
// The file lives in test/ to keep the top level tidy; `root` points vitest back at the repo.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

const fromRepo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const root = fromRepo('');
const workersTests = 'test/**/*.workers.test.ts';

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // Read in Node (the pool's reader splits the .sql files the way wrangler does; it ignores
  // meta/) and handed to workerd as a binding that test/workers/apply-migrations.ts applies.
  const migrations = await readD1Migrations(fromRepo('db/migrations'));
  // wrangler.toml serves .assets/ (npm run build:assets) as static assets, and the pool
  // refuses to start without the folder; tests reach the Worker, not the assets.
  mkdirSync(fromRepo('.assets'), { recursive: true });

  return {
    root,
    test: {
      // Generous enough for the browser tests (Chromium start, page loads) and for workerd
      // on a busy two-core CI machine; a hung test still fails in well under a minute.
      testTimeout: 30_000,
      // Vitest's default leaves a core to itself, which on a two-core machine (CI's) runs the
      // files one at a time. Most of the suite waits on what it started (servers, workerd,
      // Chromium), so one file per core: 420 s instead of 573 s there (measured), all passing.
      maxWorkers: availableParallelism(),
      hookTimeout: 60_000,
      // expect.poll waits 1 s by default: too short for a page load or a service worker on
      // that machine. Checks with a promise in their time ("within 5 s") still say so.
      expect: { poll: { timeout: 5_000 } },
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            root,
            environment: 'node',
            include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
            exclude: [...configDefaults.exclude, workersTests],
            // Builds dist/node.js once, so that tests start the server as `npm start` does.
            globalSetup: ['test/globalSetup.ts'],
          },
        },
        {
          extends: true,
          plugins: [
            cloudflareTest({
              // wrangler.toml supplies main (src/worker.ts), the compatibility date and the
              // D1 binding DB; tests get a fresh local D1 per test file.
              wrangler: { configPath: fromRepo('wrangler.toml') },
              // Never reach for Cloudflare's API: tests run offline.
              remoteBindings: false,
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations },
                // A second, empty database: the site an export is replayed into
                // (test/routes/export.suite.ts), as the suites share DB.
                d1Databases: { REPLAY_DB: 'declare-replay' },
              },
            }),
          ],
          test: {
            name: 'workers',
            root,
            include: [workersTests],
            exclude: [...configDefaults.exclude],
            setupFiles: [fromRepo('test/workers/apply-migrations.ts')],
          },
        },
      ],
    },
  };
});
