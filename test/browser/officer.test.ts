// The count officer's night in real Chromium on a phone-sized screen: sign in, enter a
// Medway ward, see the warnings, declare; then lose the signal, enter another ward, reload,
// get the signal back, and see it declared exactly once.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadElection } from '../../db/results';
import { outbox } from '../../db/schema';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { medwayWard } from '../fixtures';
import { startServer } from '../support/server';
import { hasChromium, launchChromium, phone } from './chromium';

describe.skipIf(!hasChromium)('the officer in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await createUser(server.db, { name: 'sam', role: 'officer', passwordHash: await hashPassword('count night 2023') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function fillWard(page: Page, name: string, change: (figures: ReturnType<typeof medwayWard>) => void = () => {}) {
    const ward = structuredClone(medwayWard(name));
    change(ward);
    for (const c of ward.candidates) {
      await page.getByLabel(c.knownAs, { exact: true }).fill(c.votes.toLocaleString('en-GB'));
    }
    await page.getByLabel('Want of an official mark').fill(String(ward.rejected.noOfficialMark));
    await page.getByLabel('Voting for more candidates than entitled').fill(String(ward.rejected.tooManyVotes));
    await page.getByLabel('Writing or mark identifying the voter').fill(String(ward.rejected.identifiable));
    await page.getByLabel('Unmarked or void for uncertainty').fill(String(ward.rejected.unmarkedOrUncertain));
    await page.getByLabel('Ballot papers verified from polling stations').fill(String(ward.ballotPapersVerified.pollingStations));
    await page.getByLabel('Postal ballot papers verified').fill(String(ward.ballotPapersVerified.postal));
  }

  /** A fresh phone, signed in as the officer, on the ward list. */
  async function signedInPhone() {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('User name').fill('sam');
    await page.getByLabel('Password').fill('count night 2023');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('#wards');
    return { context, page };
  }

  async function published(contestName: string) {
    const res = await fetch(`${server.url}/api/v1/elections/${server.def.id}`);
    const body = (await res.json()) as { contests: { name: string; id: string; status: string; version: number | null }[] };
    return body.contests.find((c) => c.name === contestName)!;
  }

  it('signs in, enters a ward, confirms its warning and declares it', async () => {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => m.type() === 'error' && csp.push(m.text()));

    await page.goto(`${server.url}/officer`);
    await expect.poll(() => page.url()).toContain('/login');
    await page.getByLabel('User name').fill('sam');
    await page.getByLabel('Password').fill('count night 2023');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /All Saints/ }).click();

    await fillWard(page, 'All Saints', (w) => (w.ballotPapersVerified.postal += 10));
    await page.getByRole('button', { name: 'Check the result' }).click();
    const review = page.locator('#review');
    await expect.poll(() => review.textContent()).toContain('Chris Spalding');
    expect(await review.textContent()).toContain('but 975 ballot papers were verified: a difference of 10.');
    expect(await review.textContent()).toMatch(/Majority\s*43/);

    // Declaring without ticking the warning publishes nothing.
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    expect((await published('All Saints')).status).toBe('awaiting');
    await page.getByLabel('These are the figures as declared').check();
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    await expect.poll(() => page.locator('#pending').textContent(), { timeout: 10_000 }).toContain('Published: All Saints.');
    expect(await published('All Saints')).toMatchObject({ status: 'declared', version: 1 });
    // Fits a 360 px screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(csp.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await context.close();
  });

  it('says which box is wrong, and asks who won the drawing of lots in a tie', async () => {
    const { context, page } = await signedInPhone();
    await page.getByRole('link', { name: /St Mary's Island/ }).click();

    const ward = medwayWard("St Mary's Island");
    const [first, second] = [...ward.candidates].sort((a, b) => b.votes - a.votes);
    await fillWard(page, "St Mary's Island", (w) => {
      // The runner-up catches up: a tie for the only seat (and the papers no longer add up).
      w.candidates.find((c) => c.surname === second!.surname)!.votes = first!.votes;
    });
    await page.getByLabel('Electorate').fill('3,2OO');
    await page.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => page.locator('#electorate-client-error').textContent()).toBe('Use digits only, like 1,234.');
    expect(await page.locator('#review').textContent()).toContain('Some figures are missing or not numbers');

    await page.getByLabel('Electorate').fill('3,284');
    await page.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => page.locator('#review').textContent()).toContain(`tie on ${first!.votes.toLocaleString('en-GB')} votes`);
    expect(await page.getByRole('button', { name: 'Declare and publish' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: second!.knownAs }).check();
    await page.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => page.locator('#review').textContent()).toContain('after drawing lots');
    await page.getByLabel('These are the figures as declared').check();
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    await expect.poll(() => page.locator('#pending').textContent(), { timeout: 10_000 }).toContain("Published: St Mary's Island.");
    const contest = await published("St Mary's Island");
    const detail = (await (await fetch(`${server.url}/api/v1/elections/${server.def.id}/contests/${contest.id}`)).json()) as any;
    expect(detail.candidates.filter((c: any) => c.elected).map((c: any) => [c.name, c.electedByLot])).toEqual([[second!.knownAs, true]]);
    await context.close();
  });

  it('keeps a ward entered offline on the phone through a reload, and declares it once when back online', async () => {
    const { context, page } = await signedInPhone();
    // The service worker must control the pages before the signal goes.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.getByRole('link', { name: /Fort Horsted/ }).click();
    await page.waitForSelector('form#entry');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    await server.unreachable();
    await fillWard(page, 'Fort Horsted');
    await page.getByRole('button', { name: 'Check the result' }).click();
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    const pending = page.locator('#pending');
    await expect.poll(() => pending.textContent()).toContain('Saved on this phone, not yet sent');
    expect(await pending.textContent()).toContain('Fort Horsted');

    await page.reload();
    await expect.poll(() => page.locator('#pending').textContent()).toContain('Saved on this phone, not yet sent');
    // Nothing reached the server (read from its database: it is not answering).
    const stored = await loadElection(server.db, server.def.id);
    expect(stored!.contests.find((c) => c.name === 'Fort Horsted')!.status).toBe('awaiting');

    await server.reachable();
    await context.setOffline(false);
    await expect.poll(() => published('Fort Horsted').then((c) => c.status), { timeout: 20_000 }).toBe('declared');
    await expect.poll(() => page.locator('#pending').textContent(), { timeout: 10_000 }).toContain('Published: Fort Horsted.');
    // Give any duplicate sender (timer, online event, page show) time to misbehave.
    await page.waitForTimeout(1500);
    const contest = await published('Fort Horsted');
    expect(contest.version).toBe(1);
    const posts = await server.db.select().from(outbox).where(eq(outbox.contestId, contest.id));
    expect(posts.map((p) => p.version)).toEqual([1]);
    await context.close();
  });
});
