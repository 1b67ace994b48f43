// Setup file of the workers project: brings the test file's fresh D1 database to the real
// schema by applying db/migrations (read in test/vitest.config.ts). Applied migrations are
// recorded in d1_migrations, so running again is harmless.
import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
