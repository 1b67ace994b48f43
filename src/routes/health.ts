// GET /healthz for uptime monitors: 200 {"ok": true} while the database answers, 503
// {"ok": false} when it does not. No session, no secrets, never cached: a monitor must see
// the server as it is now.
import { Hono, type Context } from 'hono';
import { databaseAnswers } from '../../db/health';
import type { Db } from '../../db/client';
import type { AppEnv } from '../env';

export function health(database: (c: Context) => Db) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    let ok = false;
    try {
      ok = await databaseAnswers(database(c));
    } catch {
      // No database to ask (a missing binding): not healthy, and said as such.
    }
    return c.json({ ok }, ok ? 200 : 503);
  });
}
