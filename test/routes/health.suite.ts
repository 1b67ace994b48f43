// GET /healthz, for uptime monitors, on both drivers.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createApp } from '../../src/app';

export function healthSuite(driver: string, open: () => Promise<Db>): void {
  describe(`/healthz (${driver})`, () => {
    it('answers 200 {"ok": true} while the database answers, never cached, with no session', async () => {
      const db = await open();
      const res = await createApp({ db: () => db }).request('/healthz');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('answers 503 {"ok": false} when there is no database to ask', async () => {
      const res = await createApp({ db: () => { throw new Error('no binding'); } }).request('/healthz');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false });
    });
  });
}
