// The verification statement in real Chromium on a 360 px phone, judged by what is in view:
// the officer publishes it before the count, a resident's open results page shows the
// turnout without a reload, and the declaration form then starts from those figures, with a
// warning to confirm when the declared ones differ.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../db/users';
import { formatPercent, percentTo2dp } from '../../src/domain';
import { hashPassword } from '../../src/auth/password';
import { startServer } from '../support/server';
import { hasChromium, launchChromium, phone } from './chromium';
import { fillWard, inView, signInOn } from './officerPhone';

const password = 'count night 2023';

describe.skipIf(!hasChromium)('the verification statement in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    await createUser(server.db, { name: 'sam', role: 'officer', passwordHash: await hashPassword(password) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is published from the phone, shows on an open results page, and the declaration form starts from it', async () => {
    const resident = await (await browser.newContext(phone)).newPage();
    await resident.goto(`${server.url}/elections/${server.def.id}`);
    await expect.poll(() => resident.locator('#control').textContent()).toBe('No party has a majority yet');

    const officer = await (await browser.newContext(phone)).newPage();
    officer.context().setDefaultTimeout(8000);
    await signInOn(officer, server.url, 'sam', password);
    await officer.getByRole('link', { name: /All Saints/ }).click();
    const pollingStations = officer.getByLabel('Statement: ballot papers from polling stations');
    await pollingStations.fill('812');
    await officer.getByLabel('Statement: postal ballot papers').fill('248');
    await officer.getByRole('button', { name: 'Publish verification' }).click();

    const turnout = formatPercent(percentTo2dp(1060, 3495));
    const notice = officer.getByText(`Published on the public page: 1,060 ballot papers verified, turnout ${turnout}.`);
    await expect.poll(() => inView(officer, notice)).toBe(true);

    // The resident's page follows within 5 s, without a reload.
    const turnoutSoFar = resident.getByText(`Turnout so far: ${turnout} in 1 ward`);
    await expect.poll(() => turnoutSoFar.isVisible(), { timeout: 5000 }).toBe(true);

    // The declaration form holds the statement's figures.
    const form = officer.locator('form#entry');
    expect(await form.getByLabel('Ballot papers verified from polling stations').inputValue()).toBe('812');
    expect(await form.getByLabel('Postal ballot papers verified').inputValue()).toBe('248');

    // Declared with the figures from the declaration (not the statement's): a warning in view.
    await fillWard(officer, 'All Saints');
    await officer.getByRole('button', { name: 'Check the result' }).click();
    const warning = officer.getByText(/differ from the verification statement published earlier \(1,060: 812 and 248\)/);
    await expect.poll(() => warning.count()).toBeGreaterThan(0);
    await warning.first().scrollIntoViewIfNeeded();
    expect(await inView(officer, warning.first())).toBe(true);
  });
});
