// Setup file of the workers project: brings the test file's fresh D1 databases (DB, and
// REPLAY_DB for replays) to the real schema by applying db/migrations (read in
// test/vitest.config.ts). Applied migrations are recorded in d1_migrations, so running again
// is harmless.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await applyD1Migrations(env.REPLAY_DB, env.TEST_MIGRATIONS);
