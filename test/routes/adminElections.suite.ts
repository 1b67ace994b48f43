// Admin → Elections: an election set up from the browser, from the definition file or from
// Democracy Club's candidates CSV, with a preview first and every problem named.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { listElections } from '../../db/results';
import { dumpDatabase, harness, signIn, testPassword, type Browser } from '../support/harness';
import { publishedHostileName } from '../support/hostile';
import { textOf } from '../support/pageText';

import medwayJson from '../../db/demo/medway-2023.json?raw';
import medwayCsv from '../fixtures/democracy-club/medway-2023-candidates.csv?raw';

const medway = JSON.parse(medwayJson);

type App = Awaited<ReturnType<typeof harness>>['app'];

/** Uploads a file as the browser's form does (multipart, with the CSRF token). */
function upload(app: App, browser: Browser, name: string, text: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('_csrf', browser.csrf);
  form.set('file', new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return app.request('/admin/elections/preview', { method: 'POST', headers: { cookie: browser.cookie, origin: 'http://localhost', accept: 'text/html' }, body: form });
}

/** The preview's confirmation, sent as the browser sends it. */
async function confirm(browser: Browser, previewHtml: string) {
  const carried = previewHtml.match(/name="definition" value="([^"]*)"/)?.[1];
  expect(carried, 'the preview carries the definition').toBeDefined();
  const unescaped = carried!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return browser.post('/admin/elections/import', { _csrf: browser.csrf, definition: unescaped });
}

/** A fresh election id, so suites sharing a database never meet. */
function fresh<T extends { id: string; contests: { id: string }[] }>(def: T, tag: string): T {
  return { ...def, id: `${def.id}.${tag}`, contests: def.contests.map((c) => ({ ...c, id: `${c.id}.${tag}` })) };
}

export function adminElectionsSuite(driver: string, open: () => Promise<Db>): void {
  describe(`Admin → Elections (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const admin = await h.userWithToken('admin');
      const browser = await signIn(h.app, admin.user.name, testPassword, '/admin/elections/new');
      return { h, browser };
    }

    it('previews the definition file, imports it once confirmed, and serves its results page', async () => {
      const { h, browser } = await setUp();
      const tag = crypto.randomUUID().slice(0, 8);
      const def = fresh(medway, tag);
      const preview = await upload(h.app, browser, 'medway-2023.json', JSON.stringify(def));
      expect(preview.status).toBe(200);
      const html = await preview.text();
      const text = textOf(html);
      expect(text).toContain('Medway Council local elections 2023');
      expect(text).toContain('24 wards, 59 seats up for election of 59, 186 candidates');
      expect(text).toMatch(/Labour PP53 \d+/);
      expect(text).toContain('Chatham Central and Brompton 3');
      // Nothing is written before the confirmation.
      expect((await listElections(h.db)).some((e) => e.id === def.id)).toBe(false);

      const imported = await confirm(browser, html);
      expect(imported.status).toBe(200);
      const importedText = textOf(await imported.text());
      expect(importedText).toContain('Imported Medway Council local elections 2023: 24 wards.');
      // A second election on the site: the first stays current until an admin says otherwise.
      expect(importedText).toContain("The site's home page still leads to the current election: make this one current on the admin page");
      const page = await h.app.request(`/elections/${encodeURIComponent(def.id)}`);
      expect(page.status).toBe(200);
      expect(textOf(await page.text())).toContain('0 of 24 wards declared');
      const audit = await h.getJson(`/api/v1/elections/${encodeURIComponent(def.id)}`);
      expect(audit.body.contests).toHaveLength(24);
    });

    it("imports Democracy Club's candidates CSV with Medway's wards, seats and candidates in ballot-paper order", async () => {
      const { h, browser } = await setUp();
      const tag = crypto.randomUUID().slice(0, 8);
      // Fresh ids (election and ballot ids end ".2023-05-04"; the date column has no dot before it).
      const csv = medwayCsv.replaceAll('.2023-05-04,', `.2023-05-04.${tag},`);
      const preview = await upload(h.app, browser, 'candidates-local.medway.2023-05-04.csv', csv, { totalSeats: '59' });
      const html = await preview.text();
      expect(preview.status, textOf(html).slice(0, 500)).toBe(200);
      expect(textOf(html)).toContain('24 wards, 59 seats up for election of 59, 186 candidates');
      expect(textOf(html)).toContain('Medway Council elections 2023');
      expect((await confirm(browser, html)).status).toBe(200);

      const electionId = `local.medway.2023-05-04.${tag}`;
      for (const ward of medway.contests) {
        const contestId = ward.id.replace('2023-05-04', `2023-05-04.${tag}`);
        const got = (await h.getJson(`/api/v1/elections/${encodeURIComponent(electionId)}/contests/${encodeURIComponent(contestId)}`)).body;
        expect(got.name, ward.name).toBe(ward.name);
        expect(got.seats, ward.name).toBe(ward.seats);
        const byName = (a: any, b: any) => a.surname.localeCompare(b.surname, 'en-GB') || a.otherNames.localeCompare(b.otherNames, 'en-GB');
        const expected = [...ward.candidates].sort(byName).map((c: any) => [c.party, c.description]);
        expect(got.candidates.map((c: any) => [c.party.name, c.description]), ward.name).toEqual(expected);
      }
    });

    it('names every problem in a CSV by row and column, and imports nothing', async () => {
      const { h, browser } = await setUp();
      const before = (await listElections(h.db)).length;
      const lines = medwayCsv.split('\r\n');
      const cells = lines[2]!.split(',');
      cells[10] = 'three';
      const broken = [lines[0], lines[1], cells.join(','), ...lines.slice(3)].join('\r\n');
      const res = await upload(h.app, browser, 'broken.csv', broken);
      expect(res.status).toBe(422);
      const text = textOf(await res.text());
      expect(text).toContain('The Democracy Club CSV cannot be imported: nothing was changed');
      expect(text).toContain('row 3, seats_contested: must be a whole number of at least 1, not "three"');

      const notDc = await upload(h.app, browser, 'people.csv', 'name,email\r\nSam,sam@example.org\r\n');
      expect(notDc.status).toBe(422);
      expect(textOf(await notDc.text())).toContain('This is not a Democracy Club candidates CSV: it has no person_id, person_name, election_id, ballot_paper_id, election_date, party_name, post_label, seats_contested columns.');
      const badJson = await upload(h.app, browser, 'medway.json', '{"id": ');
      expect(badJson.status).toBe(422);
      expect(textOf(await badJson.text())).toContain('The file is not valid JSON');
      expect((await listElections(h.db)).length).toBe(before);
    });

    /** The file is refused in the preview and again at the import (as if its preview had been skipped), in `said`, and nothing is written. */
    async function refusedInWords(h: Awaited<ReturnType<typeof harness>>, browser: Browser, def: unknown, said: string) {
      const before = await dumpDatabase(h.db);
      const preview = await upload(h.app, browser, 'medway.json', JSON.stringify(def));
      expect(preview.status).toBe(422);
      const previewText = textOf(await preview.text());
      expect(previewText).toContain('The file cannot be imported: nothing was changed');
      expect(previewText).toContain(said);
      // The import checks what comes back from the browser again: refused in the same words.
      const imported = await browser.post('/admin/elections/import', { _csrf: browser.csrf, definition: JSON.stringify(def) });
      expect(imported.status).toBe(422);
      expect(textOf(await imported.text())).toContain(said);
      expect(await dumpDatabase(h.db)).toEqual(before);
    }

    it("names a party given twice in a ward's previous result, in the preview and at the import, and writes nothing", async () => {
      const { h, browser } = await setUp();
      const def = fresh(medway, crypto.randomUUID().slice(0, 8));
      def.contests[0].previous = [{ party: 'Labour', seats: 1 }, { party: 'Labour Party', seats: 1 }];
      await refusedInWords(h, browser, def, 'contests[0].previous[1].party: Labour Party is the same party as Labour, already given in the previous result of All Saints: give its seats once');
    });

    it('names a ward id that another election on the site has, in the preview and at the import, and writes nothing', async () => {
      const { h, browser } = await setUp();
      // Last year's file under a new election id: its wards' ids are the imported election's.
      const def = { ...fresh(medway, crypto.randomUUID().slice(0, 8)), contests: medway.contests.map((c: any, i: number) => ({ ...c, id: h.def.contests[i]!.id })) };
      const said = `contests[0].id: contest id ${h.def.contests[0]!.id} is already a ward of Medway Council local elections 2023: give this election's wards ids of their own`;
      await refusedInWords(h, browser, def, said);
    });

    it('shows a hostile candidate name in the preview as text', async () => {
      const { h, browser } = await setUp();
      const tag = crypto.randomUUID().slice(0, 8);
      const def = fresh(medway, tag);
      def.contests[0].candidates[0].surname = publishedHostileName;
      const html = await (await upload(h.app, browser, 'medway.json', JSON.stringify(def))).text();
      expect(html).not.toContain('<script>');
      expect(textOf(html)).toContain(publishedHostileName);
    });

    it('is for admins only', async () => {
      const { h } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      expect((await officer.get('/admin/elections/new')).status).toBe(403);
      expect((await upload(h.app, officer, 'medway.json', medwayJson)).status).toBe(403);
      expect((await h.app.request('/admin/elections/new', { headers: { accept: 'text/html' } })).status).not.toBe(200);
    });
  });
}
