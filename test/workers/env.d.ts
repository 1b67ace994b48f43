// Types for tests that run inside workerd (test/**/*.workers.test.ts).
//
// The pool's `cloudflare:test` module types read the bindings from `Cloudflare.Env`. Only that
// namespace is added to the global scope here: @cloudflare/workers-types' globals (Request,
// Response, fetch, ...) would clash with the DOM and Node types the root tsconfig uses, so
// the D1 types come from the package's importable module instead. Names the pool's types
// take from workers-types globals (Fetcher, ExecutionContext, D1Database parameters) are
// then unresolved in the root check and read as `any`; `env` itself is fully typed.
/// <reference types="@cloudflare/vitest-pool-workers/types" />
import type { D1Migration } from 'cloudflare:test';
import type { WorkerBindings } from '../../src/worker';

declare global {
  namespace Cloudflare {
    interface Env extends WorkerBindings {
      /** The drizzle-kit migrations, read by test/vitest.config.ts. */
      TEST_MIGRATIONS: D1Migration[];
      /** A second database, migrated like DB, for the site a replay loads an export into. */
      REPLAY_DB: WorkerBindings['DB'];
    }
  }
}
