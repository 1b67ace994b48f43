// The admin's screens for the README, each at a phone's size (390 × 844) and a desktop's
// (1280 × 800): docs/admin-<n>-<screen>-phone.png and -desktop.png. Made from `src/node.ts`
// as a real process (so Export offers the SQLite backup and Status has a real uptime), set up
// with no command line as README "Running the night from the browser" goes: the first admin
// at /setup, an election previewed, its edit pages (one form refused), an officer and an API
// token added, the election made a rehearsal, three wards declared with that token.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { medwaySubmissionFor } from '../fixtures';
import { loadElection } from '../../db/results';
import { openSqlite } from '../../db/sqlite';
import { postDeclaration } from '../support/declareOverHttp';
import { startNodeServer, stopServers } from '../support/processes';
import { addPerson, createFirstAdmin, signInAsAdmin } from './adminPages';

const setupToken = 'a-setup-token-for-the-screenshots-only';
const electionId = 'local.medway.2023-05-04';
const definitionFile = new URL('../../db/demo/medway-2023.json', import.meta.url).pathname;

// One pixel per CSS pixel: text stays sharp enough to read, and each file is 45 to 125 KB.
const sizes = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} as const;

export async function adminScreenshots(browser: Browser, docs: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'declare-admin-screens-'));
  const dbPath = join(dir, 'declare.db');
  // The demo election is loaded on the empty database: the Medway night under its real ids.
  const server = await startNodeServer({ DB_PATH: dbPath, HOST: '127.0.0.1', SETUP_TOKEN: setupToken, PUBLIC_URL: 'https://results.medway.example' });
  const url = `http://localhost:${server.port}`;
  try {
    const phone = await (await browser.newContext(sizes.phone)).newPage();
    const desktop = await (await browser.newContext(sizes.desktop)).newPage();
    await createFirstAdmin(desktop, url, setupToken, 'alex', 'a long admin password 1');
    await signInAsAdmin(phone, url, 'alex', 'a long admin password 1');
    /** Both sizes of one screen, each after `open` and scrolled to `top` if given. */
    const shoot = async (name: string, open: (page: Page) => Promise<void>, top?: (page: Page) => Locator) => {
      for (const [size, page] of [['phone', phone], ['desktop', desktop]] as const) {
        await open(page);
        if (top) await top(page).evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: join(docs, `admin-${name}-${size}.png`) });
      }
    };

    await shoot('1-upload', async (page) => {
      await page.goto(`${url}/admin/elections/new`);
      await page.getByLabel("The election definition (.json) or Democracy Club's candidates CSV (.csv)").setInputFiles(definitionFile);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
    });

    // Editing, while no result is in: the council's page, then a ward's form refused.
    await shoot('edit-council', async (page) => void (await page.goto(`${url}/admin/elections/${electionId}/edit`)));
    await shoot('edit-ward-refused', async (page) => {
      await page.goto(`${url}/admin/elections/${electionId}/edit`);
      await page.getByRole('link', { name: 'All Saints' }).click();
      await page.getByLabel('Seats up for election').fill('two');
      await page.locator('#f-candidates-1-surname').fill('');
      await page.getByRole('button', { name: 'Save All Saints' }).click();
      await page.getByText('There is a problem: nothing was saved').waitFor();
    });

    await addPerson(desktop, url, 'sam', 'officer');
    await desktop.goto(`${url}/admin`);
    const sam = desktop.getByRole('row').filter({ has: desktop.getByRole('rowheader', { name: 'sam' }) });
    await sam.getByLabel("New token's name").fill('count software');
    await sam.getByRole('button', { name: 'Make an API token' }).click();
    const token = (await desktop.locator('code.secret').textContent())!.trim();

    await desktop.goto(`${url}/admin/elections/${electionId}/rehearsal`);
    await desktop.getByRole('button', { name: 'Make this a rehearsal' }).click();
    await declareThreeWards(url, dbPath, token);

    const visit = (path: string) => async (page: Page) => void (await page.goto(`${url}${path}`));
    await shoot('2-people', visit('/admin'), (page) => page.locator('table.votes'));
    await shoot('3-audit', visit('/admin/audit'), (page) => page.getByText(/changes in all/));
    await shoot('4-export', visit('/admin/export'));
    await shoot('5-status', visit('/admin/status'));
    await shoot('6-rehearsal', visit(`/admin/elections/${electionId}/rehearsal`));
  } finally {
    stopServers();
  }
}

/** All Saints, Fort Horsted and Luton, declared through the write API as count software does. */
async function declareThreeWards(url: string, dbPath: string, token: string) {
  // The server's own file, read for the candidate ids the declarations name.
  const handle = openSqlite(dbPath);
  const snapshot = await loadElection(handle.db, electionId).finally(() => handle.close());
  for (const name of ['All Saints', 'Fort Horsted', 'Luton']) {
    const contest = snapshot!.contests.find((c) => c.name === name)!;
    const answer = await postDeclaration(url, token, contest.id, medwaySubmissionFor(contest));
    if (answer.status !== 201) throw new Error(`${name} was not declared: ${answer.status} ${await answer.text()}`);
  }
}
