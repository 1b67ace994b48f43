// The fuzz test on D1 inside workerd, in a file of its own: each Workers test file gets a
// fresh D1, and the test dumps every table after every request, so it must not share one
// with the elections of the other route suites.
import { env } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import * as schema from '../../db/schema';
import { fuzzSuite } from './fuzz.suite';

// Fewer than on better-sqlite3 (every read crosses into workerd's SQLite): the first 1000
// of the same requests, from the same seed.
fuzzSuite('d1', async () => drizzle(env.DB, { schema }), 1000);
