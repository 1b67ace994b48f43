// The admin's accounts screen (/admin): revoking API tokens, disabling and re-enabling
// users, signing out everywhere, unlocking sign-in; each audited, on both drivers.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/audit';
import type { Db } from '../../db/client';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import { users } from '../../db/schema';
import { addApiToken } from '../../db/users';
import { formBody, harness, signIn, testPassword } from '../support/harness';
import { textOf } from '../support/pageText';

const origin = 'http://localhost';

/** The officer signing in with a password, as the sign-in form posts it. */
function signInStatus(h: Awaited<ReturnType<typeof harness>>, password: string) {
  return h.app.request('/login', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '198.51.100.9' },
    body: formBody({ name: h.officer.user.name, password, next: '/officer' }),
  });
}

export function accountsSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the admin's accounts screen (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const wards = `/officer/elections/${encodeURIComponent(h.def.id)}`;
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      /** What the API says to a token: 200 while it works, 401 once it does not. */
      const apiStatus = async (token: string) =>
        (await h.app.request(wards, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } })).status;
      const signInStatus = async (password = testPassword, source = '198.51.100.1') =>
        h.app.request('/login', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': source },
          body: formBody({ name: h.officer.user.name, password, next: wards }),
        });
      /** Follows the admin's redirect to the page a person then sees, as text. */
      const landing = async (res: Response) => {
        expect(res.status).toBe(303);
        return (await admin.get(res.headers.get('location')!)).text();
      };
      const actions = async () => (await auditTrail(h.db, 'user', h.officer.user.id)).map((e) => ({ action: e.action, by: e.userId }));
      return { h, wards, adminUser, admin, apiStatus, signInStatus, landing, actions };
    }

    it('warns the admin while PUBLIC_URL is not set, and not once it is', async () => {
      const { admin } = await setUp();
      expect(await (await admin.get('/admin')).text()).toContain('PUBLIC_URL is not set');
      const configured = await harness(open, { publicUrl: 'https://results.example.gov.uk' });
      const adminUser = await configured.userWithToken('admin');
      const signedIn = await signIn(configured.app, adminUser.user.name, testPassword, '/admin');
      expect(await (await signedIn.get('/admin')).text()).not.toContain('PUBLIC_URL is not set');
    });

    it('adds a person with a password shown once, which signs them in; refuses a taken name or no role, changing nothing', async () => {
      const { h, admin, adminUser } = await setUp();
      const name = `new-officer-${crypto.randomUUID().slice(0, 6)}`;
      const added = await admin.post('/admin/users', { _csrf: admin.csrf, name, role: 'officer' });
      expect(added.status).toBe(200);
      expect(added.headers.get('cache-control')).toBe('no-store');
      const html = await added.text();
      const password = html.match(/<code class="secret">([^<]+)<\/code>/)?.[1];
      expect(password).toBeDefined();
      expect(textOf(html)).toContain(`${name}'s password (officer), shown this once:`);
      const signedIn = await signIn(h.app, name, password!, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      expect((await signedIn.get(`/officer/elections/${encodeURIComponent(h.def.id)}`)).status).toBe(200);
      const created = await h.db.select().from(users).where(eq(users.name, name));
      expect(created[0]!.role).toBe('officer');
      expect(created[0]!.passwordHash).not.toContain(password!);
      expect((await auditTrail(h.db, 'user', created[0]!.id)).map((e) => ({ action: e.action, by: e.userId }))).toContainEqual({ action: 'user.create', by: adminUser.user.id });

      const count = async () => (await h.db.select().from(users)).length;
      const before = await count();
      const taken = await admin.post('/admin/users', { _csrf: admin.csrf, name, role: 'admin' });
      expect(taken.status).toBe(422);
      expect(textOf(await taken.text())).toContain(`There is already a user called ${name}. Choose another name. Nothing was changed.`);
      const noRole = await admin.post('/admin/users', { _csrf: admin.csrf, name: 'someone-else', role: 'boss' });
      expect(noRole.status).toBe(422);
      expect(textOf(await noRole.text())).toContain('Choose officer or admin.');
      const noName = await admin.post('/admin/users', { _csrf: admin.csrf, name: '  ', role: 'officer' });
      expect(textOf(await noName.text())).toContain('Enter a user name.');
      expect(await count()).toBe(before);
    });

    it('resets a password: the new one works, the old one and every session do not, tokens go on', async () => {
      const { h, wards, admin, adminUser, apiStatus, actions } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, wards);
      const page = await (await admin.get('/admin')).text();
      const resetPath = `/admin/users/${encodeURIComponent(h.officer.user.id)}/reset-password`;
      expect(page).toContain(`action="${resetPath}"`);
      const html = await (await admin.post(resetPath, { _csrf: admin.csrf })).text();
      const password = html.match(/<code class="secret">([^<]+)<\/code>/)![1]!;
      expect((await officer.get(wards)).status).not.toBe(200);
      expect((await signInStatus(h, testPassword)).status).not.toBe(303);
      expect((await signInStatus(h, password)).status).toBe(303);
      expect(await apiStatus(h.officer.token)).toBe(200);
      expect(await actions()).toContainEqual({ action: 'user.password.reset', by: adminUser.user.id });
    });

    it('makes an API token here, shown once, and lists when each token was last used', async () => {
      const { h, admin, apiStatus } = await setUp();
      const path = `/admin/users/${encodeURIComponent(h.officer.user.id)}/tokens`;
      const refused = await admin.post(path, { _csrf: admin.csrf, label: '' });
      expect(refused.status).toBe(422);
      expect(textOf(await refused.text())).toContain('Name the token after what will use it, like "count software".');
      const html = await (await admin.post(path, { _csrf: admin.csrf, label: 'count software' })).text();
      const token = html.match(/<code class="secret">([^<]+)<\/code>/)![1]!;
      expect(textOf(await (await admin.get('/admin')).text())).toMatch(/count software, made [^,]+, never used/);
      expect(await apiStatus(token)).toBe(200);
      const listed = textOf(await (await admin.get('/admin')).text());
      expect(listed).toMatch(/count software, made [^,]+, last used \d\d:\d\d on \w+day/);
    });

    it("lists each user's API tokens by name, and revokes one at once, leaving the others", async () => {
      const { h, admin, adminUser, apiStatus, landing, actions } = await setUp();
      const countPc = newApiToken();
      await addApiToken(h.db, h.officer.user.id, 'count-pc', await hashToken(countPc));
      const page = await (await admin.get('/admin')).text();
      expect(page).toContain('count-pc');
      expect(page).toContain('tests');
      const revokePath = (page.match(/<form[^>]*action="([^"]+\/revoke)"[^>]*>(?:(?!<\/form>)[^])*?Revoke count-pc/) ?? [])[1]!;
      expect(revokePath).toBeDefined();
      expect(await apiStatus(countPc)).toBe(200);

      const shown = await landing(await admin.post(revokePath, { _csrf: admin.csrf }));
      expect(shown).toContain(`Revoked the API token count-pc of ${h.officer.user.name}.`);
      expect(await apiStatus(countPc)).toBe(401);
      expect(await apiStatus(h.officer.token)).toBe(200);
      expect(shown).not.toContain('Revoke count-pc');
      expect(await actions()).toContainEqual({ action: 'token.revoke', by: adminUser.user.id });
    });

    it('disables a user: their session and API token stop at once, sign-in is refused; enabling lets them back', async () => {
      const { h, wards, admin, adminUser, apiStatus, signInStatus, landing, actions } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, wards);
      expect((await officer.get(wards)).status).toBe(200);

      const shown = await landing(await admin.post(`/admin/users/${h.officer.user.id}/disable`, { _csrf: admin.csrf }));
      expect(shown).toContain(`${h.officer.user.name} is disabled.`);
      expect((await officer.get(wards)).headers.get('location')).toMatch(/^\/login/);
      expect(await apiStatus(h.officer.token)).toBe(401);
      const refused = await signInStatus();
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('This account is disabled. Ask an admin to enable it.');
      expect((await signInStatus('a wrong password')).status).toBe(401);

      const back = await landing(await admin.post(`/admin/users/${h.officer.user.id}/enable`, { _csrf: admin.csrf }));
      expect(back).toContain(`${h.officer.user.name} can sign in again.`);
      expect((await signInStatus()).status).toBe(303);
      expect(await apiStatus(h.officer.token)).toBe(200);
      expect(await actions()).toEqual(expect.arrayContaining([
        { action: 'user.disable', by: adminUser.user.id },
        { action: 'user.enable', by: adminUser.user.id },
      ]));
    });

    it('does not let an admin disable their own account', async () => {
      const { h, admin, adminUser } = await setUp();
      const res = await admin.post(`/admin/users/${adminUser.user.id}/disable`, { _csrf: admin.csrf });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('You cannot disable your own account here: ask another admin, or use the command line. Nothing was changed.');
      expect((await h.db.select().from(users).where(eq(users.id, adminUser.user.id)))[0]!.disabled).toBe(false);
      expect((await admin.get('/admin')).status).toBe(200);
    });

    it("'Sign out everywhere' says it revokes the API tokens, and does: the token stops working too", async () => {
      const { h, wards, admin, adminUser, apiStatus, landing, actions } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, wards);
      const page = await (await admin.get('/admin')).text();
      expect(page).toContain('Sign out everywhere and revoke API tokens');
      const shown = await landing(await admin.post(`/admin/users/${h.officer.user.id}/end-sessions`, { _csrf: admin.csrf }));
      expect(shown).toContain(`Signed ${h.officer.user.name} out everywhere and revoked their API tokens.`);
      expect((await officer.get(wards)).headers.get('location')).toMatch(/^\/login/);
      expect(await apiStatus(h.officer.token)).toBe(401);
      expect(await actions()).toContainEqual({ action: 'user.sessions.end', by: adminUser.user.id });
    });

    it('unlocks sign-in for an account at once, and records who did', async () => {
      const { h, admin, adminUser, signInStatus, landing, actions } = await setUp();
      await Promise.all(Array.from({ length: 30 }, (_, i) => signInStatus(`guess ${i}`, '198.51.100.20')));
      expect((await signInStatus(testPassword, '198.51.100.20')).status).toBe(429);
      const page = await (await admin.get('/admin')).text();
      expect(page).toContain(`action="/admin/users/${h.officer.user.id}/unlock"`);
      const shown = await landing(await admin.post(`/admin/users/${h.officer.user.id}/unlock`, { _csrf: admin.csrf }));
      expect(shown).toContain(`Sign-in for ${h.officer.user.name} is unlocked.`);
      expect((await signInStatus(testPassword, '198.51.100.20')).status).toBe(303);
      expect(await actions()).toContainEqual({ action: 'user.unlock', by: adminUser.user.id });
    });

    it('keeps officers out of every account action', async () => {
      const { h, wards, apiStatus } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, wards);
      for (const action of ['disable', 'unlock', 'end-sessions']) {
        expect((await officer.post(`/admin/users/${h.officer.user.id}/${action}`, { _csrf: officer.csrf })).status).toBe(403);
      }
      expect(await apiStatus(h.officer.token)).toBe(200);
    });

    it('shows no text taken from the address: a crafted link shows nothing, a known code its fixed words', async () => {
      const { h, admin } = await setUp();
      const lie = 'Urgent: the server is compromised. Email your password to it@evil.example';
      for (const path of [`/admin?ended=${encodeURIComponent(lie)}`, `/admin?done=${encodeURIComponent(lie)}`, `/admin?done=unlocked&user=${encodeURIComponent(lie)}`]) {
        const page = await (await admin.get(path)).text();
        expect(page).not.toContain('compromised');
        expect(page).not.toContain('role="status"');
      }
      const known = await (await admin.get(`/admin?done=unlocked&user=${h.officer.user.id}`)).text();
      expect(known).toContain(`Sign-in for ${h.officer.user.name} is unlocked.`);
    });
  });
}
