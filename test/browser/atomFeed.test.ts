// The Atom feed read by a real XML parser (Chromium's, strict as feed readers are), after
// old rows full of control characters: one such character and a reader gives up on the
// whole feed, for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openSqlite } from '../../db/sqlite';
import { feedOfOldRows } from '../routes/textRules.suite';
import { updatesClient } from '../routes/updates.suite';
import { harness } from '../support/harness';
import { publishedHostileName } from '../support/hostile';
import { hasChromium, launchChromium } from './chromium';

describe.skipIf(!hasChromium)('the Atom feed in a real XML parser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('parses, with every entry and its words, after names and a reason stored with every control character', async () => {
    const { h } = await feedOfOldRows(async () => openSqlite(':memory:').db);
    const xml = await (await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`)).text();
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        error: error?.textContent ?? null,
        title: doc.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
        entries: doc.getElementsByTagNameNS(atom, 'entry').length,
        summary: doc.getElementsByTagNameNS(atom, 'summary')[0]?.textContent,
      };
    }, xml);
    await page.close();
    expect(parsed.error).toBeNull();
    expect(parsed.title).toBe('Medway AZ\u202E\u202C: declarations');
    expect(parsed.entries).toBe(2);
    expect(parsed.summary).toMatch(/^Elected: Chris AZ\u202E\u202C \(Independent\) 295\..*Reason for the correction: reason A\n\nZ\u202E\u202C$/s);
  });

  it('parses an update from the count as one entry, with its version in our namespace and its words as typed', async () => {
    const h = await harness(async () => openSqlite(':memory:').db);
    const api = updatesClient(h);
    const { id } = (await (await api.post({ text: `Counting has started. ${publishedHostileName}` })).json()) as { id: string };
    await api.correct(id, `Counting has started in every ward. ${publishedHostileName}`);
    const xml = await (await h.app.request(`/api/v1/elections/${h.def.id}/declarations.atom`)).text();
    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const entry = doc.getElementsByTagNameNS(atom, 'entry')[0];
      return {
        error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        entries: doc.getElementsByTagNameNS(atom, 'entry').length,
        id: entry?.getElementsByTagNameNS(atom, 'id')[0]?.textContent,
        version: entry?.getElementsByTagNameNS('urn:declare:atom', 'version')[0]?.textContent,
        summary: entry?.getElementsByTagNameNS(atom, 'summary')[0]?.textContent,
        categories: [...(entry?.getElementsByTagNameNS(atom, 'category') ?? [])].map((c) => c.getAttribute('term')),
      };
    }, xml);
    await page.close();
    expect(parsed).toEqual({
      error: null,
      entries: 1,
      id: `urn:declare:update:${id}`,
      version: '2',
      summary: `Counting has started in every ward. ${publishedHostileName}`,
      categories: ['update', 'correction'],
    });
  });
});
