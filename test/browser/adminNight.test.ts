// The night with no command line at all, in real Chromium, on Node and on the real Worker
// (issue #12's "Done when"): an empty database; the first admin at /setup; Admin → Upload an
// election with the Medway definition file, previewed, then imported; an officer added, with
// their password shown once; the officer signs in on a phone and declares All Saints; the admin
// finds the declaration in the audit log and downloads the night's export; a second, empty
// site gets its own first admin, replays the export, and serves the same results page.
//
// Each site is started as the council runs it: Node as `src/node.ts` in a process of its own
// (with DEMO=off, so the database is empty), the Worker under `wrangler dev` on a local D1 with
// only the migrations applied. Judged by what people see in the viewport. The officer's user
// name is the hostile name, typed by the admin: every page that shows it must show it as text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedHostileName } from '../support/hostile';
import { startNodeServer, stopServers } from '../support/processes';
import { createLocalD1Tables, startWranglerDev, stopAllWorkers } from '../support/wranglerDev';
import { addPerson, createFirstAdmin, signInAsAdmin } from './adminPages';
import { hasChromium, launchChromium, phone } from './chromium';
import { fillWard, inView, seen, signInOn } from './officerPhone';

const definitionFile = new URL('../../db/demo/medway-2023.json', import.meta.url).pathname;
const electionId = 'local.medway.2023-05-04';
const electionName = 'Medway Council local elections 2023';
const setupToken = 'setup-token-for-this-test-only-0123456789';
// Both sites link to the same public address, as a site and its replacement would: links
// on the page are then the same whichever port each site happens to get.
const publicUrl = 'https://results.medway.example';
const desktop = { viewport: { width: 1280, height: 800 } };
const adminPassword = 'a long admin password 1';

interface Site {
  /** The address Chromium uses: localhost, which it treats as secure for the session cookie. */
  url: string;
}

interface Runtime {
  name: string;
  start(): Promise<Site>;
  stopAll(): Promise<void>;
}

const node: Runtime = {
  name: 'Node (src/node.ts as a process)',
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'declare-admin-night-'));
    const server = await startNodeServer({ DB_PATH: join(dir, 'declare.db'), HOST: '127.0.0.1', DEMO: 'off', SETUP_TOKEN: setupToken, PUBLIC_URL: publicUrl });
    return { url: `http://localhost:${server.port}` };
  },
  stopAll: async () => stopServers(),
};

const worker: Runtime = {
  name: 'the Worker (wrangler dev, local D1)',
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'declare-admin-night-d1-'));
    await createLocalD1Tables(dir);
    const running = await startWranglerDev({ persistTo: dir, vars: { SETUP_TOKEN: setupToken, PUBLIC_URL: publicUrl } });
    return { url: running.url.replace('//127.0.0.1:', '//localhost:') };
  },
  stopAll: stopAllWorkers,
};

// Times and dates are what a replay may change on a page (none do today: the replay keeps
// every time): instants in attributes and the UK clock times and dates in the words.
const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
const clockTime = /\b\d\d:\d\d(?::\d\d)?\b/g;
const ukDate = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+ \d{4}\b/g;
const withoutTimes = (html: string) => html.replace(isoTime, '<time>').replace(clockTime, '<hh:mm>').replace(ukDate, '<date>');

/** A page that records every dialog (an injected alert would open one) and dismisses it. */
async function newPage(context: BrowserContext, dialogs: string[]): Promise<Page> {
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

/** The first admin at /setup, then signed in, on Admin, as they see it. */
async function firstAdmin(page: Page, site: Site, name: string, password: string) {
  await createFirstAdmin(page, site.url, setupToken, name, password);
  expect(await seen(page, page.getByRole('heading', { level: 1, name: 'Accounts' }))).toBe(true);
}

/** The served HTML of a public page, as anyone's browser or a newsroom's script gets it. */
async function served(site: Site, path: string): Promise<string> {
  const answer = await fetch(`${site.url}${path}`, { headers: { accept: 'text/html' } });
  expect(answer.status, path).toBe(200);
  return answer.text();
}

for (const runtime of [node, worker]) {
  describe.skipIf(!hasChromium)(`the night with no command line, in Chromium, on ${runtime.name}`, () => {
    let browser: Browser;
    let first: Site;
    let second: Site;
    let admin: Page;
    let officerPassword: string;
    let exportPath: string;
    const dialogs: string[] = [];
    const officerName = publishedHostileName;
    const resultsPath = `/elections/${electionId}`;

    // A site that does not start fails every test below with its own words (a failed
    // beforeAll would only mark them skipped).
    let failedToStart: unknown;
    const started = () => {
      if (failedToStart) throw failedToStart;
    };

    beforeAll(async () => {
      try {
        // One after the other: wrangler builds the static files as it starts.
        first = await runtime.start();
        second = await runtime.start();
        browser = await launchChromium();
        admin = await newPage(await browser.newContext(desktop), dialogs);
      } catch (error) {
        failedToStart = error;
      }
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await runtime.stopAll();
    });

    it('makes the first admin at /setup on an empty site, and signs them in', async () => {
      started();
      // Empty: no election, so nothing to show the public yet.
      expect((await fetch(`${first.url}/api/v1/elections/${electionId}`)).status).toBe(404);
      await firstAdmin(admin, first, 'alex', adminPassword);
      // Setup is over for good.
      await admin.goto(`${first.url}/setup`);
      await expect.poll(() => seen(admin, admin.getByText('Declare already has an admin, so this page is closed.'))).toBe(true);
    });

    it('uploads the Medway definition file, shows what it would import, and imports it once confirmed', async () => {
      started();
      await admin.goto(`${first.url}/admin`);
      await admin.getByRole('link', { name: 'Upload an election' }).click();
      await admin.getByLabel("The election definition (.json) or Democracy Club's candidates CSV (.csv)").setInputFiles(definitionFile);
      await admin.getByRole('button', { name: 'Preview' }).click();

      const summary = admin.getByText(`${electionName} (${electionId}), Medway Council, on 2023-05-04: 24 wards, 59 seats up for election of 59,`);
      expect(await seen(admin, summary)).toBe(true);
      // Each ward with its seats, electorate and candidates as on the ballot paper.
      expect(await seen(admin, admin.getByRole('row', { name: /^All Saints 1 3,495 Bernard Edward Hyde \(Green Party\);.* Spalding \(Independent\); Julie Wallace \(Independent\)$/ }))).toBe(true);
      expect(await seen(admin, admin.getByRole('row', { name: /Labour PP53/ }))).toBe(true);
      // Nothing is imported before the admin confirms.
      expect((await fetch(`${first.url}/api/v1/elections/${electionId}`)).status).toBe(404);

      await admin.getByRole('button', { name: `Import ${electionName}` }).click();
      expect(await seen(admin, admin.getByText(`Imported ${electionName}: 24 wards.`))).toBe(true);
      await admin.getByRole('link', { name: 'Its results page' }).click();
      expect(await seen(admin, admin.getByRole('heading', { level: 1, name: electionName }))).toBe(true);
      expect(await seen(admin, admin.getByText('0 of 59 seats declared'))).toBe(true);
    });

    it('adds an officer, whose password is shown once, and never again', async () => {
      started();
      officerPassword = await addPerson(admin, first.url, officerName, 'officer');
      expect(await seen(admin, admin.locator('code.secret'))).toBe(true);
      expect(officerPassword.length).toBeGreaterThanOrEqual(12);
      // The name typed is shown as typed, markup and all, as text.
      const heading = admin.getByRole('heading', { level: 1 });
      expect(await seen(admin, heading)).toBe(true);
      expect(await heading.textContent()).toBe(`Added ${officerName}`);

      await admin.getByRole('link', { name: 'Back to accounts' }).click();
      expect(await seen(admin, admin.getByRole('rowheader', { name: officerName }))).toBe(true);
      expect(await admin.content()).not.toContain(officerPassword);
    });

    it("fits the accounts screen and the upload's preview on a phone: every button on the screen, the page never wider", async () => {
      started();
      const adminPhone = await newPage(await browser.newContext(phone), dialogs);
      await signInAsAdmin(adminPhone, first.url, 'alex', adminPassword);
      const officerRow = adminPhone.getByRole('row').filter({ hasText: officerName });
      // Each of the officer's buttons is on the screen once scrolled to, without scrolling sideways.
      for (const button of ['Reset password', 'Sign out everywhere and revoke API tokens', 'Unlock sign-in', 'Disable']) {
        expect(await seen(adminPhone, officerRow.getByRole('button', { name: button })), button).toBe(true);
      }
      const pageWidth = () => adminPhone.evaluate(() => document.documentElement.scrollWidth);
      expect(await pageWidth()).toBeLessThanOrEqual(phone.viewport.width);

      await adminPhone.goto(`${first.url}/admin/elections/new`);
      await adminPhone.getByLabel("The election definition (.json) or Democracy Club's candidates CSV (.csv)").setInputFiles(definitionFile);
      await adminPhone.getByRole('button', { name: 'Preview' }).click();
      // The wards' table is wider than the phone: it scrolls in its own box, and the page does not.
      const allSaints = adminPhone.getByRole('row').filter({ has: adminPhone.getByRole('rowheader', { name: 'All Saints' }) });
      expect(await seen(adminPhone, allSaints.getByRole('cell').filter({ hasText: 'Julie Wallace (Independent)' }))).toBe(true);
      expect(await seen(adminPhone, adminPhone.getByRole('button', { name: `Import ${electionName}` }))).toBe(true);
      expect(await pageWidth()).toBeLessThanOrEqual(phone.viewport.width);
      await adminPhone.context().close();
    });

    it('lets the officer sign in on a phone and declare All Saints, published where they are looking', async () => {
      started();
      const phoneContext = await browser.newContext(phone);
      const officer = await newPage(phoneContext, dialogs);
      await signInOn(officer, first.url, officerName, officerPassword);
      await officer.getByRole('link', { name: /All Saints/ }).click();
      await fillWard(officer, 'All Saints');
      await officer.getByRole('button', { name: 'Check the result' }).click();
      await officer.getByRole('button', { name: 'Declare and publish' }).click();
      const published = officer.getByRole('heading', { name: 'Published: All Saints' });
      await expect.poll(() => inView(officer, published), { timeout: 15_000 }).toBe(true);
      await phoneContext.close();

      // A resident's results page says so.
      const resident = await newPage(await browser.newContext(phone), dialogs);
      await resident.goto(`${first.url}${resultsPath}`);
      await expect.poll(() => seen(resident, resident.getByText('1 of 59 seats declared', { exact: true })), { timeout: 15_000 }).toBe(true);
      await resident.context().close();
    });

    it("shows the admin the declaration in the audit log, by the officer's name, for All Saints", async () => {
      started();
      await admin.goto(`${first.url}/admin`);
      await admin.getByRole('link', { name: 'Audit log' }).click();
      await admin.getByLabel('Ward').selectOption({ label: 'All Saints' });
      await admin.getByRole('button', { name: 'Show' }).click();
      expect(await seen(admin, admin.getByText('1 change matches.'))).toBe(true);
      const entry = admin.getByRole('row', { name: /Declared the result\. Elected: Chris Spalding\./ });
      expect(await seen(admin, entry)).toBe(true);
      expect(await entry.getByRole('cell').nth(1).textContent()).toBe(officerName);
      expect(await entry.getByRole('cell').nth(3).textContent()).toBe('All Saints');
    });

    it('downloads the night as one export file from Admin → Export', async () => {
      started();
      await admin.goto(`${first.url}/admin`);
      await admin.getByRole('link', { name: 'Export and backup' }).click();
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('button', { name: `Download the export of ${electionName}` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^declare-export-${electionId.replaceAll('.', '\\.')}-.+\\.json$`));
      exportPath = join(mkdtempSync(join(tmpdir(), 'declare-admin-night-export-')), download.suggestedFilename());
      await download.saveAs(exportPath);
    });

    it('replays the export into a second, empty site, which then serves the same results page and ward page', async () => {
      started();
      expect(exportPath, 'the export was downloaded').toBeTruthy();
      expect((await fetch(`${second.url}/api/v1/elections/${electionId}`)).status).toBe(404);
      const secondAdmin = await newPage(await browser.newContext(desktop), dialogs);
      await firstAdmin(secondAdmin, second, 'morgan', 'another long admin password');
      await secondAdmin.getByRole('link', { name: 'Export and backup' }).click();
      await secondAdmin.getByLabel('The export (.json)').setInputFiles(exportPath);
      await secondAdmin.getByRole('button', { name: 'Replay' }).click();
      expect(await seen(secondAdmin, secondAdmin.getByText(`Replayed ${electionName}: 24 wards, 1 declaration (every version),`))).toBe(true);

      await secondAdmin.getByRole('link', { name: 'Its results page' }).click();
      expect(await seen(secondAdmin, secondAdmin.getByText('1 of 59 seats declared', { exact: true }))).toBe(true);
      const allSaints = secondAdmin.locator('.ward-results li', { hasText: 'All Saints' });
      expect(await seen(secondAdmin, allSaints)).toBe(true);
      expect(await allSaints.textContent()).toContain('Ind win');

      const wardPath = `${resultsPath}/contests/local.medway.all-saints.2023-05-04`;
      // Both with the declaration in them, and then nothing but times may differ.
      for (const [path, declared] of [
        [resultsPath, '1 of 24 wards declared'],
        [wardPath, 'Chris Spalding'],
      ] as const) {
        const [before, after] = [await served(first, path), await served(second, path)];
        expect(after, path).toContain(declared);
        expect(withoutTimes(after), path).toBe(withoutTimes(before));
      }
      await secondAdmin.context().close();
    });

    it('showed every name as text: no page opened a dialog', () => {
      started();
      expect(dialogs).toEqual([]);
    });
  });
}
