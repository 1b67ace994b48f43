// Every admin page on a phone, in real Chromium at 360 px, with a night's data in it: people
// with long names and API tokens, a by-election beside the main election, wards declared
// and corrected over the write API, every social channel posting (Mastodon refusing,
// Facebook holding), newsroom subscribers with long addresses (one refusing every delivery,
// one paused), and the audit log that all of this writes. The pages are those the admin home
// links to and those they link to in turn, so a new admin page is checked as soon as it is
// linked; the pages a form answers with (a secret shown once, an upload's preview) are added
// by hand. On each the page never scrolls sideways and every button is within the screen's
// width; a failure names the page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listOutbox } from '../../db/outbox';
import { changeChannelSettings } from '../../db/socialChannels';
import { addSubscriber, setSubscriberPaused, subscriberChannel } from '../../db/subscribers';
import { addApiToken, createUser } from '../../db/users';
import { fixturePasswordHash } from '../support/fixturePassword';
import { hashToken, newApiToken } from '../../src/auth/secrets';
import { importElection } from '../../src/setup/importElection';
import medwayCsv from '../fixtures/democracy-club/medway-2023-candidates.csv?raw';
import { freshMedway } from '../fixtures';
import { startAllFakes, type Fakes } from '../social/fakes/all';
import { webhookSecret } from '../social/fakes/webhook';
import { medwaySubmissions, postDeclaration } from '../support/declareOverHttp';
import { startServer } from '../support/server';
import { signInAsAdmin } from './adminPages';
import { hasChromium, launchChromium, phone } from './chromium';

type Server = Awaited<ReturnType<typeof startServer>>;

const adminPassword = 'a long admin password 1';
// Council user names are often email addresses: the longest words a page has to fit.
const adminName = 'communications.and.elections.team@medway.gov.uk';
const officerName = 'christopher.fotheringham-whittaker@medway.gov.uk';
const declared = [
  'All Saints', 'Chatham Central and Brompton', 'Cuxton, Halling and Riverside', 'Fort Horsted', 'Gillingham North', 'Hoo St Werburgh and High Halstow',
  'Lordswood and Walderslade', 'Luton', 'Princes Park', 'Rochester West and Borstal', "St Mary's Island", 'Strood North and Frindsbury',
];
const recounting = ['Rainham North', 'Twydall', 'Watling'];

/** How far a page, and each of its buttons, reaches past the phone's width. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const buttons = [...document.querySelectorAll<HTMLElement>('button, .button, input[type="submit"]')]
      // Those shown: not in a closed <details>, not display: none.
      .filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden')
      .map((b) => ({ label: (b.textContent || (b as HTMLInputElement).value).trim().replace(/\s+/g, ' '), rect: b.getBoundingClientRect() }))
      // A pixel's leeway: layout positions are fractional.
      .filter(({ rect }) => rect.left + scrollX < -1 || rect.right + scrollX > width + 1)
      .map(({ label, rect }) => `"${label}" at ${Math.round(rect.left + scrollX)}-${Math.round(rect.right + scrollX)} px`);
    return { width: document.documentElement.scrollWidth, buttonsOff: buttons };
  }, phone.viewport.width);
}

describe.skipIf(!hasChromium)('Every admin page on a phone, with a night in it, in Chromium', () => {
  let fakes: Fakes;
  let server: Server;
  let browser: Browser;
  let page: Page;
  /** Nothing declared in it: its wards can still be edited. */
  let byElectionId: string;

  /** The page as it is now fits the phone: not wider, every button within its width. */
  async function expectFits(name: string) {
    const { width, buttonsOff } = await overflow(page);
    expect.soft(width, `${name}: the page is ${width} px wide`).toBeLessThanOrEqual(phone.viewport.width);
    expect.soft(buttonsOff, `${name}: buttons off the screen`).toEqual([]);
  }

  beforeAll(async () => {
    fakes = await startAllFakes();
    server = await startServer({ socialEnv: { ...fakes.env, MASTODON_TOKEN: 'a-revoked-token', SOCIAL_LOG: 'off' } });
    const db = server.db;
    // A by-election beside the main one: the home lists both, each with its own pages.
    const main = server.def;
    const byElection = freshMedway();
    byElectionId = `${byElection.id}.by`;
    await importElection(db, {
      ...byElection,
      id: byElectionId,
      name: 'Medway Council by-election for Strood North and Frindsbury ward, Thursday 14 March 2024',
      contests: byElection.contests.filter((c) => c.name === 'Strood North and Frindsbury').map((c) => ({ ...c, id: `${c.id}.by` })),
    });

    const admin = await createUser(db, { name: adminName, role: 'admin', passwordHash: await fixturePasswordHash(adminPassword) });
    const officer = await createUser(db, { name: officerName, role: 'officer', passwordHash: await fixturePasswordHash('count night 2023 password') });
    const token = newApiToken();
    await addApiToken(db, officer.id, 'Count software on the returning officer’s laptop (Xpress 5.2)', await hashToken(token));
    await addApiToken(db, officer.id, 'spare laptop', await hashToken(newApiToken()));

    const receiver = `${fakes.webhook.url}/newsroom-systems/kent-messenger-group/live-election-results/declare-receiver/v2/incoming`;
    const by = { userId: admin.id };
    await addSubscriber(db, { name: 'Kent Messenger Group (KentOnline live blog)', url: receiver, secret: webhookSecret }, by);
    // Set up with the wrong secret: the receiver refuses every delivery, which fails at once.
    await addSubscriber(db, { name: 'BBC South East newsgathering', url: `${receiver}?source=medway-borough-council&format=declare-json-v1`, secret: 'a-secret-they-never-got' }, by);
    const paused = await addSubscriber(db, { name: 'Medway Messenger Radio', url: `${receiver}/paused-until-the-count-starts`, secret: webhookSecret }, by);
    if (!paused.ok) throw new Error('the paused subscriber was not added');
    await setSubscriberPaused(db, paused.subscriber.id, true, by);

    await changeChannelSettings(db, 'facebook', { holdForApproval: true }, by);

    // The night over the write API, as count software sends it: every ward counting, three
    // recounting, twelve declared and one corrected (more changes than the audit log shows on
    // a page), until every post and delivery has gone as far as it will.
    const submissions = await medwaySubmissions(db, main.id);
    const setStatus = (contestId: string, status: string) =>
      fetch(`${server.url}/api/v1/contests/${encodeURIComponent(contestId)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    for (const [ward, { contestId }] of submissions) expect((await setStatus(contestId, 'counting')).status, ward).toBe(200);
    for (const ward of recounting) expect((await setStatus(submissions.get(ward)!.contestId, 'recount')).status, ward).toBe(200);
    for (const ward of declared) {
      const { contestId, body } = submissions.get(ward)!;
      expect((await postDeclaration(server.url, token, contestId, { ...body, acceptWarnings: true })).status, ward).toBe(201);
    }
    const luton = submissions.get('Luton')!;
    const corrected = { ...luton.body, rejected: { ...luton.body.rejected, unmarkedOrUncertain: luton.body.rejected.unmarkedOrUncertain + 1 } };
    const reason = 'One unmarked ballot paper was left out of the rejected papers on the declaration sheet read out at the count';
    expect((await postDeclaration(server.url, token, luton.contestId, { ...corrected, acceptWarnings: true, reason })).status, 'Luton corrected').toBe(201);
    const settled = async () => (await listOutbox(db)).every((row) => !['pending', 'sending'].includes(row.status) || row.channel === subscriberChannel(paused.subscriber.id));
    await vi.waitFor(async () => expect(await settled()).toBe(true), { timeout: 20_000, interval: 200 });

    browser = await launchChromium();
    const context = await browser.newContext(phone);
    context.setDefaultTimeout(8000);
    page = await context.newPage();
    await signInAsAdmin(page, server.url, adminName, adminPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fakes?.close();
  });

  /** The admin pages `path` links to (in its main part, not the bar): name and address. */
  async function adminLinksOn(path: string): Promise<{ name: string; path: string }[]> {
    await page.goto(`${server.url}${path}`);
    const links = await page.locator('main a[href]').evaluateAll((anchors) =>
      anchors.map((a) => ({ name: (a.textContent ?? '').trim().replace(/\s+/g, ' '), href: (a as HTMLAnchorElement).href })),
    );
    return links
      .map(({ name, href }) => ({ name, url: new URL(href) }))
      .filter(({ url }) => url.origin === new URL(server.url).origin && url.pathname.startsWith('/admin'))
      .map(({ name, url }) => ({ name, path: url.pathname + url.search }));
  }

  it('fits every page the admin home leads to, and the pages those lead to', async () => {
    const pages = new Map<string, string>([['/admin', 'Admin home']]);
    for (const link of await adminLinksOn('/admin')) if (!pages.has(link.path)) pages.set(link.path, link.name);
    for (const path of [...pages.keys()]) {
      for (const link of await adminLinksOn(path)) if (!pages.has(link.path)) pages.set(link.path, `${pages.get(path)} → ${link.name}`);
    }
    let visited = 0;
    for (const [path, name] of pages) {
      // Downloads (the CSV, an export, the backup) are no page to fit.
      const answer = await page.request.get(`${server.url}${path}`);
      if (!answer.headers()['content-type']?.startsWith('text/html')) continue;
      await page.goto(`${server.url}${path}`);
      await expectFits(`${name} (${path})`);
      visited += 1;
    }
    // Accounts, Status, Upload, Social, Subscribers, Export, Audit, and each election's
    // Edit, Timetable, Rehearsal and Second pair of eyes at the least; the audit log's older
    // entries and each channel's wording from the pages that link to them.
    expect(visited).toBeGreaterThanOrEqual(15);
    expect([...pages.values()]).toEqual(expect.arrayContaining(['Audit log → Older changes', 'Social posts → Wording']));
    // Some fifty pages (each ward's edit page among them), 10 s on a quiet machine.
  }, 120_000);

  it("fits the pages a form answers with: a subscriber's secret, a token, a password, an upload's preview, refusals", async () => {
    await page.goto(`${server.url}/admin/subscribers`);
    await page.getByLabel('Name (the newsroom, as you will recognise it)').fill('Kent and Sussex Courier digital desk');
    await page.getByLabel('Address deliveries go to (https://)').fill('https://hooks.courier-digital-desk.example/integrations/declare/medway-council/2024/incoming-results');
    await page.getByRole('button', { name: 'Add the subscriber' }).click();
    await page.locator('#new-secret').waitFor();
    await expectFits('A subscriber added, its secret shown once');

    await page.goto(`${server.url}/admin`);
    const officer = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: officerName }) });
    await officer.getByLabel("New token's name").fill('Count software on the deputy’s laptop');
    await officer.getByRole('button', { name: 'Make an API token' }).click();
    await page.locator('code.secret').waitFor();
    await expectFits('An API token made, shown once');

    await page.goto(`${server.url}/admin`);
    await officer.getByRole('button', { name: 'Reset password' }).click();
    await page.locator('code.secret').waitFor();
    await expectFits('A password reset, shown once');

    const upload = async (name: string, text: string) => {
      await page.goto(`${server.url}/admin/elections/new`);
      await page.getByLabel("The election definition (.json) or Democracy Club's candidates CSV (.csv)").setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      await page.getByRole('button', { name: 'Preview' }).click();
    };
    // Democracy Club's CSV under fresh ids: previewed, with what it lacks as warnings.
    await upload('candidates-local.medway.2024-05-02.csv', medwayCsv.replaceAll('.2023-05-04,', '.2023-05-04.phone,'));
    await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Look at these first' }).isVisible()).toBe(true);
    await expectFits("An upload's preview (Democracy Club's CSV)");

    const lines = medwayCsv.split('\r\n');
    const broken = lines.map((line, i) => (i >= 2 && i <= 6 ? line.split(',').map((cell, j) => (j === 10 ? 'three' : cell)).join(',') : line));
    await upload('candidates-local.medway.2023-05-04.csv', broken.join('\r\n'));
    await page.getByText('The Democracy Club CSV cannot be imported: nothing was changed').waitFor();
    await expectFits('An upload refused, its problems named');

    await page.goto(`${server.url}/admin/elections/${encodeURIComponent(byElectionId)}/edit`);
    await page.getByRole('link', { name: 'Strood North and Frindsbury' }).click();
    await page.getByLabel('Seats up for election').fill('two');
    await page.getByRole('button', { name: 'Save Strood North and Frindsbury' }).click();
    await page.getByText('There is a problem: nothing was saved').waitFor();
    await expectFits("A ward's edit refused, its problems named");
  });
});
