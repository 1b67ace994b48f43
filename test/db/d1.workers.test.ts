// The shared data-access suite on D1, inside workerd. All tests of this file share one D1
// database (storage is isolated per test file), which the suite allows: every test imports
// its own election under unique ids.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { countUpdatesDbSuite } from './countUpdates.suite';
import { dbSuite } from './suite';

dbSuite('d1', async () => drizzle(env.DB, { schema }));
countUpdatesDbSuite('d1', async () => drizzle(env.DB, { schema }));
