// What an admin does in the browser on a new site, as the admin browser test and the
// screenshot script both do it: the first admin at /setup, then adding people.
import type { Page } from 'playwright-core';

/** The first admin at /setup with the site's SETUP_TOKEN, then signed in, on Admin. */
export async function createFirstAdmin(page: Page, url: string, setupToken: string, name: string, password: string): Promise<void> {
  await page.goto(`${url}/setup`);
  await page.getByLabel('Setup token').fill(setupToken);
  await page.getByLabel('Your user name').fill(name);
  await page.getByLabel('Choose a password (at least 12 characters)').fill(password);
  await page.getByLabel('Type the password again').fill(password);
  await page.getByRole('button', { name: 'Create the admin account' }).click();
  // Setup leads to the sign-in page, which leads on to Admin.
  await page.waitForURL(`${url}/login?next=/admin`);
  await signInAsAdmin(page, url, name, password);
}

/** An admin signing in (on another browser, or again), then on Admin. */
export async function signInAsAdmin(page: Page, url: string, name: string, password: string): Promise<void> {
  if (!page.url().startsWith(`${url}/login`)) await page.goto(`${url}/login?next=/admin`);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
}

/** Admin → Add a person; the page then shows their password, this once: it is returned. */
export async function addPerson(page: Page, url: string, name: string, role: 'officer' | 'admin'): Promise<string> {
  await page.goto(`${url}/admin`);
  await page.locator('#new-name').fill(name);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Add, and show their password' }).click();
  return (await page.locator('code.secret').textContent())!.trim();
}
