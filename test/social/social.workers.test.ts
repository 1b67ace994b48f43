// The social outbox and screens on D1 inside workerd: the same claims and pages as on
// better-sqlite3. (The Worker's own posting is in worker.workers.test.ts, with its own D1.)
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { outboxSuite } from './outbox.suite';
import { socialScreensSuite } from './screens.suite';

const open = async () => drizzle(env.DB, { schema });

outboxSuite('d1', open);
socialScreensSuite('d1', open);
