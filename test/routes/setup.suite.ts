// /setup, the first admin of a fresh deployment from the browser: open only with a long
// enough SETUP_TOKEN and no admin yet, once, audited, and a refusal changes nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { auditLog, users } from '../../db/schema';
import { createApp } from '../../src/app';
import { verifyPassword } from '../../src/auth/password';
import { formBody } from '../support/harness';

const origin = 'http://localhost';
const goodToken = 'a-setup-token-of-forty-characters-000000';

async function setUp(open: () => Promise<Db>, setupToken: string | null = goodToken) {
  const db = await open();
  // The databases of one Workers test file are shared: each test starts with no admin.
  await db.delete(users).where(eq(users.role, 'admin'));
  const app = createApp({ db: () => db, setupToken: () => setupToken ?? undefined });
  const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request('/setup', { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: formBody(form) });
  const admins = () => db.select().from(users).where(eq(users.role, 'admin'));
  return { db, app, post, admins };
}

const form = (name: string, token = goodToken, password = 'town hall count 2026', confirm = password) => ({ token, name, password, confirm });

export function setupSuite(driver: string, open: () => Promise<Db>): void {
  describe(`/setup, the first admin (${driver})`, () => {
    it('is switched off, and says how to switch it on, when no SETUP_TOKEN is set', async () => {
      const { app, post, admins } = await setUp(open, null);
      const page = await app.request('/setup');
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npx wrangler secret put SETUP_TOKEN');
      expect((await post(form('ann'))).status).toBe(503);
      expect(await admins()).toHaveLength(0);
    });

    it('is switched off when the SETUP_TOKEN is short enough to guess', async () => {
      const { app, post, admins } = await setUp(open, 'short-token');
      const page = await app.request('/setup');
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('shorter than 24 characters');
      expect((await post(form('ann', 'short-token'))).status).toBe(503);
      expect(await admins()).toHaveLength(0);
    });

    it('refuses a wrong token or unequal passwords in words, and creates nobody', async () => {
      const { app, post, admins } = await setUp(open);
      expect((await app.request('/setup')).status).toBe(200);
      const wrong = await post(form('ann', 'x'.repeat(40)));
      expect(wrong.status).toBe(403);
      expect(await wrong.text()).toContain('That is not the setup token set for this deployment');
      const unequal = await post(form('ann', goodToken, 'town hall count 2026', 'town hall count 2025'));
      expect(unequal.status).toBe(400);
      expect(await unequal.text()).toContain('The two passwords are not the same');
      const short = await post(form('ann', goodToken, 'short'));
      expect(short.status).toBe(400);
      expect(await short.text()).toContain('at least 12 characters');
      expect(await admins()).toHaveLength(0);
    });

    it('refuses a post from another site', async () => {
      const { post, admins } = await setUp(open);
      expect((await post(form('ann'), { origin: 'https://evil.example' })).status).toBe(403);
      expect(await admins()).toHaveLength(0);
    });

    it('creates the first admin with the password they chose, audited, then closes for good', async () => {
      const { db, app, post, admins } = await setUp(open);
      const made = await post(form('electoral-services'), { 'user-agent': 'Phone browser' });
      expect(made.status).toBe(303);
      expect(made.headers.get('location')).toBe('/login?next=/admin');
      const [admin] = await admins();
      expect(admin).toMatchObject({ name: 'electoral-services', role: 'admin', disabled: false });
      expect(await verifyPassword('town hall count 2026', admin!.passwordHash)).toBe(true);
      const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, admin!.id));
      expect(audit).toMatchObject([{ action: 'user.create', userId: admin!.id, userAgent: 'Phone browser', detail: { name: 'electoral-services', role: 'admin', via: 'setup' } }]);

      const again = await post(form('second-admin'));
      expect(again.status).toBe(404);
      expect(await again.text()).toContain('Declare already has an admin');
      const page = await app.request('/setup');
      expect(page.status).toBe(404);
      expect(await admins()).toHaveLength(1);
    });

    it('lets only one of two people racing through setup become admin', async () => {
      const { post, admins } = await setUp(open);
      const answers = await Promise.all([post(form('first-racer')), post(form('second-racer'))]);
      expect(answers.map((a) => a.status).sort()).toEqual([303, 409]);
      expect(await admins()).toHaveLength(1);
    });
  });
}
