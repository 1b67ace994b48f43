// Admin → Status on D1 inside workerd. A file of its own: each test empties the outbox and
// the channels' settings (queues are shared by every election in a database), which the
// other route suites' shared database must not see.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { statusSuite } from './status.suite';

statusSuite('d1', async () => drizzle(env.DB, { schema }));
