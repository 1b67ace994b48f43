// What people see of social posting, over HTTP on both drivers: the admin's channels,
// switches, wording and outbox (with CSRF on every form), and the officer's post status.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { eq } from 'drizzle-orm';
import { outboxForContest } from '../../db/outbox';
import { outbox } from '../../db/schema';
import { settingsOf } from '../../db/socialChannels';
import { createApp } from '../../src/app';
import { PublishedPage } from '../../views/officer/PublishedPage';
import { signIn, testPassword } from '../support/harness';
import { medwayNight } from './medwayNight';

// Values a leak would show: none of them may ever appear on a page.
const secrets = { X_APP_KEY: 'xk-visible-nowhere', X_APP_SECRET: 'xs-visible-nowhere', X_ACCESS_TOKEN: 'xt-visible-nowhere', X_ACCESS_SECRET: 'xa-visible-nowhere' };
const env = { ...secrets, MASTODON_URL: 'https://mastodon.example', PUBLIC_URL: 'https://results.medway.example' };

/** Puts a post in the state a dispatcher would have left it in (tests share the channel "x"). */
async function setRow(db: Db, id: string, change: Partial<typeof outbox.$inferInsert>) {
  await db.update(outbox).set(change).where(eq(outbox.id, id));
}

export function socialScreensSuite(driver: string, open: () => Promise<Db>): void {
  describe(`social posting screens (${driver})`, () => {
    async function setUp() {
      const night = await medwayNight(open, { channels: ['x'] });
      const app = createApp({ db: () => night.db, channels: ['x'], socialEnv: () => env });
      const admin = await night.userWithToken('admin');
      const browser = await signIn(app, admin.user.name, testPassword, '/admin/social');
      const officer = await signIn(app, night.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(night.def.id)}`);
      return { night, app, browser, officer };
    }

    it('shows which channels are on and which variables are set, never a secret', async () => {
      const { browser } = await setUp();
      const html = await (await browser.get('/admin/social')).text();
      expect(html).toMatch(/<th scope="row">X<div class="muted">On/);
      expect(html).toMatch(/Mastodon<div class="muted">Off: some settings missing/);
      expect(html).toContain('<code>X_ACCESS_SECRET</code> set');
      expect(html).toContain('<code>MASTODON_TOKEN</code> <span class="muted">not set</span>');
      expect(html).toContain('<code>https://results.medway.example</code>');
      for (const value of Object.values(secrets)) expect(html).not.toContain(value);
    });

    it('lets an admin pause a channel with the form, and refuses the form without its CSRF token', async () => {
      const { night, browser } = await setUp();
      const refused = await browser.post('/admin/social/channels/x/settings', { paused: 'on' });
      expect(refused.status).toBe(403);
      expect((await settingsOf(night.db, 'x')).paused).toBe(false);
      const done = await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, paused: 'on' });
      expect(done.status).toBe(303);
      expect((await settingsOf(night.db, 'x')).paused).toBe(true);
      const page = await (await browser.get(done.headers.get('location')!)).text();
      expect(page).toContain('X paused.');
      expect(page).toContain('>Resume</button>');
      await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, paused: 'off' });
      expect((await settingsOf(night.db, 'x')).paused).toBe(false);
      const bad = await browser.post('/admin/social/channels/x/settings', { _csrf: browser.csrf, paused: 'maybe' });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('Choose on or off.');
    });

    it('lists every post with its state, and retries a failed one', async () => {
      const { night, browser } = await setUp();
      const contestId = await night.declareWard('Luton');
      const [row] = await outboxForContest(night.db, contestId);
      await setRow(night.db, row!.id, { status: 'failed', attempts: 1, lastError: 'X refused the post (401): Unauthorized' });
      const failed = await (await browser.get('/admin/social?status=failed')).text();
      expect(failed).toContain('Luton');
      expect(failed).toContain('X refused the post (401): Unauthorized');
      expect(failed).toContain(`action="/admin/social/outbox/${row!.id}/retry"`);
      const retried = await browser.post(`/admin/social/outbox/${row!.id}/retry`, { _csrf: browser.csrf });
      expect(retried.status).toBe(303);
      expect(await (await browser.get(retried.headers.get('location')!)).text()).toContain('The X post for Luton will be tried again.');
      expect((await outboxForContest(night.db, contestId))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    });

    it('shows no text taken from the address: a crafted link shows nothing, a known code its fixed words', async () => {
      const { night, browser } = await setUp();
      const lie = 'Posting is broken. Paste your X_ACCESS_SECRET into https://evil.example to fix it';
      const contestId = await night.declareWard('Luton');
      const [row] = await outboxForContest(night.db, contestId);
      for (const query of [`done=${encodeURIComponent(lie)}`, `done=paused&channel=${encodeURIComponent(lie)}`, `done=retry&post=${encodeURIComponent(lie)}`]) {
        const page = await (await browser.get(`/admin/social?${query}`)).text();
        expect(page).not.toContain('evil.example');
        expect(page).not.toContain('role="status"');
      }
      expect(await (await browser.get('/admin/social?done=paused&channel=x')).text()).toContain('<p role="status">X paused.</p>');
      expect(await (await browser.get(`/admin/social?done=cancel&post=${row!.id}`)).text()).toContain('The X post for Luton will not be posted.');
    });

    it('previews the wording against a real declaration, within the limit, and saves only good wording', async () => {
      const { night, browser } = await setUp();
      await night.declareWard('Luton');
      const page = await (await browser.get('/admin/social/channels/x')).text();
      expect(page).toContain('Luton ward: Labour win both seats. Elected: Simon Michael Curry (Lab) 796, Jo Howcroft-Scott (Lab) 751.');
      expect(page).toMatch(/\d+ of 280 characters \(links count 23\)/);

      const form = { _csrf: browser.csrf, declaration: '{ward}: {result}! #MedwayVotes {url}', correction: 'Correction: {ward}: {result}. {url}' };
      const preview = await (await browser.post('/admin/social/channels/x', { ...form, action: 'preview' })).text();
      expect(preview).toContain('Luton: Labour win both seats! #MedwayVotes https://results.medway.example/elections/');
      expect((await settingsOf(night.db, 'x')).declarationTemplate).toBeNull();

      const bad = await browser.post('/admin/social/channels/x', { ...form, declaration: '{ward}: {winner}', action: 'save' });
      expect(bad.status).toBe(422);
      const problems = await bad.text();
      expect(problems).toContain('A result: {winner} is not a placeholder.');
      expect(problems).toContain('A result: Every post links to the full result: put {url} outside the [optional] parts.');
      expect((await settingsOf(night.db, 'x')).declarationTemplate).toBeNull();

      const saved = await browser.post('/admin/social/channels/x', { ...form, action: 'save' });
      expect(saved.status).toBe(303);
      expect((await settingsOf(night.db, 'x')).declarationTemplate).toBe(form.declaration);
      await browser.post('/admin/social/channels/x', { ...form, action: 'reset' });
      expect((await settingsOf(night.db, 'x')).declarationTemplate).toBeNull();
    });

    it('keeps officers out of the admin screens', async () => {
      const { officer } = await setUp();
      expect((await officer.get('/admin/social')).status).toBe(403);
      expect((await officer.post('/admin/social/channels/x/settings', { _csrf: officer.csrf, paused: 'on' })).status).toBe(403);
    });

    it('shows the officer which channels have posted a ward, with links, and keeps refreshing until settled', async () => {
      const { night, officer } = await setUp();
      const contestId = await night.declareWard('Twydall');
      const path = `/officer/contests/${encodeURIComponent(contestId)}/posts`;
      // The "published" page carries the box, which fills itself (htmx) or is a link (no JS).
      const result = (await night.getJson(`/api/v1/elections/${encodeURIComponent(night.def.id)}/contests/${encodeURIComponent(contestId)}`)).body;
      const published = String(await (<PublishedPage electionId={night.def.id} result={result} signedIn={{ name: 'o', csrfToken: 'c' }} replayed={false} />).toString());
      expect(published).toContain(`hx-get="${path}" hx-trigger="load"`);
      expect(published).toContain(`<a href="${path}">See which channels have posted it</a>`);
      const queued = await (await officer.get(path, { 'hx-request': 'true' })).text();
      expect(queued).toContain('<strong>X</strong>: queued');
      expect(queued).toContain('hx-trigger="every 3s"');

      const [row] = await outboxForContest(night.db, contestId);
      await setRow(night.db, row!.id, { status: 'posted', attempts: 1, remoteId: '1790', remoteUrl: 'https://x.com/i/web/status/1790' });
      const posted = await (await officer.get(path, { 'hx-request': 'true' })).text();
      expect(posted).toContain('<strong>X</strong>: posted <a href="https://x.com/i/web/status/1790" rel="noopener">view post</a>');
      expect(posted).not.toContain('hx-trigger');
      // Without JavaScript it is a page of its own.
      expect(await (await officer.get(path)).text()).toContain('Back to the ward');
    });
  });
}
