// One `vitest run`, four projects:
// - node:                 every test/**/*.test.ts(x) except the Workers ones, in Node
//                         (better-sqlite3, HTTP fakes, servers in their own processes), files
//                         one after another in processes that keep their modules;
// - node (own process):   the files that change the process itself (ownProcess below);
// - workers:              test/**/*.workers.test.ts, inside workerd via
//                         @cloudflare/vitest-pool-workers, with wrangler.toml's D1 binding and
//                         the real drizzle-kit migrations applied, files sharing a workerd;
// - workers (own D1):     the Workers files that need a database of their own (ownDatabase).
// The file lives in test/ to keep the top level tidy; `root` points vitest back at the repo.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration, type ViteUserConfig } from 'vitest/config';
import { LongestFirst } from './sequencer';

const fromRepo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const root = fromRepo('');
const workersTests = 'test/**/*.workers.test.ts';

/**
 * Node test files that change what a later file in the same process would see, so each runs
 * in a process of its own: @hono/node-server in this process (serve() in
 * test/support/server.ts, which the browser tests start, or getRequestListener in
 * test/support/likeNode.ts) replaces the global Request and Response. The node project's
 * setup file (test/support/sharedProcess.ts) fails a file that does so and is not listed here.
 */
const ownProcess = [
  'test/browser/**/*.test.ts',
  'test/published/readyAnswers.test.ts',
  'test/routes/currentElection.test.ts',
  'test/http/bodyLimit.test.ts',
  'test/http/securityHeaders.test.ts',
  'test/simulate.test.ts',
  'test/social/overriddenGlobals.test.ts',
];

/**
 * Workers test files that need a D1 of their own: each counts or empties something every
 * election in a database shares (the outbox, the admins, every table).
 */
const ownDatabase = [
  'test/routes/fuzz.workers.test.ts',
  'test/routes/setup.workers.test.ts',
  'test/routes/status.workers.test.ts',
  'test/social/subscribers.workers.test.ts',
  'test/social/worker.workers.test.ts',
];

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // Read in Node (the pool's reader splits the .sql files the way wrangler does; it ignores
  // meta/) and handed to workerd as a binding that test/workers/apply-migrations.ts applies.
  const migrations = await readD1Migrations(fromRepo('db/migrations'));
  // wrangler.toml serves .assets/ (npm run build:assets) as static assets, and the pool
  // refuses to start without the folder; tests reach the Worker, not the assets.
  mkdirSync(fromRepo('.assets'), { recursive: true });

  const workersProject = (name: string, files: { include: string[]; exclude: string[] }, isolate: boolean): TestProjectInlineConfiguration => ({
    extends: true,
    plugins: [
      cloudflareTest({
        // wrangler.toml supplies main (src/worker.ts), the compatibility date and the D1
        // binding DB; each workerd the pool starts has fresh local databases.
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
      name,
      root,
      include: files.include,
      exclude: [...configDefaults.exclude, ...files.exclude],
      isolate,
      setupFiles: [fromRepo('test/workers/apply-migrations.ts')],
    },
  });

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
      // Longest files first, and files sharing processes one after another (test/sequencer.ts).
      sequence: { sequencer: LongestFirst },
      // Builds dist/node.js once, so that tests start the server as `npm start` does.
      globalSetup: ['test/globalSetup.ts'],
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            root,
            environment: 'node',
            include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
            exclude: [...configDefaults.exclude, workersTests, ...ownProcess],
            // Importing the app and its libraries is most of a small file's time: here that is
            // done once per process, not once per file. Each file still gets fresh databases.
            isolate: false,
            setupFiles: [fromRepo('test/support/sharedProcess.ts')],
          },
        },
        {
          extends: true,
          test: { name: 'node (own process)', root, environment: 'node', include: ownProcess },
        },
        // Starting a workerd and loading the Worker into it takes seconds: the files that can
        // share one (their elections have ids of their own) run one after another in it.
        workersProject('workers', { include: [workersTests], exclude: ownDatabase }, false),
        workersProject('workers (own D1)', { include: ownDatabase, exclude: [] }, true),
      ],
    },
  };
});
