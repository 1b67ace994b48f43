// /setup on D1 inside workerd. A file of its own: it removes admins to start each test from
// a fresh deployment, which the other route suites' shared database must not see.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { setupSuite } from './setup.suite';

setupSuite('d1', async () => drizzle(env.DB, { schema }));
