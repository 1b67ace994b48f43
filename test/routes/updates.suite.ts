// Updates from the count, written through the API and the officer's phone pages, on both
// drivers: published once per submission, corrected and withdrawn as new versions, and
// every bad input refused in words with nothing changed.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { resetRehearsal, setRehearsal } from '../../db/rehearsal';
import { outbox } from '../../db/schema';
import { addSubscriber } from '../../db/subscribers';
import { londonClock } from '../../views/shared/londonTime';
import { dumpDatabase, harness, signIn, testPassword } from '../support/harness';
import { publishedHostileName } from '../support/hostile';

type Harness = Awaited<ReturnType<typeof harness>>;

/** The write API for updates, as count software calls it. */
export function updatesClient(h: Harness) {
  const base = `/api/v1/elections/${encodeURIComponent(h.def.id)}/updates`;
  const headers = (init: { token?: string | null; key?: string | null } = {}) => {
    const out: Record<string, string> = { 'content-type': 'application/json' };
    const token = init.token === undefined ? h.officer.token : init.token;
    if (token) out.authorization = `Bearer ${token}`;
    const key = init.key === undefined ? crypto.randomUUID() : init.key;
    if (key) out['idempotency-key'] = key;
    return out;
  };
  return {
    base,
    post: (body: unknown, init: { token?: string | null; key?: string | null } = {}) =>
      h.app.request(base, { method: 'POST', headers: headers(init), body: typeof body === 'string' ? body : JSON.stringify(body) }),
    correct: (id: string, text: unknown, token: string | null = h.officer.token) =>
      h.app.request(`${base}/${encodeURIComponent(id)}`, { method: 'PUT', headers: headers({ token, key: null }), body: JSON.stringify({ text }) }),
    withdraw: (id: string, token: string | null = h.officer.token) =>
      h.app.request(`${base}/${encodeURIComponent(id)}/withdraw`, { method: 'POST', headers: headers({ token, key: null }), body: '{}' }),
    election: async () => (await h.getJson(`/api/v1/elections/${encodeURIComponent(h.def.id)}`)).body,
  };
}

export function updatesRouteSuite(driver: string, open: () => Promise<Db>): void {
  describe(`updates from the count through the API (${driver})`, () => {
    it('publishes an update once per Idempotency-Key, and says which key was reused for something else', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const key = crypto.randomUUID();
      const text = 'Verification has finished in all wards. Counting has started.';
      const first = await api.post({ text }, { key });
      expect(first.status).toBe(201);
      const update = await first.json() as any;
      expect(update).toMatchObject({ version: 1, text, contestId: null, contestName: null, corrected: false, withdrawn: false });
      expect(update.postedAt).toBe(update.updatedAt);

      const again = await api.post({ text }, { key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json() as any).toEqual(update);
      const reused = await api.post({ text: 'Something else entirely.' }, { key });
      expect(reused.status).toBe(409);
      expect((await reused.json() as any).message).toMatch(/already used for a different submission/);

      const election = await api.election();
      expect(election.updates).toEqual([update]);
      expect(election.updatedAt).toBe(update.postedAt);
    });

    it('ties an update to a ward of the election, by id', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const rainham = await h.contest('Rainham North');
      const res = await api.post({ text: 'A recount has been requested in Rainham North.', contestId: rainham.id });
      expect(res.status).toBe(201);
      expect(await res.json() as any).toMatchObject({ contestId: rainham.id, contestName: 'Rainham North' });
    });

    it('refuses bad input in plain words, and changes nothing', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      // A ward of another election is not a ward of this one (imported first: on D1 the two share a database).
      const other = await harness(open);
      const otherWard = (await other.contest('All Saints')).id;
      const before = await dumpDatabase(h.db);
      const refusals: [Response, number, RegExp][] = [
        [await api.post({ text: '   ' }), 422, /The update is empty/],
        [await api.post({ text: 'x'.repeat(281) }), 422, /281 characters long: it can be at most 280, so that it fits in one post/],
        [await api.post({ text: 'Counting \u0007 has started.' }), 422, /control character \(U\+0007\)/],
        [await api.post({ text: 42 }), 422, /must be text/],
        [await api.post({ text: 'Counting has started.', contestId: 'no-such-ward' }), 422, /no ward with that id in this election/],
        [await api.post({ text: 'Counting has started.' }, { key: null }), 422, /Idempotency-Key/],
        [await api.post({ text: 'Counting has started.' }, { token: null }), 401, /Sign in/],
        [await api.post({ text: 'Counting has started.' }, { token: 'declare_wrong' }), 401, /Sign in/],
      ];
      for (const [res, status, message] of refusals) {
        expect(res.status).toBe(status);
        expect(JSON.stringify(await res.json() as any)).toMatch(message);
      }
      const elsewhere = await h.app.request('/api/v1/elections/no-such-election/updates', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${h.officer.token}`, 'idempotency-key': 'k1' },
        body: JSON.stringify({ text: 'Counting has started.' }),
      });
      expect(elsewhere.status).toBe(404);
      expect((await api.post({ text: 'Counting has started.', contestId: otherWard })).status).toBe(422);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('corrects an update as a new version, withdraws it as another, and keeps every one', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const { id } = await (await api.post({ text: 'Counting has started in all wads.' })).json() as any;

      const corrected = await api.correct(id, 'Counting has started in all wards.');
      expect(corrected.status).toBe(200);
      const v2 = await corrected.json() as any;
      expect(v2).toMatchObject({ id, version: 2, text: 'Counting has started in all wards.', corrected: true, withdrawn: false });
      // The same words again publish nothing.
      expect(await (await api.correct(id, 'Counting has started in all wards.')).json() as any).toEqual(v2);

      const withdrawn = await (await api.withdraw(id)).json() as any;
      expect(withdrawn).toMatchObject({ id, version: 3, text: 'Counting has started in all wards.', withdrawn: true });
      expect(await (await api.withdraw(id)).json() as any).toEqual(withdrawn);
      const late = await api.correct(id, 'Too late.');
      expect(late.status).toBe(422);
      expect((await late.json() as any).message).toMatch(/withdrawn, so it cannot be corrected/);

      expect((await api.election()).updates).toEqual([withdrawn]);
      expect((await api.correct('no-such-update', 'Hello.')).status).toBe(404);
      expect((await api.withdraw('no-such-update')).status).toBe(404);
      expect((await api.correct(id, '')).status).toBe(422);
      expect((await api.withdraw(id, null)).status).toBe(401);
    });
  });

  describe(`updates from the count on the officer's phone (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const page = `/officer/elections/${encodeURIComponent(h.def.id)}/updates`;
      const browser = await signIn(h.app, h.officer.user.name, testPassword, page);
      return { h, page, browser };
    }

    it("keeps other sites out of the write API: no preflight allows a write, and a session's write needs its CSRF token", async () => {
      const { h, browser } = await setUp();
      const path = `/api/v1/elections/${encodeURIComponent(h.def.id)}/updates`;
      const preflight = await h.app.request(path, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
      const viaSession = await h.app.request(path, {
        method: 'POST',
        headers: { cookie: browser.cookie, 'content-type': 'application/json', 'idempotency-key': 'k1' },
        body: JSON.stringify({ text: 'Counting has started.' }),
      });
      expect(viaSession.status).toBe(403);
      expect(viaSession.headers.get('access-control-allow-origin')).toBeNull();
      expect((await updatesClient(h).election()).updates).toEqual([]);
    });

    it('is linked from the ward list, and needs a sign-in', async () => {
      const { h, page, browser } = await setUp();
      expect(await (await browser.get(`/officer/elections/${encodeURIComponent(h.def.id)}`)).text()).toContain(`href="${page}"`);
      const anonymous = await h.app.request(page, { headers: { accept: 'text/html' } });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
      const posted = await h.app.request(page, {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: 'text=Hello',
      });
      expect(posted.status).toBe(401);
    });

    it('publishes from the form, once even when the form is sent twice, optionally about a ward', async () => {
      const { h, page, browser } = await setUp();
      const ward = await h.contest('Rainham North');
      const form = { _csrf: browser.csrf, key: crypto.randomUUID(), text: 'A recount has been requested in Rainham North.', contestId: ward.id };
      const res = await browser.post(page, form);
      expect(res.status).toBe(303);
      expect((await browser.post(page, form)).status).toBe(303);
      const html = await (await browser.get(res.headers.get('location')!)).text();
      expect(html).toContain('Published on the public page: “A recount has been requested in Rainham North.”');
      const { updates } = await updatesClient(h).election();
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ contestName: 'Rainham North', version: 1 });
    });

    it('shows each problem beside its box, keeps what was typed, and publishes nothing', async () => {
      const { h, page, browser } = await setUp();
      const before = await dumpDatabase(h.db);
      const long = 'Counting '.repeat(40);
      const res = await browser.post(page, { _csrf: browser.csrf, key: crypto.randomUUID(), text: long, contestId: '' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('There is a problem: nothing was published');
      expect(html).toMatch(/The update is 359 characters long: it can be at most 280/);
      expect(html).toContain(long.trim());
      expect((await browser.post(page, { text: 'No token.' })).status).toBe(403);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('corrects and withdraws from the update’s own page', async () => {
      const { h, page, browser } = await setUp();
      const api = updatesClient(h);
      const { id } = await (await api.post({ text: 'Counting has strated.' })).json() as any;
      const own = `${page}/${encodeURIComponent(id)}`;
      expect(await (await browser.get(page)).text()).toContain(`href="${own}"`);

      const empty = await browser.post(own, { _csrf: browser.csrf, text: '' });
      expect(empty.status).toBe(422);
      expect(await empty.text()).toContain('The update is empty');

      expect((await browser.post(own, { _csrf: browser.csrf, text: 'Counting has started.' })).status).toBe(303);
      expect((await api.election()).updates[0]).toMatchObject({ version: 2, text: 'Counting has started.', corrected: true });
      expect((await browser.post(`${own}/withdraw`, { _csrf: browser.csrf })).status).toBe(303);
      const after = await (await browser.get(own)).text();
      expect(after).toContain('This update was withdrawn');
      expect(after).not.toContain('Publish correction');
      expect((await api.election()).updates[0]).toMatchObject({ version: 3, withdrawn: true });
      expect((await browser.get(`${page}/no-such-update`)).status).toBe(404);
    });
  });

  describe(`updates from the count in public (${driver})`, () => {
    const text = async (h: Harness, path: string) => (await h.app.request(path)).text();
    const page = (h: Harness, rest = '') => text(h, `/elections/${encodeURIComponent(h.def.id)}${rest}`);

    it('shows "From the count" on the results page, its live section and the widget, newest first, in UK time', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      expect(await page(h)).toContain('No update from the count yet.');
      const first = await (await api.post({ text: 'Verification has finished in all wards.' })).json() as any;
      const rainham = await h.contest('Rainham North');
      const second = await (await api.post({ text: 'A recount has been requested in Rainham North.', contestId: rainham.id })).json() as any;
      for (const html of [await page(h), await page(h, '/live'), await text(h, `/embed/elections/${encodeURIComponent(h.def.id)}/live`)]) {
        const section = html.slice(html.indexOf('id="from-the-count"'));
        expect(section.indexOf(second.text)).toBeGreaterThan(0);
        expect(section.indexOf(second.text)).toBeLessThan(section.indexOf(first.text));
        expect(section).toContain(`<time datetime="${first.postedAt}">${londonClock(first.postedAt)}</time>`);
        expect(section).toContain(`id="update-${second.id}"`);
        expect(section).toContain(`>Rainham North</a>`);
      }
      // The ward's page shows the updates about it, and only those.
      const ward = await page(h, `/contests/${encodeURIComponent(rainham.id)}`);
      expect(ward).toContain(second.text);
      expect(ward).not.toContain(first.text);
    });

    it('says an update was corrected, shows a withdrawn one as withdrawn, and moves the ETag each time', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const { id } = await (await api.post({ text: 'Counting has started in all wads.' })).json() as any;
      const live = `/elections/${encodeURIComponent(h.def.id)}/live`;
      const etag = (await h.app.request(live)).headers.get('etag')!;
      expect((await h.app.request(live, { headers: { 'if-none-match': etag } })).status).toBe(304);

      const corrected = await (await api.correct(id, 'Counting has started in all wards.')).json() as any;
      const afterCorrection = await h.app.request(live, { headers: { 'if-none-match': etag } });
      expect(afterCorrection.status).toBe(200);
      const html = await afterCorrection.text();
      expect(html).toContain(`corrected at <time datetime="${corrected.updatedAt}">`);
      expect(html).toContain('Counting has started in all wards.');
      expect(html).not.toContain('all wads');
      expect(html).toContain('Corrected update from the count: Counting has started in all wards.');

      await api.withdraw(id);
      const withdrawn = await page(h);
      expect(withdrawn).toMatch(/<strong>Withdrawn<\/strong> at <time/);
      expect(withdrawn).toContain('<del>Counting has started in all wards.</del>');
    });

    it('lists updates in the election JSON, and with ?since= only those changed after it', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const old = await (await api.post({ text: 'Verification has started.' })).json() as any;
      const changed = await (await api.post({ text: 'Counting has started.' })).json() as any;
      const since = (await api.election()).updatedAt;
      const corrected = await (await api.correct(changed.id, 'Counting has started in every ward.')).json() as any;
      const all = await api.election();
      expect(all.updates.map((u: { id: string }) => u.id)).toEqual([changed.id, old.id]);
      const { body } = await h.getJson(`/api/v1/elections/${encodeURIComponent(h.def.id)}?since=${encodeURIComponent(since)}`);
      expect(body.updates).toEqual([corrected]);
      expect(body.contests).toEqual([]);
    });

    it('gives each update one feed entry under urn:declare:update:{id}, with its version, in JSON and Atom', async () => {
      const h = await harness(open, { publicUrl: 'https://results.example.gov.uk' });
      const api = updatesClient(h);
      const rainham = await h.contest('Rainham North');
      const { id } = await (await api.post({ text: 'A recount has been requested.', contestId: rainham.id })).json() as any;
      await api.correct(id, 'A recount has been requested in Rainham North.');
      await api.withdraw(id);
      const feed = (await h.getJson(`/api/v1/elections/${encodeURIComponent(h.def.id)}/declarations`)).body;
      expect(feed.updates).toHaveLength(1);
      expect(feed.updates[0]).toMatchObject({
        id: `urn:declare:update:${id}`,
        updateId: id,
        version: 3,
        withdrawn: true,
        text: 'A recount has been requested in Rainham North.',
        title: 'From the count (withdrawn): A recount has been requested in Rainham North.',
        url: `https://results.example.gov.uk/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(rainham.id)}#update-${id}`,
      });
      const xml = await (await h.app.request(`/api/v1/elections/${encodeURIComponent(h.def.id)}/declarations.atom`)).text();
      expect(xml.match(new RegExp(`<id>urn:declare:update:${id}</id>`, 'g'))).toHaveLength(1);
      expect(xml).toContain('<category term="withdrawn" label="Withdrawn"></category>');
      expect(xml).toContain('<declare:version xmlns:declare="urn:declare:atom">3</declare:version>');
    });

    it('escapes the words everywhere they are shown', async () => {
      const h = await harness(open);
      const api = updatesClient(h);
      const posted = await (await api.post({ text: `Counting has started. ${publishedHostileName}` })).json() as any;
      expect(posted.text).toBe(`Counting has started. ${publishedHostileName}`);
      const outputs = [
        await page(h),
        await page(h, '/live'),
        await text(h, `/embed/elections/${encodeURIComponent(h.def.id)}`),
        await text(h, `/api/v1/elections/${encodeURIComponent(h.def.id)}/declarations.atom`),
      ];
      for (const out of outputs) {
        expect(out).not.toContain('<img src=x');
        expect(out).toContain('=HYPERLINK(&quot;http://evil&quot;) &lt;img src=x onerror=alert(1)&gt; &quot;Bob&quot;');
        // The line break and the bell were taken out at the door, and the override is closed.
        expect(out).toContain('line two bell \u202Egnp.exe\u202C');
      }
      expect((await api.election()).updates[0].text).toBe(`Counting has started. ${publishedHostileName}`);
    });
  });

  describe(`updates from the count: the admin's switches (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const admin = await h.userWithToken('admin');
      const timetable = `/admin/elections/${encodeURIComponent(h.def.id)}/timetable`;
      const browser = await signIn(h.app, admin.user.name, testPassword, timetable);
      return { h, browser, timetable };
    }
    const queuedOn = async (h: Harness, updateId: string) =>
      (await h.db.select().from(outbox).where(eq(outbox.updateId, updateId))).map((r) => r.channel).sort();

    it('stops and restarts posting updates on one channel, leaving the others alone', async () => {
      const { h, browser } = await setUp();
      const api = updatesClient(h);
      const off = await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, postUpdates: 'off' });
      expect(off.status).toBe(303);
      expect(await (await browser.get(off.headers.get('location')!)).text()).toContain('X no longer posts updates from the count');
      const first = await (await api.post({ text: 'Counting has started.' })).json() as any;
      expect(await queuedOn(h, first.id)).toEqual(['log']);
      await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, postUpdates: 'on' });
      const second = await (await api.post({ text: 'Verification has finished.' })).json() as any;
      expect(await queuedOn(h, second.id)).toEqual(['log', 'x']);
      // The admin's list of posts shows them, and an update's post can be cancelled like any other.
      const list = await (await browser.get('/admin/social')).text();
      expect(list).toContain('Update from the count');
      const [row] = await h.db.select().from(outbox).where(eq(outbox.updateId, second.id));
      const cancelled = await browser.post(`/admin/social/outbox/${row!.id}/cancel`, { _csrf: browser.csrf });
      expect(cancelled.status).toBe(303);
      expect(await (await browser.get(cancelled.headers.get('location')!)).text()).toMatch(/The (Log|X) post for Update from the count will not be posted\./);
      // Anything but on or off is refused.
      expect((await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, postUpdates: 'maybe' })).status).toBe(422);
    });

    it('switches the automatic update on a status change on and off, off to begin with', async () => {
      const { h, browser, timetable } = await setUp();
      const page = await (await browser.get(timetable)).text();
      expect(page).toContain('Off: a ward&#39;s status change shows on the public page, and posts no update from the count.');
      const setStatus = async (name: string, status: string) => {
        const ward = await h.contest(name);
        return h.app.request(`/api/v1/contests/${encodeURIComponent(ward.id)}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status }),
        });
      };
      await setStatus('Luton', 'recount');
      expect((await updatesClient(h).election()).updates).toEqual([]);

      const on = await browser.post(`/admin/elections/${encodeURIComponent(h.def.id)}/automatic-updates`, { _csrf: browser.csrf, on: 'on' });
      expect(on.status).toBe(303);
      expect(await (await browser.get(on.headers.get('location')!)).text()).toContain('On: when an officer marks a ward as counting, recount or postponed');
      await setStatus('Rainham North', 'recount');
      await setStatus('Watling', 'postponed');
      await setStatus('Watling', 'awaiting');
      expect((await updatesClient(h).election()).updates.map((u: { text: string }) => u.text)).toEqual([
        'The poll in Watling has been postponed; a new poll will be held on another day.',
        'Recount in Rainham North.',
      ]);
      // Officers cannot flip it.
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      expect((await officer.post(`/admin/elections/${encodeURIComponent(h.def.id)}/automatic-updates`, { _csrf: officer.csrf, on: 'off' })).status).toBe(403);
    });
  });

  describe(`updates from the count in a rehearsal (${driver})`, () => {
    it('posts to the log channel only, pushes nothing to newsrooms, says so in the feed, and goes with the reset', async () => {
      const h = await harness(open, { define: (def) => ({ ...def, rehearsal: true }) });
      await addSubscriber(h.db, { name: 'Kent Online', url: `https://newsroom.example/${crypto.randomUUID()}`, secret: 'a-secret-of-its-own' }, { userId: null });
      const api = updatesClient(h);
      const { id } = await (await api.post({ text: 'Counting has started.' })).json() as any;
      expect(await h.db.select({ channel: outbox.channel }).from(outbox).where(eq(outbox.updateId, id))).toEqual([{ channel: 'log' }]);
      const feed = (await h.getJson(`/api/v1/elections/${encodeURIComponent(h.def.id)}/declarations`)).body;
      expect(feed.updates[0].title).toBe('Rehearsal: not real results. From the count: Counting has started.');
      // Not the real one while a practice update is there; the reset takes it away.
      await expect(setRehearsal(h.db, h.def.id, false, { userId: null })).rejects.toThrow(/still has updates from the count/);
      await resetRehearsal(h.db, h.def.id, { userId: null });
      expect((await api.election()).updates).toEqual([]);
      expect(await h.db.select().from(outbox).where(eq(outbox.updateId, id))).toEqual([]);
      await setRehearsal(h.db, h.def.id, false, { userId: null });
    });
  });
}
