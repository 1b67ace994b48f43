// An update from the count as the night has it, in real Chromium at a phone's 360 px: an
// officer types it on the phone, and within 5 s it is on a resident's open results page and
// in a newsroom's open widget, without a reload, and posted once on every platform (each
// channel's real client library against its fake). Then corrected and withdrawn the same way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { startAllFakes, type Fakes } from '../social/fakes/all';
import { postedTexts } from '../social/fakes/platforms';
import { startServer } from '../support/server';
import { hasChromium, launchChromium, phone } from './chromium';

type Server = Awaited<ReturnType<typeof startServer>>;

describe.skipIf(!hasChromium)('updates from the count in Chromium', () => {
  let fakes: Fakes;
  let server: Server;
  let browser: Browser;
  const electionPath = () => `/elections/${encodeURIComponent(server.def.id)}`;

  beforeAll(async () => {
    fakes = await startAllFakes();
    server = await startServer({ socialEnv: { ...fakes.env, SOCIAL_LOG: 'off', SOCIAL_BACKOFF_BASE_MS: '50' } });
    await createUser(server.db, { name: 'sam', role: 'officer', passwordHash: await hashPassword('count night 2023') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fakes?.close();
  });

  /** A page at a phone's size, with every console error and uncaught error kept. */
  async function phonePage(path: string) {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    return { context, page, errors };
  }

  async function officerOnUpdates() {
    const phoneOfOfficer = await phonePage('/login');
    const { page } = phoneOfOfficer;
    await page.getByLabel('User name').fill('sam');
    await page.getByLabel('Password').fill('count night 2023');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('#wards');
    await page.getByRole('link', { name: 'From the count: post an update' }).click();
    await page.waitForSelector('#update-text');
    return phoneOfOfficer;
  }

  const updateText = (page: Page) => page.locator('#from-the-count ~ ol .update-text').first().textContent();
  const allPosts = () => Object.values(postedTexts(fakes)).flat();

  it('goes from the officer’s phone to an open results page and widget within 5 s, and once to each platform', async () => {
    const resident = await phonePage(electionPath());
    const newsroom = await phonePage(`/embed${electionPath()}`);
    expect(await resident.page.locator('#from-the-count ~ p').textContent()).toBe('No update from the count yet.');
    const officer = await officerOnUpdates();

    const words = 'Verification has finished in all wards. Counting has started.';
    await officer.page.getByLabel('Update').fill(words);
    await officer.page.getByLabel('About').selectOption({ label: 'Rainham North' });
    await officer.page.getByRole('button', { name: 'Publish update' }).click();
    expect(await officer.page.getByRole('status').textContent()).toBe(`Published on the public page: “${words}”`);

    const shownBy = Date.now() + 5000;
    await expect.poll(() => updateText(resident.page), { timeout: 5000, interval: 100 }).toBe(words);
    await expect.poll(() => updateText(newsroom.page), { timeout: Math.max(0, shownBy - Date.now()), interval: 100 }).toBe(words);
    expect(await resident.page.locator('#from-the-count ~ ol li').first().getByRole('link', { name: 'Rainham North' }).isVisible()).toBe(true);
    expect(await resident.page.locator('#announcement').textContent()).toContain(`From the count: ${words}`);
    expect(await resident.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Once on every platform, and no more while the dispatcher keeps polling.
    await expect.poll(() => allPosts().filter((t) => t.includes(words)).length, { timeout: 5000, interval: 100 }).toBe(5);
    await new Promise((r) => setTimeout(r, 600));
    const posted = postedTexts(fakes);
    for (const [platform, texts] of Object.entries(posted)) expect(texts.filter((t) => t.includes(words)), platform).toHaveLength(1);
    expect(posted.x[0]).toMatch(/^From the count, Rainham North: Verification has finished in all wards\. Counting has started\. https:\/\//);

    // Corrected from its own page: the open page shows the new words and says so.
    await officer.page.getByRole('link', { name: 'Correct or withdraw' }).first().click();
    const corrected = 'Verification has finished in all wards. Counting has started in the main hall.';
    await officer.page.getByLabel('Corrected words').fill(corrected);
    await officer.page.getByRole('button', { name: 'Publish correction' }).click();
    await expect.poll(() => updateText(resident.page), { timeout: 5000, interval: 100 }).toBe(corrected);
    expect(await resident.page.locator('#from-the-count ~ ol .update-meta').first().textContent()).toMatch(/corrected at \d\d:\d\d/);
    await expect.poll(() => fakes.x.tweets.length, { timeout: 5000, interval: 100 }).toBe(2);
    expect(fakes.x.tweets[1]!.replyTo).toBe(fakes.x.tweets[0]!.id);

    // Withdrawn: struck through and said in words, on the page and in the widget.
    await officer.page.getByRole('link', { name: 'Correct or withdraw' }).first().click();
    await officer.page.getByRole('button', { name: 'Withdraw this update' }).click();
    await expect.poll(() => resident.page.locator('#from-the-count ~ ol li del').first().textContent(), { timeout: 5000, interval: 100 }).toBe(corrected);
    expect(await resident.page.locator('#from-the-count ~ ol .update-meta').first().textContent()).toMatch(/Withdrawn at \d\d:\d\d/);
    await expect.poll(() => newsroom.page.locator('#from-the-count ~ ol li del').count(), { timeout: 5000, interval: 100 }).toBe(1);
    await expect.poll(() => fakes.mastodon.statuses.length, { timeout: 5000, interval: 100 }).toBe(3);
    expect(fakes.mastodon.statuses[2]!.text).toMatch(/^Withdrawn: our update from the count about Rainham North no longer stands: “Verification has finished/);

    for (const p of [resident, newsroom, officer]) {
      expect(p.errors).toEqual([]);
      await p.context.close();
    }
  });

  it('says on the phone what is wrong with an update that is too long, and publishes nothing', async () => {
    const officer = await officerOnUpdates();
    const before = allPosts().length;
    // The box takes 280 characters; a longer text pasted past it is refused by the server too.
    await officer.page.locator('#update-text').evaluate((box: HTMLTextAreaElement) => box.removeAttribute('maxlength'));
    await officer.page.getByLabel('Update').fill('Counting continues. '.repeat(15));
    await officer.page.getByRole('button', { name: 'Publish update' }).click();
    expect(await officer.page.locator('.error-summary').textContent()).toContain('The update is 299 characters long: it can be at most 280');
    expect(await officer.page.locator('#update-text').getAttribute('aria-invalid')).toBe('true');
    await new Promise((r) => setTimeout(r, 500));
    expect(allPosts()).toHaveLength(before);
    // The refusal is a 422 page, which Chromium notes; nothing else went wrong.
    expect(officer.errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
    await officer.context.close();
  });
});
