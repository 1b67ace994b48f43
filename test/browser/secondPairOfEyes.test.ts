// A second pair of eyes in real Chromium, on two 360 px phones, judged by what each officer
// sees in the viewport: Sam's entry waits, not public; Alex enters the figures blind and
// they differ; both see the differences; Sam fixes the entry; Alex's matching entry
// publishes it, once.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { startServer } from '../support/server';
import { axeViolations } from './axe';
import { hasChromium, launchChromium, phone } from './chromium';
import { fillWard, inView, signInOn } from './officerPhone';

const password = 'count night 2023';
const onNote = 'Second pair of eyes: on — a second officer must confirm each result';

/** A bundle of 10 in the wrong pile: Chris Spalding 295 typed as 285, Julie Wallace 252 as 262. */
const misplacedBundle = (w: { candidates: { surname: string; votes: number }[] }) => {
  w.candidates.find((c) => c.surname === 'Spalding')!.votes = 285;
  w.candidates.find((c) => c.surname === 'Wallace')!.votes = 262;
};

describe.skipIf(!hasChromium)('a second pair of eyes in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ define: (def) => ({ ...def, secondPairOfEyes: true }) });
    for (const name of ['sam', 'alex']) await createUser(server.db, { name, role: 'officer', passwordHash: await hashPassword(password) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function phoneOf(name: string) {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await signInOn(page, server.url, name, password);
    return page;
  }

  /** What the public reads of All Saints: its JSON, and its page's text. */
  async function publicAllSaints() {
    const election = (await (await fetch(`${server.url}/api/v1/elections/${server.def.id}`)).json()) as { contests: { id: string; name: string }[] };
    const id = election.contests.find((c) => c.name === 'All Saints')!.id;
    const json = await (await fetch(`${server.url}/api/v1/elections/${server.def.id}/contests/${id}`)).json();
    const page = await (await fetch(`${server.url}/elections/${server.def.id}/contests/${id}`)).text();
    const posts = await server.db.select().from(outbox).where(eq(outbox.contestId, id));
    return { id, json: json as { status: string; version: number | null }, page, posts: posts.map((p) => p.version) };
  }

  async function openAllSaints(page: Page) {
    await page.getByRole('link', { name: /All Saints/ }).click();
    await page.waitForSelector('form#entry');
  }

  it("keeps one officer's entry from the public until a second officer's matching entry, and shows both the differences", async () => {
    const before = await publicAllSaints();
    expect(before.json.status).toBe('awaiting');

    // Sam enters All Saints, with a bundle in the wrong pile. Which mode is on is said at the top.
    const sam = await phoneOf('sam');
    await expect.poll(() => inView(sam, sam.getByText(onNote))).toBe(true);
    await openAllSaints(sam);
    await expect.poll(() => inView(sam, sam.getByText(onNote))).toBe(true);
    await fillWard(sam, 'All Saints', misplacedBundle);
    await sam.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => inView(sam, sam.getByRole('heading', { name: 'Check before declaring' }))).toBe(true);
    await sam.getByRole('button', { name: 'Send for confirmation' }).click();
    const awaiting = sam.getByRole('heading', { name: 'Awaiting confirmation: All Saints' });
    await expect.poll(() => inView(sam, awaiting), { timeout: 10_000 }).toBe(true);
    expect(await sam.locator('#outcome').textContent()).toContain('Not published yet. A second officer must enter the figures again');
    expect(await axeViolations(sam), 'awaiting confirmation').toEqual([]);
    // Given time to be retried or posted, it is not: the public sees nothing new.
    await sam.waitForTimeout(1500);
    expect(await publicAllSaints()).toEqual(before);

    // Alex opens the ward: it awaits their confirmation, and the boxes are empty to type into.
    const alex = await phoneOf('alex');
    await openAllSaints(alex);
    await expect.poll(() => inView(alex, alex.getByRole('heading', { name: 'Awaiting confirmation' }))).toBe(true);
    expect(await alex.locator('#awaiting').textContent()).toContain('sam entered the result at');
    expect(await alex.getByLabel('Chris Spalding', { exact: true }).inputValue()).toBe('');
    expect(await alex.getByLabel('Julie Wallace', { exact: true }).inputValue()).toBe('');
    expect(await axeViolations(alex), 'confirming form').toEqual([]);
    await fillWard(alex, 'All Saints');
    await alex.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => inView(alex, alex.getByRole('heading', { name: 'Check before confirming' }))).toBe(true);
    await alex.getByRole('button', { name: 'Confirm and publish' }).click();

    // They differ: nothing is published, and Alex sees which figures, first entry and second.
    const differ = alex.getByRole('heading', { name: 'Not published: the entries differ' });
    await expect.poll(() => inView(alex, differ), { timeout: 10_000 }).toBe(true);
    const outcome = alex.locator('#outcome');
    expect(await inView(alex, outcome.getByRole('row', { name: 'Chris Spalding 285 295' }))).toBe(true);
    expect(await inView(alex, outcome.getByRole('row', { name: 'Julie Wallace 262 252' }))).toBe(true);
    expect(await outcome.getByRole('columnheader').allTextContents()).toEqual(['Figure', 'First entry (sam)', 'Second entry (alex)']);
    expect(await axeViolations(alex), 'entries differ').toEqual([]);
    expect(await publicAllSaints()).toEqual(before);

    // Sam, looking at the ward again, sees the same differences, and fixes the entry.
    await sam.goto(`${server.url}/officer/contests/${encodeURIComponent(before.id)}`);
    const samsTable = sam.locator('#awaiting');
    await expect.poll(() => inView(sam, samsTable.getByRole('row', { name: 'Chris Spalding 285 295' }))).toBe(true);
    expect(await inView(sam, samsTable.getByRole('row', { name: 'Julie Wallace 262 252' }))).toBe(true);
    expect(await samsTable.textContent()).toContain('The entries differ.');
    expect(await sam.getByLabel('Chris Spalding', { exact: true }).inputValue()).toBe('285');
    await fillWard(sam, 'All Saints');
    await sam.getByRole('button', { name: 'Check the result' }).click();
    await sam.getByRole('button', { name: 'Send for confirmation' }).click();
    await expect.poll(() => inView(sam, awaiting), { timeout: 10_000 }).toBe(true);
    expect(await publicAllSaints()).toEqual(before);

    // Alex enters it again; now every figure matches, and it is published, once.
    await alex.reload();
    await alex.waitForSelector('form#entry');
    expect(await alex.locator('#awaiting').textContent()).not.toContain('The entries differ');
    await fillWard(alex, 'All Saints');
    await alex.getByRole('button', { name: 'Check the result' }).click();
    await alex.getByRole('button', { name: 'Confirm and publish' }).click();
    await expect.poll(() => inView(alex, alex.getByRole('heading', { name: 'Published: All Saints' })), { timeout: 10_000 }).toBe(true);
    expect(await alex.locator('#status strong').textContent()).toBe('Declared');
    await alex.waitForTimeout(1500);
    const after = await publicAllSaints();
    expect(after.json).toMatchObject({ status: 'declared', version: 1 });
    expect(after.posts).toEqual([1]);
    // Fits a 360 px screen: nothing scrolls sideways.
    for (const page of [sam, alex]) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await sam.context().close();
    await alex.context().close();
  });
});
