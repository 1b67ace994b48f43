// Admin → Audit (/admin/audit and its CSV), on both drivers: who did what and when, in
// words, filtered by ward and person, paged, downloadable, and every typed name escaped.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { setContestStatus } from '../../db/declarations';
import { contests, outbox } from '../../db/schema';
import { addApiToken, createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import { auditCsvColumns } from '../../views/admin/auditCsv';
import { parseCsv, csvRecords } from '../support/csv';
import { harness, signIn, testPassword, type Browser } from '../support/harness';
import { giveHostileName, hostileName, publishedHostileName } from '../support/hostile';
import { textOf } from '../support/pageText';

/** The audit table's rows as a person reads them: when, who, what, ward. */
function entriesOf(html: string): { id: string; when: string; at: string; who: string; what: string; ward: string }[] {
  return [...html.matchAll(/<tr id="entry-(\d+)">([\s\S]*?)<\/tr>/g)].map(([, id, row]) => {
    const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) => textOf(cell!));
    const at = row!.match(/datetime="([^"]+)"/)![1]!;
    return { id: id!, when: cells[0]!, at, who: cells[1]!, what: cells[2]!, ward: cells[3]! };
  });
}

const ukTime = /^\d\d:\d\d:\d\d on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$/;

export function auditSuite(driver: string, open: () => Promise<Db>): void {
  describe(`Admin → Audit (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const allSaints = await h.contest('All Saints');
      const audit = async (browser: Browser, query = '') => {
        const res = await browser.get(`/admin/audit${query}`);
        return { status: res.status, html: await res.text() };
      };
      const setStatus = (contestId: string, status: string) =>
        h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status }),
        });
      return { h, adminUser, admin, allSaints, audit, setStatus };
    }

    it('is for admins only: signed out leads to sign-in, an officer is refused, page and CSV alike', async () => {
      const { h } = await setUp();
      for (const path of ['/admin/audit', '/admin/audit.csv']) {
        const res = await h.app.request(path, { headers: { accept: 'text/html' } });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
      }
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      for (const path of ['/admin/audit', '/admin/audit.csv']) {
        const res = await officer.get(path);
        expect(res.status).toBe(403);
        expect(await res.text()).not.toContain('Declared the result');
      }
    });

    it('is linked from the admin home', async () => {
      const { admin } = await setUp();
      const home = await (await admin.get('/admin')).text();
      expect(home).toContain('<a href="/admin/audit">Audit log</a>');
      expect(home).toContain('<a href="/admin/status">Status</a>');
    });

    it('lists declarations, corrections, statuses, sign-ins, settings and post actions, newest first, in words', async () => {
      const { h, adminUser, admin, allSaints, audit, setStatus } = await setUp();
      const rainham = await h.contest('Rainham North');
      const { body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(allSaints.id, body)).status).toBe(201);
      const corrected = { ...body, votes: body.votes.map((v, i) => (i === 0 ? { ...v, votes: v.votes + 1 } : v)), acceptWarnings: true, reason: 'A bundle of 1 found under the table' };
      expect((await h.declare(allSaints.id, corrected)).status).toBe(201);
      expect((await setStatus(rainham.id, 'recount')).status).toBe(200);
      expect((await admin.post('/admin/social/channels/x/settings', { _csrf: admin.csrf, paused: 'on' })).status).toBe(303);
      const [post] = await h.db.select().from(outbox).where(and(eq(outbox.contestId, allSaints.id), eq(outbox.channel, 'x'), eq(outbox.version, 2)));
      const cancel = `/admin/social/outbox/${post!.id}/cancel`;
      expect((await admin.post(cancel, { _csrf: admin.csrf })).status).toBe(303);
      // A second click on a stale page changes nothing, and so records nothing.
      expect((await admin.post(cancel, { _csrf: admin.csrf })).status).toBe(303);

      const page = await audit(admin);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('{"');
      const mine = entriesOf(page.html).filter((e) => [h.officer.user.name, adminUser.user.name].includes(e.who));
      expect(mine.map(({ who, what, ward }) => ({ who, what, ward }))).toEqual([
        { who: adminUser.user.name, what: 'Cancelled the X post (version 2).', ward: 'All Saints' },
        { who: adminUser.user.name, what: 'Paused posting to X.', ward: 'none' },
        { who: h.officer.user.name, what: 'Marked the ward as recount.', ward: 'Rainham North' },
        {
          who: h.officer.user.name,
          what: expect.stringMatching(/^Corrected the result: version 2\. Reason: A bundle of 1 found under the table\. Elected: Chris Spalding\./),
          ward: 'All Saints',
        },
        { who: h.officer.user.name, what: 'Declared the result. Elected: Chris Spalding.', ward: 'All Saints' },
        { who: adminUser.user.name, what: 'Signed in on a browser new to this account.', ward: 'none' },
      ]);
      for (const entry of mine) {
        expect(entry.when).toMatch(ukTime);
        expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });

    it('records signing out, and what was done to an account by whom', async () => {
      const { h, adminUser, admin, audit } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      expect((await officer.post('/logout', { _csrf: officer.csrf })).status).toBe(303);
      expect((await admin.post(`/admin/users/${h.officer.user.id}/disable`, { _csrf: admin.csrf })).status).toBe(303);
      const entries = entriesOf((await audit(admin, `?person=${encodeURIComponent(h.officer.user.name)}`)).html);
      expect(entries.slice(0, 3).map(({ who, what }) => ({ who, what }))).toEqual([
        { who: adminUser.user.name, what: `Disabled the account of ${h.officer.user.name}.` },
        { who: h.officer.user.name, what: 'Signed out.' },
        { who: h.officer.user.name, what: 'Signed in on a browser new to this account.' },
      ]);
      // Made by the test's set-up, as the command line does: no one signed in.
      expect(entries.at(-1)).toMatchObject({ who: 'Command line', what: `Created the officer account ${h.officer.user.name}.` });
    });

    it('filters by ward and by person, and says how many match', async () => {
      const { h, adminUser, admin, allSaints, audit, setStatus } = await setUp();
      const rainham = await h.contest('Rainham North');
      const { body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(allSaints.id, body)).status).toBe(201);
      expect((await setStatus(rainham.id, 'counting')).status).toBe(200);
      expect((await admin.post('/admin/social/channels/x/settings', { _csrf: admin.csrf, paused: 'on' })).status).toBe(303);

      const byWard = await audit(admin, `?ward=${encodeURIComponent(rainham.id)}`);
      expect(entriesOf(byWard.html).map((e) => [e.ward, e.what])).toEqual([['Rainham North', 'Marked the ward as counting.']]);
      expect(textOf(byWard.html)).toContain('1 change matches.');
      expect(byWard.html).toMatch(new RegExp(`<option value="${rainham.id.replace(/\./g, '\\.')}" selected="">Rainham North</option>`));

      const byOfficer = entriesOf((await audit(admin, `?person=${encodeURIComponent(h.officer.user.name)}`)).html);
      expect(byOfficer.map((e) => e.what)).toEqual(expect.arrayContaining(['Marked the ward as counting.', 'Declared the result. Elected: Chris Spalding.']));
      expect(byOfficer.map((e) => e.what)).not.toContain('Paused posting to X.');

      const both = entriesOf((await audit(admin, `?ward=${encodeURIComponent(allSaints.id)}&person=${encodeURIComponent(adminUser.user.name)}`)).html);
      expect(both).toEqual([]);
      const byAdmin = await audit(admin, `?person=${encodeURIComponent(adminUser.user.name)}`);
      expect(entriesOf(byAdmin.html).map((e) => e.what)).toEqual(['Paused posting to X.', 'Signed in on a browser new to this account.', `Made an API token "tests" for ${adminUser.user.name}.`, `Created the admin account ${adminUser.user.name}.`]);
      expect(textOf(byAdmin.html)).toContain('4 changes match.');
    });

    it('says plainly what is wrong with a filter, repeats nothing from the address, and lists nothing', async () => {
      const { admin, audit } = await setUp();
      const lie = 'Urgent: email your password to it@evil.example';
      const cases: [string, string][] = [
        [`?ward=${encodeURIComponent(lie)}`, 'There is no such ward: choose one from the list.'],
        [`?person=${encodeURIComponent(lie)}`, 'There is no such person: choose one from the list.'],
        [`?ward=${'x'.repeat(400)}`, 'There is no such ward: choose one from the list.'],
        ['?before=-3', 'The page to show must be a whole number: use the "Older changes" link.'],
        ['?before=1e3', 'The page to show must be a whole number: use the "Older changes" link.'],
      ];
      for (const [query, message] of cases) {
        const page = await audit(admin, query);
        expect(page.status).toBe(400);
        expect(textOf(page.html)).toContain(message);
        expect(page.html).not.toContain('evil.example');
        expect(entriesOf(page.html)).toEqual([]);
        const csv = await admin.get(`/admin/audit.csv${query}`);
        expect(csv.status).toBe(400);
        expect(textOf(await csv.text())).toContain(message);
      }
    });

    it('pages 50 at a time by id: an entry arriving meanwhile does not shift the older pages', async () => {
      const { h, admin, allSaints, audit } = await setUp();
      const statuses = ['counting', 'recount'] as const;
      for (let i = 0; i < 60; i++) await setContestStatus(h.db, h.def.id, allSaints.id, statuses[i % 2]!, { userId: h.officer.user.id });
      const ward = `?ward=${encodeURIComponent(allSaints.id)}`;
      const first = await audit(admin, ward);
      const firstRows = entriesOf(first.html);
      expect(firstRows).toHaveLength(50);
      expect(textOf(first.html)).toContain('60 changes match.');
      const older = first.html.match(/<a href="([^"]+)">Older changes<\/a>/)![1]!.replace(/&amp;/g, '&');
      expect(older).toBe(`/admin/audit${ward}&before=${firstRows.at(-1)!.id}`);

      // A new entry at the top: the older page is the same ten, none shown twice.
      await setContestStatus(h.db, h.def.id, allSaints.id, 'postponed', { userId: h.officer.user.id });
      const second = await audit(admin, older.slice('/admin/audit'.length));
      const secondRows = entriesOf(second.html);
      expect(secondRows).toHaveLength(10);
      expect(second.html).not.toContain('Older changes');
      expect(second.html).toContain(`<a href="/admin/audit${ward.replace(/&/g, '&amp;')}">Newest changes</a>`);
      const ids = [...firstRows, ...secondRows].map((e) => Number(e.id));
      expect(new Set(ids).size).toBe(60);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(entriesOf((await audit(admin, ward)).html)[0]!.what).toBe('Marked the ward as postponed.');
    });

    it('downloads the filtered list as CSV: the same rows, newest first, with formula-safe cells', async () => {
      const { h, admin, allSaints, audit } = await setUp();
      const { body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(allSaints.id, body)).status).toBe(201);
      for (const status of ['counting', 'recount'] as const) await setContestStatus(h.db, h.def.id, allSaints.id, status, { userId: h.officer.user.id });
      const ward = `?ward=${encodeURIComponent(allSaints.id)}`;
      const page = await audit(admin, ward);
      const link = page.html.match(/<a href="([^"]+)">Download these as CSV<\/a>/)![1]!.replace(/&amp;/g, '&');
      expect(link).toBe(`/admin/audit.csv${ward}`);

      const res = await admin.get(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="declare-audit.csv"');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const text = await res.text();
      expect(parseCsv(text)[0]).toEqual([...auditCsvColumns]);
      const rows = csvRecords(text);
      expect(rows.map((r) => [r.who, r.what, r.ward, r.action])).toEqual([
        [h.officer.user.name, 'Marked the ward as recount.', 'All Saints', 'contest.status'],
        [h.officer.user.name, 'Marked the ward as counting.', 'All Saints', 'contest.status'],
        [h.officer.user.name, 'Declared the result. Elected: Chris Spalding.', 'All Saints', 'declaration.create'],
      ]);
      expect(rows.map((r) => r.id)).toEqual(entriesOf(page.html).map((e) => e.id));
      expect(rows[0]!.uk_time).toMatch(ukTime);
      expect(JSON.parse(rows[0]!.detail!)).toEqual({ status: 'recount' });
    });

    it('exports every matching entry, however many: more than one read of the log', async () => {
      const { h, admin, allSaints } = await setUp();
      const statuses = ['counting', 'recount'] as const;
      for (let i = 0; i < 205; i++) await setContestStatus(h.db, h.def.id, allSaints.id, statuses[i % 2]!, { userId: h.officer.user.id });
      const rows = csvRecords(await (await admin.get(`/admin/audit.csv?ward=${encodeURIComponent(allSaints.id)}`)).text());
      expect(rows).toHaveLength(205);
      const ids = rows.map((r) => Number(r.id));
      expect(new Set(ids).size).toBe(205);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(rows.at(-1)!.what).toBe('Marked the ward as counting.');
    });

    it('escapes hostile names of wards, people, candidates and reasons on the page and in the CSV', async () => {
      const { h, admin, allSaints, audit } = await setUp();
      const { body } = await h.medwaySubmission('All Saints');
      const hostile = await createUser(h.db, { name: hostileName, role: 'officer', passwordHash: await hashPassword(testPassword) });
      const token = newApiToken();
      await addApiToken(h.db, hostile.id, 'hostile', await hashToken(token));
      await h.db.update(contests).set({ name: hostileName }).where(eq(contests.id, allSaints.id));
      await giveHostileName(h.db, allSaints.candidates.find((c) => c.surname === 'Spalding')!.id);
      expect((await h.declare(allSaints.id, body, { token })).status).toBe(201);
      const reason = '=HYPERLINK("http://evil") <script>alert(1)</script>, "quoted"';
      expect((await h.declare(allSaints.id, { ...body, reason }, { token })).status).toBe(201);

      const ward = `?ward=${encodeURIComponent(allSaints.id)}`;
      const page = await audit(admin, ward);
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).not.toContain('<script>alert');
      expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const [correction, declaration] = entriesOf(page.html);
      expect(correction).toMatchObject({ who: publishedHostileName, ward: publishedHostileName });
      expect(correction!.what).toBe(`Corrected the result: version 2. Reason: ${reason}. Elected: ${publishedHostileName}.`);
      expect(declaration!.what).toBe(`Declared the result. Elected: ${publishedHostileName}.`);
      // In the filter's choices too, as text and as a value.
      const people = await audit(admin, `?person=${encodeURIComponent(hostileName)}`);
      expect(people.status).toBe(200);
      expect(people.html).not.toContain('<img src=x');
      expect(entriesOf(people.html).map((e) => e.who)).toContain(publishedHostileName);

      const rows = csvRecords(await (await admin.get(`/admin/audit.csv${ward}`)).text());
      expect(rows[0]).toMatchObject({ who: `'${publishedHostileName}`, ward: `'${publishedHostileName}` });
      expect(rows[0]!.what).toBe(`Corrected the result: version 2. Reason: ${reason}. Elected: ${publishedHostileName}.`);
      // The stored detail, still JSON, with the candidate id and reason as they were sent.
      expect(JSON.parse(rows[0]!.detail!)).toMatchObject({ version: 2, reason });
    });
  });
}
