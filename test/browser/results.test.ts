// The resident's night in real Chromium on a phone: the results page shows the Medway
// demo, fits a 320 px screen, loads nothing from anywhere else, keeps to the Content
// Security Policy, updates itself when a ward is declared, passes axe-core, and shows a
// hostile candidate name as text.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medwaySubmissions, officerToken, postDeclaration } from '../support/declareOverHttp';
import { startServer } from '../support/server';
import { axeViolations } from './axe';
import { hasChromium, launchChromium, phone } from './chromium';

const smallestPhone = { ...phone, viewport: { width: 320, height: 640 } };

type Server = Awaited<ReturnType<typeof startServer>>;

/** Console errors (CSP violations are reported there), uncaught errors and every request's URL. */
function watch(page: Page) {
  const seen = { errors: [] as string[], requests: [] as string[], polls: [] as number[] };
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('response', (r) => r.url().endsWith('/live') && seen.polls.push(r.status()));
  return seen;
}

/** Another site: a plain server on 127.0.0.1 (our test server is "localhost") answering with one page. */
async function serveOnce(html: string) {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live-blog`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(!hasChromium)('the results page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let token: string;
  let wards: Awaited<ReturnType<typeof medwaySubmissions>>;
  const electionPath = () => `/elections/${encodeURIComponent(server.def.id)}`;
  const wardPath = (name: string) => `${electionPath()}/contests/${encodeURIComponent(wards.get(name)!.contestId)}`;
  const declare = async (name: string) => {
    const { contestId, body } = wards.get(name)!;
    const res = await postDeclaration(server.url, token, contestId, body);
    expect(res.status, name).toBe(201);
    return (await res.json()) as { summary: string };
  };

  beforeAll(async () => {
    server = await startServer();
    token = await officerToken(server.db);
    wards = await medwaySubmissions(server.db, server.def.id);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(context: BrowserContext, path: string) {
    // Every violation of the policy is reported to the console, where watch() sees it.
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}${path}`);
    return { page, seen };
  }

  it('shows the Medway demo from /, on a 320 px phone, with nothing from another origin and no CSP violation', async () => {
    const context = await browser.newContext(smallestPhone);
    const { page, seen } = await open(context, '/');
    expect(page.url()).toBe(`${server.url}${electionPath()}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Medway Council local elections 2023');
    expect(await page.locator('#control').textContent()).toBe('No party has a majority yet');
    expect(await page.getByText('0 of 59 seats declared').isVisible()).toBe(true);
    expect(await page.locator('.ward-results li').count()).toBe(24);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // Let htmx poll at least once: an unchanged section is a 304 and the page stays as it was.
    await expect.poll(() => seen.polls.length, { timeout: 8000 }).toBeGreaterThan(0);
    expect(new Set(seen.polls)).toEqual(new Set([304]));
    expect(await page.locator('.ward-results li').count()).toBe(24);

    await page.getByRole('link', { name: /Gillingham South/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gillingham South');
    expect(await page.getByText('As on the ballot paper, alphabetically by surname.').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const origin = new URL(server.url).origin;
    expect(seen.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(seen.requests.some((url) => url === `${origin}/static/htmx.min.js`)).toBe(true);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('shows a ward declared through the API on the open page within 5 s, without a reload, and announces it', async () => {
    const context = await browser.newContext(phone);
    const { page, seen } = await open(context, electionPath());
    await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));
    const wardItem = page.locator('.ward-results li', { hasText: 'All Saints' });
    expect(await wardItem.textContent()).toContain('Awaiting result');

    const { summary } = await declare('All Saints');
    await expect.poll(() => wardItem.textContent(), { timeout: 5000, interval: 100 }).toContain(summary);
    expect(await page.getByText('1 of 24 wards declared').isVisible()).toBe(true);
    expect(await page.locator('.latest').textContent()).toContain(`All Saints: ${summary}`);
    expect(await page.locator('#announcement').textContent()).toContain(`Declared: All Saints, ${summary}.`);
    expect(await page.locator('#announcement').getAttribute('aria-live')).toBe('polite');
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it("updates an open ward page when its result is declared", async () => {
    const context = await browser.newContext(phone);
    const { page, seen } = await open(context, wardPath('Fort Horsted'));
    expect(await page.locator('#ward-result').textContent()).toBe('Awaiting result');
    await declare('Fort Horsted');
    await expect.poll(() => page.locator('table.result').isVisible(), { timeout: 5000, interval: 100 }).toBe(true);
    expect(await page.locator('tr.elected').textContent()).toContain('Elected');
    expect(await page.getByText('Turnout').isVisible()).toBe(true);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('is complete without JavaScript', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    const { page } = await open(context, electionPath());
    expect(await page.locator('#control').textContent()).toBeTruthy();
    expect(await page.locator('.ward-results li').count()).toBe(24);
    await page.getByRole('link', { name: /All Saints/ }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('All Saints');
    expect(await page.locator('tr.elected').count()).toBe(1);
    await context.close();
  });

  it('passes axe-core on the results page and on declared and awaiting ward pages', async () => {
    // axe-core is injected by evaluating its source, which the page's own policy does not
    // govern; nothing here needs the policy bypassed.
    const context = await browser.newContext(phone);
    for (const path of [electionPath(), wardPath('All Saints'), wardPath('Gillingham South')]) {
      const { page } = await open(context, path);
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it("works framed in a newsroom's live blog on another site: updates itself, opens our pages in a new tab", async () => {
    const context = await browser.newContext(phone);
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    // The newsroom's page, served from an origin of its own (a real server: Chromium blocks a
    // page it cannot place on the network from framing a local one), framing our widget and,
    // wrongly, our full page.
    const widgetUrl = `${server.url}/embed/elections/${encodeURIComponent(server.def.id)}`;
    const newsroom = await serveOnce(`<!doctype html><html lang="en"><title>Election night, live</title><h1>Election night, live</h1>
      <iframe id="widget" title="Medway results" src="${widgetUrl}" width="320" height="520"></iframe>
      <iframe id="full" title="Full results" src="${server.url}${electionPath()}" width="320" height="200"></iframe></html>`);
    const liveBlog = newsroom.url;
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(liveBlog);
      const widget = page.frameLocator('#widget');
      await expect.poll(() => widget.locator('h1').textContent()).toBe('Medway Council local elections 2023');
      expect(await widget.locator('#control').textContent()).toBeTruthy();
      expect(await widget.locator('svg.seats-chart').isVisible()).toBe(true);
      // The widget fits the 320 px frame.
      expect(await widget.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(320);

      const { summary } = await declare('Rainham North');
      await expect.poll(() => widget.locator('.latest').textContent(), { timeout: 5000, interval: 100 }).toContain(`Rainham North: ${summary}`);

      const [fullPage] = await Promise.all([context.waitForEvent('page'), widget.getByRole('link', { name: 'Rainham North' }).click()]);
      await fullPage.waitForLoadState();
      expect(fullPage.url()).toBe(`${server.url}${wardPath('Rainham North')}`);
      expect(page.url()).toBe(liveBlog);

      // Our full results page refuses to be framed: Chromium shows nothing of it.
      expect(page.frames().find((f) => f.url() === `${server.url}${electionPath()}`)).toBeUndefined();
      expect(await page.frameLocator('#full').locator('#control').count()).toBe(0);
      expect(seen.errors.some((e) => e.includes("frame-ancestors 'none'"))).toBe(true);
      expect(seen.errors.filter((e) => !e.includes("frame-ancestors 'none'"))).toEqual([]);
    } finally {
      await context.close();
      await newsroom.close();
    }
  });

  it('passes axe-core on the widget', async () => {
    const context = await browser.newContext(phone);
    const { page, seen } = await open(context, `/embed/elections/${encodeURIComponent(server.def.id)}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('shows a candidate named <script>alert(1)</script> as text, and runs nothing', async () => {
    const hostile = await startServer({
      define: (def) => ({
        ...def,
        contests: def.contests.map((c, i) => (i === 0 ? { ...c, candidates: c.candidates.map((x, j) => (j === 0 ? { ...x, knownAs: '<script>alert(1)</script>' } : x)) } : c)),
      }),
    });
    try {
      const context = await browser.newContext(phone);
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${hostile.url}/elections/${encodeURIComponent(hostile.def.id)}/contests/${encodeURIComponent(hostile.def.contests[0]!.id)}`);
      expect(await page.getByText('<script>alert(1)</script>', { exact: true }).isVisible()).toBe(true);
      expect(dialogs).toEqual([]);
      await context.close();
    } finally {
      await hostile.close();
    }
  });
});
