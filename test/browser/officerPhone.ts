// What the browser tests do on a phone: judge what is in view (as it is, or once scrolled
// to), fill in a Medway ward as an officer types it, sign in.
import type { Locator, Page } from 'playwright-core';
import { medwayWard } from '../fixtures';

/** Whether the element is on screen now, wholly within the phone's viewport. */
export async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  // A pixel's leeway: layout positions are fractional.
  return !!box && (await locator.isVisible()) && box.y >= -1 && box.y + box.height <= viewport.height + 1 && box.x >= -1 && box.x + box.width <= viewport.width + 1;
}

/** Shown to the person: in the viewport once scrolled to, as they would scroll to it. */
export async function seen(page: Page, locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  return inView(page, locator);
}

/**
 * Types a Medway ward's declared figures into the declaration form, after `change` has
 * altered them. (Before a ward is declared, its page also has the verification statement's
 * own form, with boxes of the same names.)
 */
export async function fillWard(page: Page, name: string, change: (figures: ReturnType<typeof medwayWard>) => void = () => {}) {
  const ward = structuredClone(medwayWard(name));
  change(ward);
  const form = page.locator('form#entry');
  for (const c of ward.candidates) {
    await form.getByLabel(c.knownAs, { exact: true }).fill(c.votes.toLocaleString('en-GB'));
  }
  await form.getByLabel('Want of an official mark').fill(String(ward.rejected.noOfficialMark));
  await form.getByLabel('Voting for more candidates than entitled').fill(String(ward.rejected.tooManyVotes));
  await form.getByLabel('Writing or mark identifying the voter').fill(String(ward.rejected.identifiable));
  await form.getByLabel('Unmarked or void for uncertainty').fill(String(ward.rejected.unmarkedOrUncertain));
  await form.getByLabel('Ballot papers verified from polling stations').fill(String(ward.ballotPapersVerified.pollingStations));
  await form.getByLabel('Postal ballot papers verified').fill(String(ward.ballotPapersVerified.postal));
}

/** Signs in on the sign-in page of `url`, and waits for the ward list. */
export async function signInOn(page: Page, url: string, name: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#wards');
}
