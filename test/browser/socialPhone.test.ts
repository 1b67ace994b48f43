// Admin → Social posts on a phone, in real Chromium at 360 px, as the communications team
// uses it on election night: every channel on (each platform's fake, Mastodon with a revoked
// token so its posts fail), Facebook's posts held for approval with the phone's own button,
// two wards declared over the write API, and then every post posted, failed or held. The page
// never scrolls sideways, and every switch and every post's buttons are on the screen once
// scrolled to, and work there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { createUser } from '../../db/users';
import { fixturePasswordHash } from '../support/fixturePassword';
import { startAllFakes, type Fakes } from '../social/fakes/all';
import { medwaySubmissions, officerToken, postDeclaration } from '../support/declareOverHttp';
import { startServer } from '../support/server';
import { signInAsAdmin } from './adminPages';
import { hasChromium, launchChromium, phone } from './chromium';
import { seen } from './officerPhone';

type Server = Awaited<ReturnType<typeof startServer>>;

const adminPassword = 'a long admin password 1';
const wards = ['All Saints', 'Luton'];
const switches = ['Pause', 'Hold posts for approval', "Don't post updates from the count"];

describe.skipIf(!hasChromium)('Admin → Social posts on a phone, in Chromium', () => {
  let fakes: Fakes;
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fakes = await startAllFakes();
    server = await startServer({ socialEnv: { ...fakes.env, MASTODON_TOKEN: 'a-revoked-token', SOCIAL_LOG: 'off' } });
    await createUser(server.db, { name: 'alex', role: 'admin', passwordHash: await fixturePasswordHash(adminPassword) });
    browser = await launchChromium();
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    page = await context.newPage();
    await signInAsAdmin(page, server.url, 'alex', adminPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fakes?.close();
  });

  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  const channelRow = (id: string) => page.locator(`#channel-${id}`);

  it("shows every channel's switches on the screen, and holds Facebook's posts with the phone's button", async () => {
    await page.goto(`${server.url}/admin/social`);
    for (const channel of ['x', 'bluesky', 'mastodon', 'facebook', 'webhook']) {
      for (const name of switches) expect(await seen(page, channelRow(channel).getByRole('button', { name })), `${channel}: ${name}`).toBe(true);
      expect(await seen(page, channelRow(channel).getByRole('link', { name: 'Wording' })), `${channel}: Wording`).toBe(true);
    }
    expect(await pageWidth()).toBeLessThanOrEqual(phone.viewport.width);

    await channelRow('facebook').getByRole('button', { name: 'Hold posts for approval' }).click();
    expect(await seen(page, page.getByRole('status').filter({ hasText: 'Facebook Page now holds new posts for approval.' }))).toBe(true);
    expect(await seen(page, channelRow('facebook').getByRole('button', { name: 'Post without approval' }))).toBe(true);
  });

  it('fits the outbox with posts posted, failed and held: the page never wider, every button on the screen', async () => {
    const token = await officerToken(server.db);
    const submissions = await medwaySubmissions(server.db, server.def.id);
    for (const ward of wards) {
      const { contestId, body } = submissions.get(ward)!;
      expect((await postDeclaration(server.url, token, contestId, { ...body, acceptWarnings: true })).status, ward).toBe(201);
    }
    // Each ward on five channels, until each post has gone as far as it will go.
    const states = async () => (await listOutbox(server.db)).map((row) => `${row.channel} ${row.status}`).sort();
    await expect
      .poll(states, { timeout: 15_000 })
      .toEqual(['bluesky posted', 'bluesky posted', 'facebook held', 'facebook held', 'mastodon failed', 'mastodon failed', 'webhook posted', 'webhook posted', 'x posted', 'x posted']);

    await page.goto(`${server.url}/admin/social`);
    const posts = page.locator('table.outbox tbody tr');
    expect(await posts.count()).toBe(10);
    for (const ward of wards) {
      const post = (channel: string) => posts.filter({ has: page.getByRole('rowheader', { name: ward }) }).filter({ has: page.getByRole('cell', { name: channel, exact: true }) });
      expect(await seen(page, post('X').getByRole('link', { name: 'view post' })), `${ward} on X`).toBe(true);
      for (const name of ['Post it', "Don't post"]) expect(await seen(page, post('Facebook Page').getByRole('button', { name })), `${ward} on Facebook: ${name}`).toBe(true);
      expect(await seen(page, post('Mastodon').getByText('Mastodon refused the post (401)'))).toBe(true);
      for (const name of ['Retry', "Don't post"]) expect(await seen(page, post('Mastodon').getByRole('button', { name })), `${ward} on Mastodon: ${name}`).toBe(true);
    }
    expect(await pageWidth()).toBeLessThanOrEqual(phone.viewport.width);
  });

  it('posts a held post with its button on the phone, and says so', async () => {
    const held = page
      .locator('table.outbox tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Luton' }) })
      .filter({ has: page.getByRole('cell', { name: 'Facebook Page', exact: true }) });
    await held.getByRole('button', { name: 'Post it' }).click();
    expect(await seen(page, page.getByRole('status').filter({ hasText: 'The Facebook Page post for Luton will be posted.' }))).toBe(true);
    await expect.poll(async () => (await listOutbox(server.db)).filter((row) => row.channel === 'facebook' && row.status === 'posted').length).toBe(1);
    expect(await pageWidth()).toBeLessThanOrEqual(phone.viewport.width);
  });
});
