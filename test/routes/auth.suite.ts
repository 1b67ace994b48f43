// Signing in, sessions, CSRF and the login throttle, on both drivers.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import { formBody, harness, signIn, testPassword } from '../support/harness';

const origin = 'http://localhost';

export function authSuite(driver: string, open: () => Promise<Db>): void {
  describe(`signing in (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const wards = `/officer/elections/${encodeURIComponent(h.def.id)}`;
      return { h, wards, login: (name: string, password: string) => h.app.request('/login', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: formBody({ name, password, next: wards }),
      }) };
    }

    it('sends a browser without a session to the login page, and an API client gets 401', async () => {
      const { h, wards } = await setUp();
      const page = await h.app.request(wards, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent(wards)}`);
      const api = await h.app.request(wards, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(401);
    });

    it('signs in with a fresh, hardened session cookie and lands where it was going', async () => {
      const { h, wards, login } = await setUp();
      const res = await login(h.officer.user.name, testPassword);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(wards);
      const cookie = res.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^__Host-declare_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      const again = (await login(h.officer.user.name, testPassword)).headers.get('set-cookie')!;
      expect(again.split(';')[0]).not.toBe(cookie.split(';')[0]);
      const page = await h.app.request(wards, { headers: { cookie: cookie.split(';')[0]!, accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('All Saints');
    });

    it('stores only a hash of the session token', async () => {
      const { h, login } = await setUp();
      const token = (await login(h.officer.user.name, testPassword)).headers.get('set-cookie')!.split(';')[0]!.split('=')[1]!;
      const rows = await h.db.select().from(sessions).where(eq(sessions.userId, h.officer.user.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).not.toBe(token);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('lands a crafted sign-in link on the officer page, signed in, never elsewhere and never an error', async () => {
      const { h, wards } = await setUp();
      for (const next of ['/\n/evil.example', '/\r/evil.example', '/\0/evil.example', '/\t/localhost:9999/', '//evil.example', 'https://evil.example/']) {
        const res = await h.app.request('/login', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody({ name: h.officer.user.name, password: testPassword, next }),
        });
        expect(res.status, JSON.stringify(next)).toBe(303);
        expect(res.headers.get('location'), JSON.stringify(next)).toBe('/officer');
        const cookie = res.headers.get('set-cookie')!;
        expect(cookie).toMatch(/^__Host-declare_session=[A-Za-z0-9_-]{43};/);
        const page = await h.app.request(wards, { headers: { cookie: cookie.split(';')[0]!, accept: 'text/html' } });
        expect(page.status).toBe(200);
      }
      // The sign-in form carries the cleaned value, not the crafted one.
      const form = await (await h.app.request(`/login?next=${encodeURIComponent('/\t/localhost:9999/')}`)).text();
      expect(form).toContain('name="next" value="/officer"');
    });

    it('refuses a wrong password with a plain message', async () => {
      const { h, login } = await setUp();
      const res = await login(h.officer.user.name, 'wrong password');
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('That user name and password do not match.');
      expect((await login('nobody-at-all', testPassword)).status).toBe(401);
    });

    // What a browser sends to sign in: from an address (on Workers, CF-Connecting-IP) and
    // with the known-device cookie it was given at an earlier sign-in, if any.
    function attempt(h: Awaited<ReturnType<typeof harness>>, name: string, password: string, from: { source: string; device?: string }) {
      return h.app.request('/login', {
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/x-www-form-urlencoded',
          'cf-connecting-ip': from.source,
          ...(from.device ? { cookie: from.device } : {}),
        },
        body: formBody({ name, password, next: '/officer' }),
      });
    }
    // Every Set-Cookie header apart (the runtimes have getSetCookie; not every lib's types do).
    const setCookies = (res: Response): string[] => (res.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
    const deviceCookieOf = (res: Response) => setCookies(res).find((c) => c.startsWith('__Host-declare_device='))?.split(';')[0];
    const statuses = (responses: Response[]) => responses.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});

    it('checks at most five passwords for an account from one place, however many guesses arrive at once', async () => {
      const { h } = await setUp();
      const name = h.officer.user.name;
      const guesses = await Promise.all(Array.from({ length: 150 }, (_, i) => attempt(h, name, `guess ${i}`, { source: '198.51.100.7' })));
      expect(statuses(guesses)).toEqual({ 401: 5, 429: 145 });
      const refused = guesses.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(300);
      expect(await refused.text()).toMatch(/Too many wrong passwords for this account\. Try again in (\d+ seconds|\d+ minutes?)/);
      // The same account from elsewhere in the venue, and another account from the same place, are not held up.
      expect((await attempt(h, name, testPassword, { source: '198.51.100.8' })).status).toBe(303);
      const other = await h.userWithToken('admin');
      expect((await attempt(h, other.user.name, testPassword, { source: '198.51.100.7' })).status).toBe(303);
    });

    it('cannot be used to lock an officer out of the phone they signed in on before', async () => {
      const { h } = await setUp();
      const name = h.officer.user.name;
      const venue = '203.0.113.50';
      const firstSignIn = await attempt(h, name, testPassword, { source: venue });
      expect(firstSignIn.status).toBe(303);
      const phone = deviceCookieOf(firstSignIn)!;
      expect(phone).toMatch(/^__Host-declare_device=[A-Za-z0-9_-]{43}$/);
      expect(setCookies(firstSignIn).find((c) => c.startsWith('__Host-declare_device='))).toMatch(/; Max-Age=\d{7,}; .*Secure/);

      // An attacker floods the account from the venue's own address and from 40 others.
      const flood = await Promise.all([
        ...Array.from({ length: 60 }, (_, i) => attempt(h, name, `venue guess ${i}`, { source: venue })),
        ...Array.from({ length: 40 }, (_, i) => attempt(h, name, `botnet guess ${i}`, { source: `192.0.2.${i + 1}` })),
      ]);
      expect(flood.every((r) => r.status === 401 || r.status === 429)).toBe(true);
      expect(flood.filter((r) => r.status === 401).length).toBeLessThanOrEqual(25);

      // A browser the account has never used is held up everywhere, and told until when...
      const stranger = await attempt(h, name, testPassword, { source: '198.51.100.99' });
      expect(stranger.status).toBe(429);
      expect(await stranger.text()).toMatch(/Try again in \d+ (seconds|minutes?)/);
      // ...but the officer's own phone, at the venue, still gets in with the right password.
      const officer = await attempt(h, name, testPassword, { source: venue, device: phone });
      expect(officer.status).toBe(303);
      expect(officer.headers.get('set-cookie')).toMatch(/__Host-declare_session=/);
      // The phone's cookie is no key: with a wrong password it is held to five as well.
      const wrongOnPhone = [];
      for (let i = 0; i < 7; i++) wrongOnPhone.push((await attempt(h, name, `phone guess ${i}`, { source: venue, device: phone })).status);
      expect(wrongOnPhone).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // A device cookie of another account does not exempt this one.
      const other = await h.userWithToken('admin');
      expect((await attempt(h, other.user.name, testPassword, { source: '198.51.100.99', device: phone })).status).toBe(303);
    });

    it('makes a session unusable after sign-out and after expiry', async () => {
      const { h, wards } = await setUp();
      const browser = await signIn(h.app, h.officer.user.name, testPassword, wards);
      expect((await browser.post('/logout', { _csrf: browser.csrf })).status).toBe(303);
      expect((await browser.get(wards)).status).toBe(303);

      const second = await signIn(h.app, h.officer.user.name, testPassword, wards);
      await h.db.update(sessions).set({ expiresAt: '2000-01-01T00:00:00.000Z' }).where(eq(sessions.userId, h.officer.user.id));
      expect((await second.get(wards)).status).toBe(303);
    });

    it('lets an admin end every session of a user, and an officer cannot', async () => {
      const { h, wards } = await setUp();
      const officerBrowser = await signIn(h.app, h.officer.user.name, testPassword, wards);
      const adminUser = await h.userWithToken('admin');
      const adminBrowser = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const endPath = `/admin/users/${h.officer.user.id}/end-sessions`;

      const refused = await officerBrowser.post(endPath, { _csrf: officerBrowser.csrf });
      expect(refused.status).toBe(403);
      expect((await officerBrowser.get(wards)).status).toBe(200);

      const ended = await adminBrowser.post(endPath, { _csrf: adminBrowser.csrf });
      expect(ended.status).toBe(303);
      expect((await officerBrowser.get(wards)).status).toBe(303);
    });

    it('refuses a form post with a missing or wrong CSRF token, or from another site', async () => {
      const { h, wards } = await setUp();
      const browser = await signIn(h.app, h.officer.user.name, testPassword, wards);
      const contest = await h.contest('All Saints');
      const path = `/officer/contests/${encodeURIComponent(contest.id)}/status`;
      const forged: Record<string, string>[] = [{ status: 'counting' }, { status: 'counting', _csrf: 'forged' }];
      for (const form of forged) {
        const res = await browser.post(path, form);
        expect(res.status).toBe(403);
        expect(await res.text()).toContain('This form has expired or did not come from this site');
      }
      const crossSite = await browser.post(path, { status: 'counting', _csrf: browser.csrf }, { origin: 'https://evil.example' });
      expect(crossSite.status).toBe(403);
      expect((await h.contest('All Saints')).status).toBe('awaiting');

      const ok = await browser.post(path, { status: 'counting', confirmed: 'yes', _csrf: browser.csrf });
      expect(ok.status).toBe(303);
      expect((await h.contest('All Saints')).status).toBe('counting');
    });
  });
}
