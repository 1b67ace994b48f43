import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { createApp } from '../../src/app';
import { healthSuite } from './health.suite';

healthSuite('better-sqlite3', async () => openSqlite(':memory:').db);

describe('/healthz on a database that has gone away', () => {
  it('answers 503 once the SQLite file is closed', async () => {
    const handle = openSqlite(':memory:');
    const app = createApp({ db: () => handle.db });
    expect((await app.request('/healthz')).status).toBe(200);
    handle.close();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false });
  });
});
