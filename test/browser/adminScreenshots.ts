// The admin's pages for editing an election, at a phone's and a desktop's size, for the README:
// `npx tsx test/browser/adminScreenshots.ts`. Writes docs/admin-edit-*.png from a real server
// and Chromium.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { startServer } from '../support/server';
import { launchChromium, phone } from './chromium';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });
const server = await startServer();
await createUser(server.db, { name: 'alex', role: 'admin', passwordHash: await hashPassword('electoral services 2023') });
const browser = await launchChromium();
const desktop = { viewport: { width: 1280, height: 900 } };

for (const [size, context] of [['phone', phone], ['desktop', desktop]] as const) {
  const page = await (await browser.newContext(context)).newPage();
  await page.goto(`${server.url}/login?next=/admin`);
  await page.getByLabel('User name').fill('alex');
  await page.getByLabel('Password').fill('electoral services 2023');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Edit' }).first().click();
  await page.screenshot({ path: `${docs}admin-edit-council-${size}.png` });
  await page.getByRole('link', { name: 'All Saints' }).click();
  await page.getByLabel('Seats up for election').fill('two');
  await page.locator('#f-candidates-1-surname').fill('');
  await page.getByRole('button', { name: 'Save All Saints' }).click();
  await page.getByText('There is a problem: nothing was saved').waitFor();
  await page.screenshot({ path: `${docs}admin-edit-ward-refused-${size}.png` });
}
await browser.close();
await server.close();
