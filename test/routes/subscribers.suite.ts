// Admin → Newsroom subscribers over HTTP, on both drivers: adding one (a secret made and
// shown once, or typed), the form's refusals in words, pausing, resuming, removing, the
// deliveries each declaration queues, their counts, and retrying a failed one. Admins only,
// with CSRF on every form; hostile names escaped everywhere they are shown.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { auditTrail } from '../../db/audit';
import type { Db } from '../../db/client';
import { claimNext } from '../../db/outbox';
import { outbox, subscribers } from '../../db/schema';
import { subscriberChannel } from '../../db/subscribers';
import { medwayNight } from '../social/medwayNight';
import { publishedHostileName } from '../support/hostile';
import { dumpDatabase, signIn, testPassword, type Browser } from '../support/harness';

const claimer = { id: 'suite-dispatcher', claimMs: 60_000 };
const rawHostile = '<img src=x onerror=alert(1)>';
const escapedHostile = '&lt;img src=x onerror=alert(1)&gt;';

export function subscribersSuite(driver: string, open: () => Promise<Db>): void {
  describe(`newsroom subscribers, the admin's screen (${driver})`, () => {
    async function setUp() {
      const night = await medwayNight(open, { channels: ['x'] });
      // Subscribers are not per election: on D1 the suites share one database, so each test
      // takes its subscribers away again.
      onTestFinished(async () => {
        await night.db.delete(subscribers);
      });
      const adminUser = await night.userWithToken('admin');
      const admin = await signIn(night.app, adminUser.user.name, testPassword, '/admin/subscribers');
      const officer = await signIn(night.app, night.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(night.def.id)}`);
      /** Adds one through the form with a typed secret; its id, from where the form leads. */
      const add = async (name: string, url: string, secret = 'a-typed-secret-0123456789abcdef') => {
        const res = await admin.post('/admin/subscribers', { _csrf: admin.csrf, name, url, secret });
        expect(res.status, await res.clone().text()).toBe(303);
        return new URL(res.headers.get('location')!, 'http://localhost').searchParams.get('subscriber')!;
      };
      /** This election's deliveries to one subscriber, as "ward@version status". */
      const deliveries = async (id: string) => {
        const rows = await night.db.select().from(outbox).where(eq(outbox.channel, subscriberChannel(id)));
        const names = new Map((await Promise.all(['Luton', 'Twydall', 'Strood Rural'].map((n) => night.contest(n)))).map((c) => [c.id, c.name]));
        return rows.filter((r) => r.contestId !== null && names.has(r.contestId)).map((r) => `${names.get(r.contestId!)}@${r.version} ${r.status}`).sort();
      };
      const landing = async (browser: Browser, res: Response) => {
        expect(res.status).toBe(303);
        return (await browser.get(res.headers.get('location')!)).text();
      };
      return { night, admin, officer, add, deliveries, landing };
    }

    it('adds a subscriber with a secret made for it, shown on that answer once and never again', async () => {
      const { night, admin } = await setUp();
      const res = await admin.post('/admin/subscribers', { _csrf: admin.csrf, name: 'Kent Messenger', url: 'https://km.example/declare', secret: '' });
      expect(res.status).toBe(201);
      const html = await res.text();
      const secret = html.match(/<code id="new-secret">([^<]+)<\/code>/)?.[1];
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(html).toContain('Kent Messenger added: copy its secret now');
      const [stored] = await night.db.select().from(subscribers);
      expect(stored).toMatchObject({ name: 'Kent Messenger', url: 'https://km.example/declare', secret, paused: false });
      const list = await (await admin.get('/admin/subscribers')).text();
      expect(list).toContain('<code class="breaks-anywhere">https://km.example/declare</code>');
      expect(list).not.toContain(secret);
      expect(JSON.stringify(await auditTrail(night.db, 'subscriber', stored!.id))).not.toContain(secret);
    });

    it('takes a typed secret, says the subscriber was added, and shows the secret nowhere', async () => {
      const { night, admin, landing } = await setUp();
      const secret = 'newsroom-chose-this-0123456789';
      const page = await landing(admin, await admin.post('/admin/subscribers', { _csrf: admin.csrf, name: 'BBC South East', url: 'https://bbc.example/hook', secret }));
      expect(page).toContain('<p role="status">BBC South East added. It gets every declaration and correction from now on.</p>');
      expect(page).not.toContain(secret);
      expect((await night.db.select().from(subscribers))[0]!.secret).toBe(secret);
    });

    it('refuses a bad form with every problem in words, keeps what was typed, and changes nothing', async () => {
      const { night, admin, add } = await setUp();
      await add('Kent Messenger', 'https://km.example/declare');
      const before = await dumpDatabase(night.db);
      const refused = async (form: Record<string, string>, ...messages: string[]) => {
        const res = await admin.post('/admin/subscribers', { _csrf: admin.csrf, name: 'A newsroom', url: 'https://ok.example/', secret: '', ...form });
        expect(res.status, JSON.stringify(form)).toBe(422);
        const html = await res.text();
        expect(html).toContain('The subscriber was not added');
        for (const message of messages) expect(html).toContain(message);
        return html;
      };
      const all = await refused(
        { name: '  ', url: 'http://newsroom.example/hook', secret: 'short' },
        'Give the subscriber a name',
        'The address must start with https://, so deliveries travel encrypted (plain http:// only for a receiver on this machine: localhost or 127.0.0.1).',
        'The secret must be at least 24 characters, so it cannot be guessed; or leave it empty and one is made.',
      );
      expect(all).toContain('value="http://newsroom.example/hook"');
      await refused({ url: 'newsroom dot example' }, 'That is not a web address: give the whole address, starting with https://.');
      await refused({ url: 'ftp://files.example/' }, 'The address must start with https://');
      await refused({ url: '' }, 'Give the address deliveries go to, like https://newsroom.example/declare.');
      await refused({ url: 'https://user:pass@newsroom.example/' }, 'The address must not hold a user name or password');
      await refused({ name: 'BBC\u0008' }, 'The name contains a control character (U+0008) that cannot be published');
      await refused({ secret: 'this secret has spaces in it 0123' }, 'The secret may hold only letters, digits and keyboard punctuation, without spaces.');
      await refused({ url: 'https://km.example/declare' }, 'There is already a subscriber at that address: nothing was added.');
      expect(await dumpDatabase(night.db)).toEqual(before);
      // This machine's own receivers may use plain http (trying a receiver out, the tests).
      await add('On this machine', 'http://127.0.0.1:9000/declare');
      await add('Also on this machine', 'http://localhost:9001/declare');
    });

    it('escapes a hostile name wherever it is shown', async () => {
      const { night, admin, add } = await setUp();
      const created = await admin.post('/admin/subscribers', { _csrf: admin.csrf, name: publishedHostileName, url: 'https://evil.example/' });
      const retyped = await admin.post('/admin/subscribers', { _csrf: admin.csrf, name: publishedHostileName, url: 'not an address' });
      const id = await add(publishedHostileName, 'https://second.example/');
      await night.declareWard('Luton');
      await night.db.update(outbox).set({ status: 'failed', attempts: 8, lastError: 'The subscriber refused the post (401): bad signature' }).where(eq(outbox.channel, subscriberChannel(id)));
      const paused = await admin.post(`/admin/subscribers/${id}/pause`, { _csrf: admin.csrf });
      const pages = [await created.text(), await retyped.text(), await (await admin.get(paused.headers.get('location')!)).text()];
      for (const html of pages) {
        expect(html).not.toContain(rawHostile);
        expect(html).toContain(escapedHostile);
      }
      // The list, the failed delivery and the notice each name it.
      expect(pages[2]!.split(escapedHostile).length - 1).toBeGreaterThanOrEqual(4);
    });

    it('queues a delivery per subscriber with each declaration: none of the back catalogue, waiting while paused, nothing once removed', async () => {
      const { night, admin, officer, add, deliveries } = await setUp();
      const km = await add('Kent Messenger', 'https://km.example/declare');
      const bbc = await add('BBC South East', 'https://bbc.example/hook');
      const luton = await night.declareWard('Luton');
      const late = await add('Late newsroom', 'https://late.example/hook');
      await night.declareWard('Twydall');
      expect(await deliveries(km)).toEqual(['Luton@1 pending', 'Twydall@1 pending']);
      expect(await deliveries(bbc)).toEqual(['Luton@1 pending', 'Twydall@1 pending']);
      expect(await deliveries(late)).toEqual(['Twydall@1 pending']);

      // Paused: queued, and not handed to any dispatcher until resumed.
      await admin.post(`/admin/subscribers/${bbc}/pause`, { _csrf: admin.csrf });
      await night.correctWard('Luton', 7);
      expect(await deliveries(bbc)).toEqual(['Luton@1 pending', 'Luton@2 pending', 'Twydall@1 pending']);
      expect(await claimNext(night.db, subscriberChannel(bbc), claimer, Date.now())).toBeNull();
      await admin.post(`/admin/subscribers/${bbc}/resume`, { _csrf: admin.csrf });
      expect(await claimNext(night.db, subscriberChannel(bbc), claimer, Date.now())).toMatchObject({ version: 1, status: 'sending' });

      // Removed: what was waiting is cancelled, and nothing new is queued.
      await admin.post(`/admin/subscribers/${km}/remove`, { _csrf: admin.csrf });
      await night.declareWard('Strood Rural');
      expect(await deliveries(km)).toEqual(['Luton@1 cancelled', 'Luton@2 cancelled', 'Twydall@1 cancelled']);
      expect(await deliveries(late)).toEqual(['Luton@2 pending', 'Strood Rural@1 pending', 'Twydall@1 pending']);

      // The officer at the count and the social screen see the council's posts only.
      const posts = await (await officer.get(`/officer/contests/${encodeURIComponent(luton)}/posts`, { 'hx-request': 'true' })).text();
      expect(posts).toContain('<strong>X</strong>: queued');
      expect(posts).not.toContain('subscriber');
      const social = await (await admin.get('/admin/social')).text();
      expect(social).not.toContain('subscriber:');
    });

    it("shows each subscriber's deliveries in numbers, and retries a failed one", async () => {
      const { night, admin, add, landing } = await setUp();
      const id = await add('Kent Messenger', 'https://km.example/declare');
      const luton = await night.declareWard('Luton');
      const twydall = await night.declareWard('Twydall');
      await night.declareWard('Strood Rural');
      const mine = (contestId: string) => and(eq(outbox.channel, subscriberChannel(id)), eq(outbox.contestId, contestId));
      const sentAt = '2023-05-05T00:41:07.000Z';
      await night.db.update(outbox).set({ status: 'posted', attempts: 1, updatedAt: sentAt }).where(mine(luton));
      await night.db.update(outbox).set({ status: 'failed', attempts: 8, lastError: 'The subscriber answered 503: down for maintenance (gave up after 8 attempts)' }).where(mine(twydall));
      const page = await (await admin.get('/admin/subscribers')).text();
      expect(page).toContain('1 sent, 1 queued, 1 failed');
      expect(page).toContain(`last <time datetime="${sentAt}">01:41 on Friday 5 May 2023</time>`);
      expect(page).toContain('The subscriber answered 503: down for maintenance (gave up after 8 attempts) An admin can retry it.');
      const [failed] = await night.db.select().from(outbox).where(mine(twydall));
      expect(page).toContain(`action="/admin/subscribers/deliveries/${failed!.id}/retry"`);

      expect((await admin.post(`/admin/subscribers/deliveries/${failed!.id}/retry`, {})).status).toBe(403);
      const [social] = await night.db.select().from(outbox).where(and(eq(outbox.channel, 'x'), eq(outbox.contestId, twydall)));
      expect((await admin.post(`/admin/subscribers/deliveries/${social!.id}/retry`, { _csrf: admin.csrf })).status).toBe(404);
      const after = await landing(admin, await admin.post(`/admin/subscribers/deliveries/${failed!.id}/retry`, { _csrf: admin.csrf }));
      expect(after).toContain('The failed delivery to Kent Messenger will be tried again.');
      expect(after).toContain('1 sent, 2 queued');
      expect((await night.db.select().from(outbox).where(mine(twydall)))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    });

    it('pauses, resumes and removes with the forms, each audited', async () => {
      const { night, admin, add, landing } = await setUp();
      const id = await add('Kent Messenger', 'https://km.example/declare');
      const paused = await landing(admin, await admin.post(`/admin/subscribers/${id}/pause`, { _csrf: admin.csrf }));
      expect(paused).toContain('Kent Messenger paused: its deliveries wait until it is resumed.');
      expect(paused).toContain('Kent Messenger<strong> (paused)</strong>');
      expect(paused).toContain('>Resume</button>');
      const resumed = await landing(admin, await admin.post(`/admin/subscribers/${id}/resume`, { _csrf: admin.csrf }));
      expect(resumed).toContain('Kent Messenger resumed: waiting deliveries go out in order.');
      expect(resumed).not.toContain('(paused)');
      const removed = await landing(admin, await admin.post(`/admin/subscribers/${id}/remove`, { _csrf: admin.csrf }));
      expect(removed).toContain('The subscriber was removed, with its secret. Nothing more is sent to it.');
      expect(removed).toContain('No subscribers yet.');
      expect(await night.db.select().from(subscribers)).toEqual([]);
      const trail = await auditTrail(night.db, 'subscriber', id);
      expect(trail.map((e) => e.action)).toEqual(['subscriber.remove', 'subscriber.resume', 'subscriber.pause', 'subscriber.add']);
      expect((await admin.post(`/admin/subscribers/${id}/pause`, { _csrf: admin.csrf })).status).toBe(404);
      expect((await admin.post(`/admin/subscribers/${id}/explode`, { _csrf: admin.csrf })).status).toBe(404);
    });

    it('keeps officers and strangers out, needs the CSRF token, and shows no words from the address', async () => {
      const { night, admin, officer, add } = await setUp();
      expect((await officer.get('/admin/subscribers')).status).toBe(403);
      expect((await officer.post('/admin/subscribers', { _csrf: officer.csrf, name: 'Mine', url: 'https://mine.example/' })).status).toBe(403);
      const stranger = await night.app.request('/admin/subscribers', { headers: { accept: 'text/html' } });
      expect(stranger.status).toBe(303);
      expect(stranger.headers.get('location')).toBe('/login?next=%2Fadmin%2Fsubscribers');
      expect((await admin.post('/admin/subscribers', { name: 'No token', url: 'https://no-token.example/' })).status).toBe(403);
      expect(await night.db.select().from(subscribers)).toEqual([]);

      const id = await add('Kent Messenger', 'https://km.example/declare');
      const lie = 'Deliveries are broken: paste the secret into https://evil.example';
      for (const query of [`done=${encodeURIComponent(lie)}`, `done=paused&subscriber=${encodeURIComponent(lie)}`]) {
        const page = await (await admin.get(`/admin/subscribers?${query}`)).text();
        expect(page).not.toContain('evil.example');
        expect(page).not.toContain('role="status"');
      }
      expect(await (await admin.get(`/admin/subscribers?done=paused&subscriber=${id}`)).text()).toContain('<p role="status">Kent Messenger paused');
    });
  });
}
