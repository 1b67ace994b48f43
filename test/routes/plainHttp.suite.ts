// Signing in over plain HTTP on a non-local address, as a council rehearsing on its own
// Wi-Fi does (http://192.168.1.20:8787): refused with the reason by default; with
// ALLOW_HTTP_LOGIN=on, plain cookies and a banner on every page. These requests run in
// process: the address is only a Host, no traffic leaves the machine.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createApp, type AppOptions } from '../../src/app';
import { formBody, harness, testPassword } from '../support/harness';

const lan = 'http://192.168.1.20:8787';

export function plainHttpSuite(driver: string, open: () => Promise<Db>): void {
  describe(`signing in over plain HTTP (${driver})`, () => {
    async function setUp(options: Partial<AppOptions>, at = lan) {
      const h = await harness(open);
      const app = createApp({ db: () => h.db, ...options });
      const login = () =>
        app.request(`${at}/login`, {
          method: 'POST',
          headers: { origin: at, 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody({ name: h.officer.user.name, password: testPassword, next: '/officer' }),
        });
      return { h, app, login };
    }

    it('refuses with the reason and what to do, before any password is checked, and sets no cookie', async () => {
      const { app, login } = await setUp({});
      const page = await (await app.request(`${lan}/login`)).text();
      expect(page).toContain('This address uses plain HTTP, so your phone would not keep the sign-in.');
      expect(page).toContain('ALLOW_HTTP_LOGIN=on');
      const refused = await login();
      expect(refused.status).toBe(403);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect(await refused.text()).toContain('Use the HTTPS address of the site.');
    });

    it('signs in with plain cookies when ALLOW_HTTP_LOGIN is on, and says so on every page', async () => {
      const { h, app, login } = await setUp({ allowHttpLogin: true });
      const res = await login();
      expect(res.status).toBe(303);
      // Both cookies arrive in one header here; neither has Expires, so no comma inside one.
      const cookies = (res.headers.get('set-cookie') ?? '').split(/,\s*(?=[\w-]+=)/);
      const session = cookies.find((c) => c.startsWith('declare_session='))!;
      expect(session).toMatch(/; HttpOnly/);
      expect(session).not.toMatch(/; Secure/);
      expect(cookies.some((c) => c.startsWith('__Host-'))).toBe(false);
      const page = await app.request(`${lan}/officer/elections/${encodeURIComponent(h.def.id)}`, { headers: { cookie: session.split(';')[0]!, accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Rehearsal over plain HTTP: passwords and results cross the network unencrypted.');
    });

    it("keeps the hardened cookies behind a proxy that ends TLS for PUBLIC_URL's host", async () => {
      const { login } = await setUp({ publicUrl: 'https://results.example.gov.uk' }, 'http://results.example.gov.uk');
      const res = await login();
      expect(res.status).toBe(303);
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-declare_session=[^;]+;.*; Secure/);
    });
  });
}
