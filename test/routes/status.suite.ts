// Admin → Status (/admin/status), on both drivers: the database, each social channel's state
// and queue, uptime and version, and the warnings to act on before the night. The outbox is
// shared by every election in a database, so each test starts from an empty one (the D1 run
// has a database file of its own, test/routes/status.workers.test.ts).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import type { Db } from '../../db/client';
import { outbox, socialChannels } from '../../db/schema';
import { blockChannelUntil } from '../../db/socialChannels';
import { harness, signIn, testPassword } from '../support/harness';
import { textOf } from '../support/pageText';

const xCredentials = { X_APP_KEY: 'key', X_APP_SECRET: 'secret', X_ACCESS_TOKEN: 'token', X_ACCESS_SECRET: 'access' };
const ukTime = String.raw`\d\d:\d\d:\d\d on \w+day \d{1,2} \w+ \d{4}`;
const minutes = (n: number) => n * 60_000;

export function statusSuite(driver: string, open: () => Promise<Db>): void {
  describe(`Admin → Status (${driver})`, () => {
    async function setUp(options: Parameters<typeof harness>[1] = {}) {
      const h = await harness(open, options);
      await h.db.delete(outbox);
      await h.db.delete(socialChannels);
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const page = async () => {
        const res = await admin.get('/admin/status');
        expect(res.status).toBe(200);
        return res.text();
      };
      /** The text of one channel's row, or null when the channel has no row. */
      const channelRow = (html: string, name: string) => {
        const row = html.match(new RegExp(`<tr id="channel-${name}">([\\s\\S]*?)</tr>`));
        return row ? textOf(row[1]!) : null;
      };
      const warnings = (html: string) => [...(html.match(/<h2>To fix<\/h2><ul>([\s\S]*?)<\/ul>/)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, w]) => textOf(w!));
      return { h, admin, page, channelRow, warnings };
    }

    it('is for admins only: signed out leads to sign-in, an officer is refused', async () => {
      const { h } = await setUp();
      const res = await h.app.request('/admin/status', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?next=%2Fadmin%2Fstatus');
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const refused = await officer.get('/admin/status');
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('Database');
    });

    it('says the database answers and how large it is, the version, and since when the server has run', async () => {
      const { page } = await setUp({ startedAt: Date.now() - minutes(3 * 60 + 12) });
      const text = textOf(await page());
      expect(text).toMatch(/Database Answers \(in \d+ ms\)/);
      expect(text).toMatch(/Database size \d[\d,]* KB|Database size \d+\.\d MB/);
      expect(text).toContain(`Version ${packageJson.version}`);
      expect(text).toMatch(new RegExp(`Up for 3 hours 12 minutes, since the server process started at ${ukTime}`));

      // Without a process start (a Worker), it counts from this copy's first answer, and says so.
      const worker = textOf(await (await setUp()).page());
      expect(worker).toMatch(new RegExp(`Up for (less than a second|\\d+ seconds?), since this copy of the server first answered, at ${ukTime}\\. On Cloudflare Workers this is one isolate`));
    });

    it("shows each channel's state: paused, rate-limited until when, its queue with the oldest post's age, the last post, failures", async () => {
      const { h, admin, page, channelRow, warnings } = await setUp({ socialEnv: { ...xCredentials, SOCIAL_LOG: 'on' }, publicUrl: 'https://results.example.gov.uk' });
      for (const ward of ['All Saints', 'Fort Pitt']) {
        const { contestId, body } = await h.medwaySubmission(ward);
        expect((await h.declare(contestId, body)).status).toBe(201);
      }
      const allSaints = await h.contest('All Saints');
      const fortPitt = await h.contest('Fort Pitt');
      const now = Date.now();
      // As the night would have it: All Saints's X post queued 12 minutes ago and still
      // waiting, Fort Pitt's given up on; the log channel posted both, then was rate-limited.
      await h.db.update(outbox).set({ createdAt: new Date(now - minutes(12)).toISOString() }).where(and(eq(outbox.contestId, allSaints.id), eq(outbox.channel, 'x')));
      await h.db.update(outbox).set({ status: 'failed', lastError: 'Refused by X' }).where(and(eq(outbox.contestId, fortPitt.id), eq(outbox.channel, 'x')));
      const postedAt = new Date(now - minutes(3)).toISOString();
      await h.db.update(outbox).set({ status: 'posted', updatedAt: postedAt }).where(eq(outbox.channel, 'log'));
      const resetAt = now + minutes(30);
      await blockChannelUntil(h.db, 'log', resetAt);
      expect((await admin.post('/admin/social/channels/x/settings', { _csrf: admin.csrf, paused: 'on' })).status).toBe(303);

      const html = await page();
      expect(channelRow(html, 'x')).toMatch(/^X Set up Paused 1 waiting the oldest queued 12 minutes( \d+ seconds?)? ago 1 failed None yet$/);
      expect(html).toContain('<a href="/admin/social?status=failed#outbox">1 failed</a>');
      expect(channelRow(html, 'log')).toMatch(new RegExp(`^Log Set up Rate-limited until ${ukTime} Nothing waiting ${ukTime}$`));
      expect(html).toContain(`<time datetime="${new Date(resetAt).toISOString()}">`);
      expect(html).toContain(`<time datetime="${postedAt}">`);
      expect(channelRow(html, 'mastodon')).toBeNull();
      expect(textOf(html)).toContain('Not set up: Bluesky, Mastodon, Facebook Page, Webhook.');
      expect(warnings(html)).toEqual(['1 post to X failed: retry or cancel them under Social posts.', 'X is paused with 1 post waiting.']);
    });

    it('warns while PUBLIC_URL is unset or a channel is half set up, and says when nothing needs fixing', async () => {
      const { page, channelRow, warnings } = await setUp({ socialEnv: { ...xCredentials, MASTODON_URL: 'https://mastodon.example' } });
      const html = await page();
      expect(warnings(html)).toEqual([
        'PUBLIC_URL is not set: social posts, feeds and the widget link to whichever address served the request. Set it to the public results address before the night.',
        'Half set up: mastodon is off: MASTODON_TOKEN not set.',
      ]);
      expect(channelRow(html, 'mastodon')).toBe('Mastodon Half set up (off) Nothing waiting None yet');
      expect(html).not.toContain('https://mastodon.example');

      const fine = await (await setUp({ socialEnv: xCredentials, publicUrl: 'https://results.example.gov.uk' })).page();
      expect(warnings(fine)).toEqual([]);
      expect(textOf(fine)).toContain('Nothing to fix.');
    });
  });
}
