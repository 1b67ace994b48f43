// Admin → Export on both drivers: a night exported after declarations, a correction, statuses
// and posts; replayed into an empty database, which then serves the same pages and feeds; the
// export holding no secret; a second replay and malformed files refused in words, changing
// nothing; nothing posted again after a replay.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Db } from '../../db/client';
import { findPendingDeclaration } from '../../db/pendingDeclarations';
import { addSubscriber } from '../../db/subscribers';
import { apiTokens, contests, elections, outbox, sessions, subscribers, users } from '../../db/schema';
import { addApiToken, createUser } from '../../db/users';
import { createApp } from '../../src/app';
import { hashPassword } from '../../src/auth/password';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import type { Channel, OutgoingPost } from '../../src/social/channel';
import { logChannel } from '../../src/social/channels/log';
import { dispatchTuning } from '../../src/social/config';
import { createDispatcher } from '../../src/social/dispatch/dispatcher';
import { wordingRules } from '../../src/social/wording/rules';
import { giveHostileName, hostileName, publishedHostileName } from '../support/hostile';
import { doubleEntry } from '../support/doubleEntry';
import { dumpDatabase, harness, signIn, testPassword, type Browser } from '../support/harness';
import { textOf } from '../support/pageText';

type App = ReturnType<typeof createApp>;

/** Uploads an export as the page's form does (multipart, with the CSRF token). */
function replay(app: App, browser: Browser, text: string, name = 'export.json') {
  const form = new FormData();
  form.set('_csrf', browser.csrf);
  form.set('file', new File([text], name, { type: 'application/json' }));
  return app.request('/admin/replay', { method: 'POST', headers: { cookie: browser.cookie, origin: 'http://localhost', accept: 'text/html' }, body: form });
}

/** A channel that records what it is asked to send, and says it posted. */
function recording(name: Channel['name'], sent: string[]): Channel {
  return {
    name,
    rules: wordingRules.log,
    async send(post: OutgoingPost) {
      sent.push(`${name} ${post.id}`);
      return { outcome: 'posted', remote: { id: `${name}:${post.id}`, url: null } };
    },
  };
}

const dispatcherOver = (db: Db, channels: Channel[]) =>
  createDispatcher({ db, channels, publicUrl: 'http://localhost', tuning: dispatchTuning({}), log: () => {} });

// Times are the only thing a replay may change on a page (none do today: they are kept).
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
const clockTime = /\b\d\d:\d\d\b/g;
const withoutTimes = (text: string) => text.replace(isoTime, '<time>').replace(clockTime, '<hh:mm>');

export function exportSuite(driver: string, open: () => Promise<Db>, openEmpty: () => Promise<Db>): void {
  describe(`Admin → Export and replay (${driver})`, () => {
    /** A night on the source site: results, a correction, statuses, a verification, posts made and not. */
    async function night() {
      const h = await harness(open, { channels: ['log', 'x'] });
      const admin = await h.userWithToken('admin');
      const browser = await signIn(h.app, admin.user.name, testPassword, '/admin/export');
      const tag = h.def.id.split('.').at(-1)!;
      const subscriberSecret = `subscriber-secret-${tag}-0123456789abcdef`;
      await addSubscriber(h.db, { name: `Kent Messenger ${tag}`, url: `https://km.example/declare/${tag}`, secret: subscriberSecret }, { userId: admin.user.id });
      // Subscribers are not per election: the suites on D1 share one database.
      onTestFinished(async () => {
        await h.db.delete(subscribers).where(eq(subscribers.url, `https://km.example/declare/${tag}`));
      });
      const declared: string[] = [];
      for (const name of ['All Saints', 'Fort Pitt', 'Strood Rural']) {
        const { contestId, body } = await h.medwaySubmission(name);
        const res = await h.declare(contestId, { ...body, acceptWarnings: true });
        expect(res.status, await res.clone().text()).toBe(201);
        declared.push(contestId);
      }
      // Posted on the log channel (with remote ids); X and the subscriber's stay queued. On D1
      // the suites share one outbox: passes go on until this night's log posts are out.
      const logDispatcher = dispatcherOver(h.db, [logChannel(() => {})]);
      const logWaiting = async () =>
        (await h.db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.channel, 'log'), eq(outbox.status, 'pending'), inArray(outbox.contestId, declared)))).length;
      for (let pass = 0; pass < 50 && (await logWaiting()) > 0; pass++) await logDispatcher.runOnce();
      expect(await logWaiting()).toBe(0);
      const allSaints = await h.medwaySubmission('All Saints');
      const corrected = { ...allSaints.body, votes: allSaints.body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 262 } : v)) };
      expect((await h.declare(allSaints.contestId, { ...corrected, acceptWarnings: true, reason: 'Wallace bundle of 10 missed' })).status).toBe(201);
      const post = (contestId: string, what: string, body: unknown) =>
        h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/${what}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const rochester = await h.contest('Rochester West and Borstal');
      expect((await post(rochester.id, 'status', { status: 'recount' })).status).toBe(200);
      const luton = await h.contest('Luton');
      expect((await post(luton.id, 'status', { status: 'counting' })).status).toBe(200);
      expect((await post(luton.id, 'verification', { ballotPapersVerified: { pollingStations: 1500, postal: 400 } })).status).toBe(200);
      // An update from the count, corrected: both versions travel.
      const update = await h.app.request(`/api/v1/elections/${encodeURIComponent(h.def.id)}/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ text: 'Counting has started in the hall.', contestId: luton.id }),
      });
      expect(update.status).toBe(201);
      const { id: updateId } = (await update.json()) as { id: string };
      const correction = await h.app.request(`/api/v1/elections/${encodeURIComponent(h.def.id)}/updates/${updateId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Counting has started in the main hall.' }),
      });
      expect(correction.status).toBe(200);
      // A name typed to break outputs travels through the export like any other.
      const twydall = await h.contest('Twydall');
      await giveHostileName(h.db, twydall.candidates[0]!.id);
      const res = await browser.get(`/admin/export/${encodeURIComponent(h.def.id)}`);
      expect(res.status).toBe(200);
      return { h, admin, browser, tag, subscriberSecret, declared, res, text: await res.text() };
    }

    /** An empty site (its own database) with an admin signed in, as after a fresh install. */
    async function emptySite(adminName: string) {
      const db = await openEmpty();
      const app = createApp({ db: () => db, channels: ['log', 'x'] });
      await createUser(db, { name: adminName, role: 'admin', passwordHash: await hashPassword(testPassword) });
      const browser = await signIn(app, adminName, testPassword, '/admin/export');
      return { db, app, browser };
    }

    /** Every public page and feed of the election, as the site answers them. */
    async function publicAnswers(app: App, electionId: string, contestIds: string[]) {
      const election = encodeURIComponent(electionId);
      const paths = [
        `/elections/${election}`,
        `/api/v1/elections/${election}`,
        `/api/v1/elections/${election}/declarations.atom`,
        ...contestIds.map(encodeURIComponent).flatMap((id) => [`/elections/${election}/contests/${id}`, `/api/v1/elections/${election}/contests/${id}`]),
      ];
      const answers: Record<string, string> = {};
      for (const path of paths) {
        const res = await app.request(path, { headers: { accept: path.includes('/api/') ? 'application/json' : 'text/html' } });
        expect(res.status, path).toBe(200);
        answers[path] = await res.text();
      }
      return answers;
    }

    it('downloads the whole election as one JSON file, no-store, naming the election and the time', async () => {
      const { h, res, text } = await night();
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="declare-export-${h.def.id.replaceAll('.', '\\.')}-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.json"$`));
      const file = JSON.parse(text);
      expect(file).toMatchObject({ format: 'declare-export', version: 1, electionId: h.def.id });
      const t = file.tables;
      expect(t.elections).toHaveLength(1);
      expect(t.contests).toHaveLength(24);
      expect(t.candidates).toHaveLength(186);
      // Every version, with its figures, reason, confirmed warnings, who and when.
      const allSaints = (await h.contest('All Saints')).id;
      const versions = t.declarations.filter((d: any) => d.contestId === allSaints);
      expect(versions.map((d: any) => [d.version, d.reason])).toEqual([[1, null], [2, 'Wallace bundle of 10 missed']]);
      expect(versions[1]).toMatchObject({ userId: h.officer.user.id, declaredAt: expect.any(String), acceptedWarnings: expect.any(Array) });
      expect(t.declarationVotes.filter((v: any) => v.contestId === allSaints && v.version === 2).map((v: any) => v.votes)).toContain(262);
      expect(t.people.map((p: any) => p.name)).toContain(h.officer.user.name);
      // Statuses and the verification statement, on the wards.
      const luton = t.contests.find((c: any) => c.name === 'Luton');
      expect(luton).toMatchObject({ status: 'counting', verifiedPollingStations: 1500, verifiedPostal: 400, verifiedAt: expect.any(String) });
      expect(t.contests.find((c: any) => c.name === 'Rochester West and Borstal').status).toBe('recount');
      // The posts with their states and remote ids; the audit trail of the night.
      const posted = t.outbox.filter((o: any) => o.channel === 'log' && o.status === 'posted');
      expect(posted.length).toBeGreaterThan(0);
      for (const o of posted) expect(o.remoteId).toBe(`log:${o.id}`);
      expect(t.outbox.some((o: any) => o.channel === 'x' && o.status === 'pending')).toBe(true);
      expect(t.auditLog.map((a: any) => a.action)).toEqual(expect.arrayContaining(['election.import', 'declaration.create', 'declaration.correct', 'contest.status', 'contest.verification']));
      expect(t.subscribers.some((s: any) => s.name.startsWith('Kent Messenger'))).toBe(true);
    });

    it('holds no password hash, session, API token or subscriber secret', async () => {
      const { h, browser, text, subscriberSecret } = await night();
      const secrets = [
        ...(await h.db.select({ hash: users.passwordHash }).from(users)).map((u) => u.hash),
        ...(await h.db.select({ hash: sessions.tokenHash, csrf: sessions.csrfToken }).from(sessions)).flatMap((s) => [s.hash, s.csrf]),
        ...(await h.db.select({ hash: apiTokens.tokenHash }).from(apiTokens)).map((t) => t.hash),
        h.officer.token,
        browser.cookie.split('=').slice(1).join('='),
        subscriberSecret,
      ];
      expect(secrets.length).toBeGreaterThan(5);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/passwordHash|tokenHash|csrfToken|"secret"/);
    });

    it('replays into an empty database, which then serves the same pages, JSON and Atom feed, apart from times', async () => {
      const { h, admin, text, declared } = await night();
      const wards = (await h.db.select({ id: contests.id }).from(contests).where(eq(contests.electionId, h.def.id))).map((c) => c.id);
      const before = await publicAnswers(h.app, h.def.id, wards);
      // The empty site's admin has the same name as the source's: the export's account is renamed.
      const site = await emptySite(admin.user.name);
      const res = await replay(site.app, site.browser, text);
      const page = textOf(await res.text());
      expect(res.status, page.slice(0, 600)).toBe(200);
      expect(page).toContain('Replayed Medway Council local elections 2023: 24 wards, 4 declarations (every version)');
      expect(page).toContain(`The account ${admin.user.name} from the export is called ${admin.user.name} (from the export) here`);
      const after = await publicAnswers(site.app, h.def.id, wards);
      expect(Object.keys(after)).toHaveLength(3 + 2 * 24);
      for (const [path, answer] of Object.entries(before)) {
        // Times are normalised, and then nothing else may differ.
        expect(withoutTimes(after[path]!), path).toBe(withoutTimes(answer));
      }
      // What people see of those pages: the declared wards, the correction and its reason, the recount.
      const results = textOf(after[`/elections/${encodeURIComponent(h.def.id)}`]!);
      expect(results).toContain('3 of 24 wards declared');
      expect(results).toContain('Rochester West and Borstal Recount');
      expect(results).toMatch(/From the count.*Luton · corrected at \d\d:\d\d Counting has started in the main hall\./);
      expect(after[`/api/v1/elections/${encodeURIComponent(h.def.id)}/declarations.atom`]).toContain('Reason for the correction: Wallace bundle of 10 missed');
      const twydall = after[`/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(wards.find((id) => id.includes('twydall'))!)}`]!;
      expect(textOf(twydall)).toContain(publishedHostileName);
      expect(twydall).not.toContain('<img src=x');
      expect(declared).toHaveLength(3);
    });

    it('sends nothing again after a replay: posts made stay posted with their ids, the others wait for an admin', async () => {
      const { h, text } = await night();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      expect((await replay(site.app, site.browser, text)).status).toBe(200);
      const source = await h.db.select().from(outbox).where(eq(outbox.contestId, (await h.contest('All Saints')).id));
      const replayed = new Map((await site.db.select().from(outbox)).map((o) => [o.id, o]));
      for (const row of source) {
        const copy = replayed.get(row.id)!;
        if (row.status === 'posted' || row.status === 'cancelled') {
          expect(copy).toEqual(row);
        } else if (row.channel.startsWith('subscriber:')) {
          expect(copy).toMatchObject({ status: 'cancelled', note: expect.stringContaining('subscribers are not replayed') });
        } else {
          expect(copy).toMatchObject({ status: 'held', note: expect.stringContaining('approve it to post it from here') });
        }
      }
      expect(source.some((o) => o.status === 'posted' && o.remoteId)).toBe(true);
      const sent: string[] = [];
      const subscriberChannels = [...new Set(source.map((o) => o.channel).filter((c) => c.startsWith('subscriber:')))] as `subscriber:${string}`[];
      const report = await dispatcherOver(site.db, [recording('log', sent), recording('x', sent), ...subscriberChannels.map((c) => recording(c, sent))]).runOnce();
      expect(sent).toEqual([]);
      expect(report.posted).toBe(0);
      // On the source, the same pass would have posted the X posts still queued there.
      expect(source.some((o) => o.channel === 'x' && o.status === 'pending')).toBe(true);
    });

    it('replays an export made when a post that gave up was "dead": it arrives failed, with its reason', async () => {
      const { text } = await night();
      const file = JSON.parse(text) as { tables: { outbox: { id: string; channel: string; status: string; lastError: string | null }[] } };
      const gaveUp = file.tables.outbox.find((o) => o.channel === 'x' && o.status === 'pending')!;
      Object.assign(gaveUp, { status: 'dead', lastError: 'X refused the post (401): Unauthorized' });
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      const res = await replay(site.app, site.browser, JSON.stringify(file));
      expect(res.status, textOf(await res.clone().text()).slice(0, 600)).toBe(200);
      const [row] = await site.db.select().from(outbox).where(eq(outbox.id, gaveUp.id));
      expect(row).toMatchObject({ status: 'failed', lastError: 'X refused the post (401): Unauthorized' });
      // The admin finds it among the failed posts, with a Retry button.
      const failed = textOf(await (await site.browser.get('/admin/social?status=failed')).text());
      expect(failed).toContain('X refused the post (401): Unauthorized');
      expect(failed).toContain('Retry');
    });

    it('keeps the history: the audit trail and who declared, as accounts that cannot sign in', async () => {
      const { h, text } = await night();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      expect((await replay(site.app, site.browser, text)).status).toBe(200);
      const audit = textOf(await (await site.browser.get('/admin/audit')).text());
      expect(audit).toContain('Replayed the election Medway Council local elections 2023 from an export made at');
      expect(audit).toContain(`${h.officer.user.name} Corrected the result: version 2. Reason: Wallace bundle of 10 missed.`);
      expect(audit).toContain('Marked the ward as recount.');
      const [officer] = await site.db.select().from(users).where(eq(users.id, h.officer.user.id));
      expect(officer).toMatchObject({ name: h.officer.user.name, disabled: true });
      const login = await site.app.request('/login', {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: h.officer.user.name, password: testPassword, next: '/officer' }),
      });
      expect(login.status).not.toBe(303);
    });

    it('carries a declaration awaiting a second pair of eyes, which an officer of the new site then confirms', async () => {
      const { h } = await doubleEntry(open);
      const admin = await h.userWithToken('admin');
      const { contestId, body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(contestId, body)).status).toBe(202);
      const waiting = await findPendingDeclaration(h.db, contestId);
      const text = await (await h.app.request(`/admin/export/${encodeURIComponent(h.def.id)}`, { headers: { authorization: `Bearer ${admin.token}` } })).text();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      expect((await replay(site.app, site.browser, text)).status).toBe(200);
      expect(await findPendingDeclaration(site.db, contestId)).toEqual(waiting);
      // Still not public there; a different officer of the new site enters the same figures.
      const ward = await site.app.request(`/api/v1/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(contestId)}`);
      expect(((await ward.json()) as any).status).toBe('awaiting');
      const checker = await createUser(site.db, { name: `checker-${crypto.randomUUID().slice(0, 8)}`, role: 'officer', passwordHash: await hashPassword(testPassword) });
      const token = newApiToken();
      await addApiToken(site.db, checker.id, 'tests', await hashToken(token));
      const confirmed = await site.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/declaration/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      expect(confirmed.status, await confirmed.clone().text()).toBe(201);
      expect((await confirmed.json()) as any).toMatchObject({ id: contestId, status: 'declared', version: 1, majority: 43 });
    });

    it('refuses a second replay of the same election, saying so, and changes nothing', async () => {
      const { text } = await night();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      expect((await replay(site.app, site.browser, text)).status).toBe(200);
      const before = await dumpDatabase(site.db);
      const again = await replay(site.app, site.browser, text);
      expect(again.status).toBe(409);
      const page = textOf(await again.text());
      expect(page).toContain('The export cannot be replayed: nothing was changed');
      expect(page).toContain('Medway Council local elections 2023 (local.medway.2023-05-04.');
      expect(page).toContain('is already on this site. A replay only loads an election the site does not have yet');
      expect(await dumpDatabase(site.db)).toEqual(before);
    });

    it('leaves nothing behind when the write fails part-way', async () => {
      const { text, tag } = await night();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      expect((await replay(site.app, site.browser, text)).status).toBe(200);
      const before = await dumpDatabase(site.db);
      // The same night under other election, ward and candidate ids passes every check made
      // before writing; its posts' ids are already here, so the write fails at the outbox,
      // after the election, wards, candidates and declarations went into the same batch.
      const retagged = text.replaceAll(tag, crypto.randomUUID().slice(0, 8));
      const res = await replay(site.app, site.browser, retagged);
      expect(res.status).toBe(409);
      expect(textOf(await res.text())).toContain('The export clashes with what is already on this site, so nothing was changed');
      expect(await dumpDatabase(site.db)).toEqual(before);
    });

    it('refuses a malformed file, naming the problem in words, and changes nothing', async () => {
      const { text } = await night();
      const site = await emptySite(`replayer-${crypto.randomUUID().slice(0, 8)}`);
      const before = await dumpDatabase(site.db);
      const spoilt = (spoil: (file: any) => void) => {
        const file = JSON.parse(text);
        spoil(file);
        return JSON.stringify(file);
      };
      const cases: [string, string, string][] = [
        ['not JSON', text.slice(0, 200), 'The file is not valid JSON'],
        ['a definition file', JSON.stringify({ id: 'x', name: 'y', contests: [] }), 'The file is not an export of Declare (its "format" is not "declare-export")'],
        ['a newer version', spoilt((f) => (f.version = 2)), 'The export is version 2 of the format; this Declare reads version 1.'],
        ['a negative vote', spoilt((f) => (f.tables.declarationVotes[0].votes = -5)), 'tables.declarationVotes[0].votes: votes cannot be negative'],
        ['a status unknown', spoilt((f) => (f.tables.contests[1].status = 'lost')), 'tables.contests[1].status: status must be one of awaiting, counting, recount, declared, uncontested, postponed'],
        ['a time that is not one', spoilt((f) => (f.tables.declarations[0].declaredAt = 'last night')), 'tables.declarations[0].declaredAt: declaredAt must be a time in UTC'],
        ['a vote for nobody in the ward', spoilt((f) => (f.tables.declarationVotes[0].candidateId = 'someone-else')), 'tables.declarationVotes[0].candidateId: someone-else is not a candidate in the ward'],
        ['a table missing', spoilt((f) => delete f.tables.outbox), 'tables.outbox: outbox must be a list of rows'],
      ];
      for (const [what, file, message] of cases) {
        const res = await replay(site.app, site.browser, file);
        expect(res.status, what).toBe(422);
        const page = textOf(await res.text());
        expect(page, what).toContain('The export cannot be replayed: nothing was changed');
        expect(page, what).toContain(message);
      }
      expect(await dumpDatabase(site.db)).toEqual(before);
    });

    it('is for admins: signed out it leads to sign-in, an officer is refused', async () => {
      const h = await harness(open);
      const path = `/admin/export/${encodeURIComponent(h.def.id)}`;
      const signedOut = await h.app.request(path, { headers: { accept: 'text/html' } });
      expect(signedOut.status).toBe(303);
      expect(signedOut.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
      const officer = await h.app.request(path, { headers: { authorization: `Bearer ${h.officer.token}` } });
      expect(officer.status).toBe(403);
      expect(await officer.text()).not.toContain(h.def.id + '"');
      for (const p of ['/admin/export', '/admin/backup']) expect((await h.app.request(p, { headers: { authorization: `Bearer ${h.officer.token}` } })).status).toBe(403);
    });

    it('without a database file to copy (Workers), offers no backup and says to use wrangler d1 export', async () => {
      const h = await harness(open);
      await h.db.update(elections).set({ name: hostileName }).where(eq(elections.id, h.def.id));
      const admin = await h.userWithToken('admin');
      const browser = await signIn(h.app, admin.user.name, testPassword, '/admin/export');
      expect(await (await browser.get('/admin')).text()).toContain('<a href="/admin/export">Export and backup</a>');
      const html = await (await browser.get('/admin/export')).text();
      expect(html).not.toContain('Download a SQLite backup');
      expect(textOf(html)).toContain('npx wrangler d1 export declare --remote --output declare-backup.sql');
      // The election's name, typed by someone, is shown as text.
      expect(textOf(html)).toContain(`Download the export of ${publishedHostileName}`);
      expect(html).not.toContain('<img src=x');
      const backup = await browser.get('/admin/backup');
      expect(backup.status).toBe(404);
      expect(textOf(await backup.text())).toContain('This site runs on Cloudflare Workers with D1. Take a copy with npx wrangler d1 export');
      expect((await browser.get('/admin/export/no-such-election')).status).toBe(404);
    });
  });
}
