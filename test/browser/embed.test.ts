// The widget on a newsroom's page, in real Chromium: the snippet copied from our results
// page is pasted into a page served from another origin (another server on 127.0.0.1),
// where our script sizes the frame to its content at 320, 380 and 640 px, so nothing is
// clipped; a declaration then arrives in the frame without a reload, and the frame grows
// with it. Without the script, the snippet's default height fits the content of a whole
// declared night. The one-ward widget, dark mode and a hostile candidate name as well.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedDefaultHeight } from '../../views/public/EmbedSnippet';
import { medwaySubmissions, officerToken, postDeclaration } from '../support/declareOverHttp';
import { giveHostileName, publishedHostileName } from '../support/hostile';
import { startServer } from '../support/server';
import { axeViolations } from './axe';
import { hasChromium, launchChromium } from './chromium';

type Server = Awaited<ReturnType<typeof startServer>>;

/** The newsroom's live blog: its own page on another origin, with whatever we tell it to paste. */
async function liveBlog() {
  let body = '';
  const server = createServer((_req, res) =>
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Live blog</title><body style="margin:0;font-family:serif"><h1>Election night live</h1>${body}<p id="after">More coverage below.</p></body></html>`),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`,
    paste: (html: string) => void (body = html),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where the frame is on the host page, and where its last line is: both as the viewport shows them. */
async function frameAndLastLine(page: Page) {
  const frame = (await page.locator('iframe').boundingBox())!;
  const last = (await page.frameLocator('iframe').locator('.embed-source').boundingBox())!;
  return { frame, last };
}

async function expectNothingClipped(page: Page) {
  const { frame, last } = await frameAndLastLine(page);
  expect(last.y).toBeGreaterThanOrEqual(frame.y);
  expect(last.y + last.height).toBeLessThanOrEqual(frame.y + frame.height + 0.5);
  expect(last.x + last.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
  const inside = page.frames().find((f) => f.url().includes('/embed/'))!;
  const overflow = await inside.evaluate(() => ({
    wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tall: document.documentElement.scrollHeight - document.documentElement.clientHeight,
  }));
  expect(overflow).toEqual({ wide: 0, tall: 0 });
}

/** For polling while the frame settles: whether expectNothingClipped would pass now. */
async function isNothingClipped(page: Page): Promise<boolean> {
  try {
    await expectNothingClipped(page);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasChromium)('the widget on a newsroom page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let blog: Awaited<ReturnType<typeof liveBlog>>;
  let token: string;
  let wards: Awaited<ReturnType<typeof medwaySubmissions>>;
  let snippet: string;
  const declare = async (name: string) => {
    const { contestId, body } = wards.get(name)!;
    const res = await postDeclaration(server.url, token, contestId, { ...body, acceptWarnings: true });
    expect(res.status, name).toBe(201);
  };

  beforeAll(async () => {
    server = await startServer();
    token = await officerToken(server.db);
    wards = await medwaySubmissions(server.db, server.def.id);
    const twydall = wards.get('Twydall')!.contestId;
    const { loadElection } = await import('../../db/results');
    const candidate = (await loadElection(server.db, server.def.id))!.contests.find((c) => c.id === twydall)!.candidates[0]!;
    await giveHostileName(server.db, candidate.id);
    blog = await liveBlog();
    browser = await launchChromium();
    // The snippet exactly as a journalist copies it from our results page.
    const page = await browser.newPage();
    await page.goto(`${server.url}/elections/${encodeURIComponent(server.def.id)}`);
    snippet = (await page.locator('.embed-snippet code').textContent())!;
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await blog?.close();
    await server?.close();
  });

  it('is sized by our script to its content at 320, 380 and 640 px, and grows when a declaration arrives', async () => {
    expect(snippet).toContain(`${server.url}/static/embed.js`);
    expect(snippet).toMatch(/integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    blog.paste(snippet);
    for (const width of [320, 380, 640]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(blog.url);
      const inside = page.frameLocator('iframe');
      await expect.poll(() => inside.locator('.last-updated').isVisible()).toBe(true);
      // Sized by the script: not the snippet's default any more, and the content's height.
      await expect.poll(async () => (await page.locator('iframe').boundingBox())!.height, { timeout: 5000 }).not.toBe(embedDefaultHeight.election);
      await expect.poll(() => isNothingClipped(page), { timeout: 5000 }).toBe(true);
      await expectNothingClipped(page);
      expect(await inside.locator('.last-updated').textContent()).toMatch(/^Last updated \d\d:\d\d on \w+day \d{1,2} \w+ \d{4}$/);

      if (width === 380) {
        const before = (await page.locator('iframe').boundingBox())!.height;
        await declare('All Saints');
        await expect.poll(() => inside.locator('.latest').textContent(), { timeout: 8000, interval: 200 }).toContain('All Saints');
        await expect.poll(async () => (await page.locator('iframe').boundingBox())!.height, { timeout: 5000 }).toBeGreaterThan(before);
        await expect.poll(() => isNothingClipped(page), { timeout: 5000 }).toBe(true);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("fits a whole night in the snippet's default height without the script, and shows a hostile name as text in the ward widget", async () => {
    for (const name of wards.keys()) if (name !== 'All Saints') await declare(name);
    const measured: { election: number[]; contest: number[] } = { election: [], contest: [] };
    const twydall = wards.get('Twydall')!.contestId;
    const widgets = {
      election: `${server.url}/embed/elections/${encodeURIComponent(server.def.id)}`,
      contest: `${server.url}/embed/elections/${encodeURIComponent(server.def.id)}/contests/${encodeURIComponent(twydall)}`,
    };
    for (const [kind, src] of Object.entries(widgets) as [keyof typeof widgets, string][]) {
      blog.paste(`<iframe src="${src}" title="Results" width="100%" height="${embedDefaultHeight[kind]}" style="border:0"></iframe>`);
      for (const width of [320, 380, 480, 640]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        let dialogs = 0;
        page.on('dialog', (d) => (dialogs++, d.dismiss()));
        await page.goto(blog.url);
        await expect.poll(() => page.frameLocator('iframe').locator('.last-updated').isVisible()).toBe(true);
        const inside = page.frames().find((f) => f.url().includes('/embed/'))!;
        measured[kind].push(await inside.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
        console.log(`${kind} widget at ${width} px, every ward declared: ${measured[kind].at(-1)} px`);
        await expectNothingClipped(page);
        if (kind === 'contest') {
          const names = await page.frameLocator('iframe').locator('table.result').textContent();
          expect(names).toContain(publishedHostileName);
          expect(await inside.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
          expect(dialogs).toBe(0);
        }
        await context.close();
      }
    }
  });

  it('follows the reader’s dark setting in the widget, and only there', async () => {
    const context = await browser.newContext({ viewport: { width: 380, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${server.url}/embed/elections/${encodeURIComponent(server.def.id)}`);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await background()).toBe('rgb(18, 19, 20)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.seats-chart text')!).fill)).toBe('rgb(243, 242, 241)');
    // Readable in the dark too: contrast and the rest, in both widgets.
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/embed/elections/${encodeURIComponent(server.def.id)}/contests/${encodeURIComponent(wards.get('Twydall')!.contestId)}`);
    expect(await background()).toBe('rgb(18, 19, 20)');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/elections/${encodeURIComponent(server.def.id)}`);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await context.close();
  });
});
