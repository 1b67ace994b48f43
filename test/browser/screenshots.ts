// The officer's and the admin's screens, for the README: `npx tsx test/browser/screenshots.ts`
// (`... screenshots.ts admin` or `officer` for one set). Writes docs/officer-*.png at a phone's
// size and docs/admin-*.png (test/browser/adminScreenshots.ts) at a phone's and a desktop's,
// from a real server and Chromium, as the browser tests drive them.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { medwayWard } from '../fixtures';
import { startServer } from '../support/server';
import { bundleNode } from '../../src/build/bundleNode';
import { adminScreenshots } from './adminScreenshots';
import { launchChromium, phone } from './chromium';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });

/** The officer's screens at 360 × 740, on a server in this process (it can lose its signal). */
async function officerScreenshots(browser: Browser) {
  const server = await startServer();
  await createUser(server.db, { name: 'sam', role: 'officer', passwordHash: await hashPassword('count night 2023') });
  const page = await (await browser.newContext(phone)).newPage();
  const shot = (name: string) => page.screenshot({ path: `${docs}officer-${name}.png` });

  await page.goto(`${server.url}/login`);
  await page.getByLabel('User name').fill('sam');
  await page.getByLabel('Password').fill('count night 2023');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#wards');
  await page.getByText(/Ready for no signal/).waitFor({ timeout: 20_000 });
  await shot('1-wards');

  await page.getByRole('link', { name: /All Saints/ }).click();
  await shot('2-form');
  const ward = medwayWard('All Saints');
  await page.getByLabel('Ballot papers verified from polling stations').fill(String(ward.ballotPapersVerified.pollingStations));
  await page.getByLabel('Postal ballot papers verified').fill('3x1');
  await page.getByRole('button', { name: 'Check the result' }).click();
  await shot('3-problem');
  await page.getByLabel('Postal ballot papers verified').fill(String(ward.ballotPapersVerified.postal + 10));
  for (const c of ward.candidates) await page.getByLabel(c.knownAs, { exact: true }).fill(String(c.votes));
  await page.getByLabel('Voting for more candidates than entitled').fill(String(ward.rejected.tooManyVotes));
  await page.getByLabel('Unmarked or void for uncertainty').fill(String(ward.rejected.unmarkedOrUncertain));
  await page.getByRole('button', { name: 'Check the result' }).click();
  await shot('4-check');
  await page.getByRole('button', { name: 'Declare and publish' }).click();
  await page.getByText(/Not published yet/).waitFor();
  await shot('5-refused');
  await page.getByLabel('These are the figures as declared').check();
  await page.getByRole('button', { name: 'Declare and publish' }).click();
  await page.getByRole('heading', { name: 'Published: All Saints' }).waitFor();
  await page.waitForTimeout(500);
  await shot('6-published');

  await page.goto(`${server.url}/officer`);
  await page.getByRole('link', { name: /Rainham North/ }).click();
  await page.getByRole('button', { name: 'Recount' }).click();
  await page.getByText('Mark Rainham North as recount?').waitFor();
  await shot('7-status');

  await page.goto(`${server.url}/officer`);
  await page.getByRole('link', { name: /Fort Horsted/ }).click();
  await server.unreachable();
  const horsted = medwayWard('Fort Horsted');
  await page.getByLabel('Ballot papers verified from polling stations').fill(String(horsted.ballotPapersVerified.pollingStations));
  await page.getByLabel('Postal ballot papers verified').fill(String(horsted.ballotPapersVerified.postal));
  for (const c of horsted.candidates) await page.getByLabel(c.knownAs, { exact: true }).fill(String(c.votes));
  await page.getByLabel('Voting for more candidates than entitled').fill(String(horsted.rejected.tooManyVotes));
  await page.getByLabel('Unmarked or void for uncertainty').fill(String(horsted.rejected.unmarkedOrUncertain));
  await page.getByRole('button', { name: 'Check the result' }).click();
  await page.getByRole('button', { name: 'Declare and publish' }).click();
  await page.getByRole('heading', { name: 'Saved on this phone: Fort Horsted' }).waitFor();
  await shot('8-saved');

  await server.reachable();
  await server.close();
}

const which = process.argv[2];
// The admin's screens come from the server as `npm start` runs it: its bundle, built now.
if (which !== 'officer') await bundleNode();
const browser = await launchChromium();
if (which !== 'admin') await officerScreenshots(browser);
if (which !== 'officer') await adminScreenshots(browser, docs);
await browser.close();
console.log(`Screenshots written to ${docs}`);
