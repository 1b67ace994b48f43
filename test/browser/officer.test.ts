// The count officer's night in real Chromium on a phone-sized screen, judged by what the
// officer sees in the viewport (not only what is somewhere in the page): sign in, enter a
// ward, confirm its warning, declare and see it published; lose the signal, enter a ward,
// reload, get it back and see it declared once; kill the browser right after "Saved" and
// find the entry still there; open wards never visited with the server down; slips warned;
// a status change asked first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadElection } from '../../db/results';
import { outbox } from '../../db/schema';
import { createUser } from '../../db/users';
import { medwayWard } from '../fixtures';
import { fixturePasswordHash } from '../support/fixturePassword';
import { startServer } from '../support/server';
import { axeViolations } from './axe';
import { hasChromium, launchChromium, launchKillableChromium, phone } from './chromium';
import { fillWard, inView, signInOn as signInAs } from './officerPhone';

describe.skipIf(!hasChromium)('the officer in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await createUser(server.db, { name: 'sam', role: 'officer', passwordHash: await fixturePasswordHash('count night 2023') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInOn = (page: Page) => signInAs(page, server.url, 'sam', 'count night 2023');

  /** A fresh phone, signed in as the officer, on the ward list. */
  async function signedInPhone() {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    await signInOn(page);
    return { context, page };
  }

  async function published(contestName: string) {
    const res = await fetch(`${server.url}/api/v1/elections/${server.def.id}`);
    const body = (await res.json()) as { contests: { name: string; id: string; status: string; version: number | null }[] };
    return body.contests.find((c) => c.name === contestName)!;
  }

  async function postsFor(contestName: string) {
    const contest = await published(contestName);
    return (await server.db.select().from(outbox).where(eq(outbox.contestId, contest.id))).map((p) => p.version);
  }

  it('signs in, enters a ward, confirms its warning and sees "Published" where it is looking', async () => {
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => m.type() === 'error' && csp.push(m.text()));

    await page.goto(`${server.url}/officer`);
    await expect.poll(() => page.url()).toContain('/login');
    expect(await axeViolations(page), 'sign-in').toEqual([]);
    await page.getByLabel('User name').fill('sam');
    await page.getByLabel('Password').fill('count night 2023');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await axeViolations(page), 'ward list').toEqual([]);
    await page.getByRole('link', { name: /All Saints/ }).click();
    // Empty boxes for a new result: nothing to type after.
    expect(await page.getByLabel('Want of an official mark').inputValue()).toBe('');
    expect(await axeViolations(page), 'entry form').toEqual([]);

    await fillWard(page, 'All Saints', (w) => (w.ballotPapersVerified.postal += 10));
    await page.getByRole('button', { name: 'Check the result' }).click();
    const review = page.locator('#review');
    await expect.poll(() => inView(page, page.getByRole('heading', { name: 'Check before declaring' }))).toBe(true);
    expect(await review.textContent()).toContain('but 975 ballot papers were verified: a difference of 10.');
    expect(await review.textContent()).toMatch(/Majority\s*43/);
    // Every figure is repeated, each with a way back to its box.
    expect(await review.getByRole('row', { name: /Chris Spalding 295/ }).isVisible()).toBe(true);
    expect(await review.getByRole('row', { name: /Voting for more candidates than entitled 4/ }).isVisible()).toBe(true);
    expect(await review.getByRole('button', { name: 'Change Postal ballot papers verified' }).isVisible()).toBe(true);
    // The boxes give way to the review: "Check the result" is gone, one blue button is left.
    expect(await page.getByRole('button', { name: 'Check the result' }).isVisible()).toBe(false);
    expect(await axeViolations(page), 'review').toEqual([]);

    // Declaring without ticking the warning publishes nothing, and says why, in view.
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    const why = page.getByText('Not published yet: tick "These are the figures as declared" under the warning, or change the figures.');
    await expect.poll(() => why.isVisible()).toBe(true);
    expect((await published('All Saints')).status).toBe('awaiting');
    await page.getByLabel('These are the figures as declared').check();
    await page.getByRole('button', { name: 'Declare and publish' }).click();

    const done = page.getByRole('heading', { name: 'Published: All Saints' });
    await expect.poll(() => inView(page, done), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#outcome').textContent()).toMatch(/Version 1, at \d\d:\d\d/);
    expect(await published('All Saints')).toMatchObject({ status: 'declared', version: 1 });
    // The page no longer looks undeclared: the pill says so and the boxes are gone.
    expect(await page.locator('#status strong').textContent()).toBe('Declared');
    expect(await page.getByLabel('Chris Spalding', { exact: true }).isVisible()).toBe(false);
    expect(await axeViolations(page), 'published').toEqual([]);
    // Fits a 360 px screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(csp.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    await context.close();
  });

  it('lists every box to fix at the top, and asks who won the drawing of lots in a tie', async () => {
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
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => inView(page, summary)).toBe(true);
    expect(await axeViolations(page), 'error summary').toEqual([]);
    await summary.getByRole('link', { name: 'Electorate: Use digits only, like 1,234.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('electorate');

    await page.getByLabel('Electorate').fill('3,284');
    await page.getByRole('button', { name: 'Check the result' }).click();
    await expect.poll(() => page.locator('#review').textContent()).toContain(`tie on ${first!.votes.toLocaleString('en-GB')} votes`);
    expect(await page.getByRole('button', { name: 'Declare and publish' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: second!.knownAs }).check();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => page.locator('#review').textContent()).toContain('after drawing lots');
    await page.getByLabel('These are the figures as declared').check();
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    await expect.poll(() => inView(page, page.getByRole('heading', { name: "Published: St Mary's Island" })), { timeout: 10_000 }).toBe(true);
    const contest = await published("St Mary's Island");
    const detail = (await (await fetch(`${server.url}/api/v1/elections/${server.def.id}/contests/${contest.id}`)).json()) as any;
    expect(detail.candidates.filter((c: any) => c.elected).map((c: any) => [c.name, c.electedByLot])).toEqual([[second!.knownAs, true]]);
    await context.close();
  });

  it('keeps a ward entered offline on the phone through a reload, in view, and declares it once when back online', async () => {
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
    const saved = page.getByRole('heading', { name: 'Saved on this phone: Fort Horsted' });
    await expect.poll(() => inView(page, saved)).toBe(true);
    expect(await axeViolations(page), 'saved on the phone').toEqual([]);

    await page.reload();
    await expect.poll(() => inView(page, saved)).toBe(true);
    // The pinned banner lists it too, on top of the page wherever it is scrolled.
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => inView(page, page.getByRole('heading', { name: /Saved on this phone, not yet sent \(1\)/ }))).toBe(true);
    // Nothing reached the server (read from its database: it is not answering).
    const stored = await loadElection(server.db, server.def.id);
    expect(stored!.contests.find((c) => c.name === 'Fort Horsted')!.status).toBe('awaiting');

    await server.reachable();
    await context.setOffline(false);
    await expect.poll(() => published('Fort Horsted').then((c) => c.status), { timeout: 20_000 }).toBe('declared');
    await expect.poll(() => inView(page, page.getByRole('heading', { name: 'Published: Fort Horsted' })), { timeout: 10_000 }).toBe(true);
    // Give any duplicate sender (timer, online event, page show) time to misbehave.
    await page.waitForTimeout(1500);
    expect((await published('Fort Horsted')).version).toBe(1);
    expect(await postsFor('Fort Horsted')).toEqual([1]);
    await context.close();
  });

  for (const [killAfterMs, wardName] of [
    [0, 'Luton'],
    [1000, 'Twydall'],
    [2000, 'Princes Park'],
  ] as const) {
    it(`keeps a result saved on the phone when the browser is killed ${killAfterMs / 1000} s after "Saved", and sends it once after`, async () => {
      const profile = mkdtempSync(join(tmpdir(), 'declare-phone-'));
      const first = await launchKillableChromium(profile);
      const page = await first.browser.contexts()[0]!.newPage();
      await page.setViewportSize(phone.viewport);
      await signInOn(page);
      await page.getByRole('link', { name: new RegExp(wardName) }).click();
      await page.waitForSelector('form#entry');
      await server.unreachable();
      try {
        await fillWard(page, wardName);
        await page.getByRole('button', { name: 'Check the result' }).click();
        await page.getByRole('button', { name: 'Declare and publish' }).click();
        await expect.poll(() => page.getByRole('heading', { name: `Saved on this phone: ${wardName}` }).isVisible()).toBe(true);
        if (killAfterMs) await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        await first.kill();
      } finally {
        await server.reachable();
      }
      expect((await published(wardName)).status).toBe('awaiting');

      const again = await launchKillableChromium(profile);
      try {
        const phoneAgain = await again.browser.contexts()[0]!.newPage();
        await phoneAgain.setViewportSize(phone.viewport);
        await phoneAgain.goto(`${server.url}/officer`);
        // The sign-in cookie may not have reached the disk either: signing in again is fine.
        if (phoneAgain.url().includes('/login')) await signInOn(phoneAgain);
        await expect.poll(() => published(wardName).then((c) => c.status), { timeout: 20_000 }).toBe('declared');
        await phoneAgain.waitForTimeout(1500);
        expect((await published(wardName)).version).toBe(1);
        expect(await postsFor(wardName)).toEqual([1]);
      } finally {
        await again.kill();
      }
    });
  }

  it('opens /officer and a ward never opened before with the server down, once signed in online', async () => {
    const { context, page } = await signedInPhone();
    const ready = page.getByText(/Ready for no signal: all \d+ wards are kept on this phone\./);
    await expect.poll(() => ready.isVisible(), { timeout: 20_000 }).toBe(true);

    await server.unreachable();
    await context.setOffline(true);
    try {
      await page.goto(`${server.url}/officer`);
      expect(await page.getByRole('link', { name: /Wayfield and Weeds Wood/ }).isVisible()).toBe(true);
      // Never opened on this phone: kept by the service worker after sign-in.
      await page.getByRole('link', { name: /Rochester East and Warren Wood/ }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Rochester East and Warren Wood' }).isVisible()).toBe(true);
      expect(await page.locator('form#entry').getByLabel('Ballot papers verified from polling stations').isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
      await server.reachable();
      await context.close();
    }
  });

  it('warns of a slipped digit, and a typed figure replaces what the box held', async () => {
    const { context, page } = await signedInPhone();
    await page.getByRole('link', { name: /Gillingham North/ }).click();
    const ward = medwayWard('Gillingham North');
    const top = [...ward.candidates].sort((a, b) => b.votes - a.votes)[0]!;
    // A digit typed twice: 1,234 becomes 12,344 in a three-seat ward.
    await fillWard(page, 'Gillingham North', (w) => (w.candidates.find((c) => c.surname === top.surname)!.votes = top.votes * 10 + 4));
    // Tapping a box and typing replaces its figure: "3" stays 3, never 30 or 03.
    await page.getByLabel('Want of an official mark').fill('0');
    await page.getByLabel('Want of an official mark').tap();
    await page.keyboard.type('3');
    expect(await page.getByLabel('Want of an official mark').inputValue()).toBe('3');
    await page.getByLabel('Writing or mark identifying the voter').click();
    await page.keyboard.type('2');
    expect(await page.getByLabel('Writing or mark identifying the voter').inputValue()).toBe('2');
    await page.getByLabel('Want of an official mark').fill('0');
    await page.getByRole('button', { name: 'Check the result' }).click();
    const warning = page.getByText(new RegExp(`${top.knownAs} has [\\d,]+ votes, \\d+ times the next highest .*Check for an extra digit\\.`));
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Declare and publish' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    await expect.poll(() => page.getByText(/Not published yet: tick/).isVisible()).toBe(true);
    expect((await published('Gillingham North')).status).toBe('awaiting');
    await context.close();
  });

  it('asks before a status goes public, then says it did', async () => {
    const { context, page } = await signedInPhone();
    await page.getByRole('link', { name: /Rainham North/ }).click();
    await page.getByRole('button', { name: 'Recount' }).click();
    const question = page.getByText('Mark Rainham North as recount?');
    await expect.poll(() => inView(page, question)).toBe(true);
    expect((await published('Rainham North')).status).toBe('awaiting');
    expect(await axeViolations(page), 'status question').toEqual([]);
    await page.getByRole('button', { name: 'Yes, mark as recount' }).click();
    const said = page.getByText('Rainham North is marked as recount on the public page now.');
    await expect.poll(() => inView(page, said)).toBe(true);
    expect((await published('Rainham North')).status).toBe('recount');
    expect(await page.locator('#status strong').textContent()).toBe('Recount');
    await context.close();
  });

  it('shows a correction figure by figure, old and new, with its reason', async () => {
    const { context, page } = await signedInPhone();
    await page.getByRole('link', { name: /Strood West/ }).click();
    await fillWard(page, 'Strood West');
    await page.getByRole('button', { name: 'Check the result' }).click();
    await page.getByRole('button', { name: 'Declare and publish' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Published: Strood West' }).isVisible(), { timeout: 10_000 }).toBe(true);

    await page.getByRole('link', { name: 'Correct this result' }).click();
    await page.getByLabel('Postal ballot papers verified').fill(String(medwayWard('Strood West').ballotPapersVerified.postal + 1));
    await page.getByRole('button', { name: 'Check the result' }).click();
    const changed = page.locator('#review tr.changed');
    await expect.poll(() => changed.count()).toBe(1);
    const postal = medwayWard('Strood West').ballotPapersVerified.postal;
    expect(await changed.textContent()).toContain(`Postal ballot papers verified${postal.toLocaleString('en-GB')} → ${(postal + 1).toLocaleString('en-GB')}`);
    await page.getByRole('button', { name: 'Publish the correction' }).click();
    await expect.poll(() => page.getByText('Not published yet: give the reason for the correction. It is published with it.').isVisible()).toBe(true);
    await page.getByLabel('Reason for the correction').fill('Postal figure re-read');
    await page.getByRole('button', { name: 'Check the result' }).click();
    expect(await page.locator('#review').textContent()).toContain('Reason for the correction: Postal figure re-read');
    await page.getByRole('button', { name: 'Publish the correction' }).click();
    await expect.poll(() => inView(page, page.getByRole('heading', { name: 'Published: Strood West' })), { timeout: 10_000 }).toBe(true);
    expect((await published('Strood West')).version).toBe(2);
    await context.close();
  });

  it('explains a refused sign-in over plain HTTP on a LAN address, and signs in with a banner when allowed', async () => {
    // A name that is not localhost, resolved by Chromium itself to this machine: the browser
    // treats it as the plain-HTTP site it is (a Secure cookie would be dropped), and no
    // traffic leaves 127.0.0.1.
    const lanBrowser = await launchChromium(['--host-resolver-rules=MAP council-laptop.lan 127.0.0.1']);
    const allowing = await startServer({ allowHttpLogin: true });
    await createUser(allowing.db, { name: 'sam', role: 'officer', passwordHash: await fixturePasswordHash('count night 2023') });
    try {
      for (const [target, allowed] of [[server, false], [allowing, true]] as const) {
        const page = await (await lanBrowser.newContext(phone)).newPage();
        await page.goto(`${target.url.replace('localhost', 'council-laptop.lan')}/login`);
        await page.getByLabel('User name').fill('sam');
        await page.getByLabel('Password').fill('count night 2023');
        await page.getByRole('button', { name: 'Sign in' }).click();
        if (!allowed) {
          const why = page.getByText('This address uses plain HTTP, so your phone would not keep the sign-in.');
          await expect.poll(() => inView(page, why)).toBe(true);
          expect(page.url()).toContain('/login');
        } else {
          await page.waitForSelector('#wards');
          const banner = page.getByText('Rehearsal over plain HTTP: passwords and results cross the network unencrypted.');
          await expect.poll(() => inView(page, banner)).toBe(true);
          expect(await axeViolations(page), 'plain-HTTP banner').toEqual([]);
          // The phone script runs there too (no HTTPS-only API in it): its own check answers.
          await page.getByRole('link', { name: /All Saints/ }).click();
          await page.getByRole('button', { name: 'Check the result' }).click();
          await expect.poll(() => page.locator('.error-summary.from-phone').isVisible()).toBe(true);
        }
        await page.context().close();
      }
    } finally {
      await lanBrowser.close();
      await allowing.close();
    }
  });
});
