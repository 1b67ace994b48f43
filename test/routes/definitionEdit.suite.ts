// Admin → Elections → Edit, on both drivers: an election's definition changed on forms while
// no result is in (the council's part and each ward's), every problem named by its box in
// words, a refused save changing nothing, every saved one audited, and typed names escaped.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { dumpDatabase, harness, signIn, testPassword, type Browser } from '../support/harness';
import { formFields } from '../support/formFields';
import { publishedHostileName } from '../support/hostile';
import { textOf } from '../support/pageText';

export function definitionEditSuite(driver: string, open: () => Promise<Db>): void {
  describe(`Admin → Elections → Edit (${driver})`, () => {
    async function setUp() {
      const h = await harness(open);
      const adminUser = await h.userWithToken('admin');
      const admin = await signIn(h.app, adminUser.user.name, testPassword, '/admin');
      const e = encodeURIComponent(h.def.id);
      const councilPath = `/admin/elections/${e}/edit`;
      const allSaints = await h.contest('All Saints');
      const wardPath = `${councilPath}/wards/${encodeURIComponent(allSaints.id)}`;
      /** The form as served, with `change` made to it, posted as the browser posts it. */
      const edit = async (path: string, change: (fields: Record<string, string>) => void, browser: Browser = admin) => {
        const fields = formFields(await (await browser.get(path)).text(), path);
        change(fields);
        return browser.post(path, fields);
      };
      const wardJson = async () => (await h.getJson(`/api/v1/elections/${e}/contests/${encodeURIComponent(allSaints.id)}`)).body;
      const auditText = async () => textOf(await (await admin.get('/admin/audit')).text());
      return { h, adminUser, admin, e, councilPath, wardPath, allSaints, edit, wardJson, auditText };
    }

    it('saves a ward: electorate, a surname corrected, the ballot paper order, a party and the previous result, on the public pages at once and audited', async () => {
      const { h, admin, adminUser, wardPath, allSaints, edit, wardJson, auditText } = await setUp();
      expect(await (await admin.get('/admin')).text()).toContain(`href="/admin/elections/${encodeURIComponent(h.def.id)}/edit"`);
      const before = await wardJson();
      expect(before.candidates.map((c: any) => c.name)).toEqual(allSaints.candidates.map((c) => c.knownAs));
      const [hyde, kemp] = allSaints.candidates;
      // The declared figures, by candidate id: the ids stay through the edit.
      const { contestId, body } = await h.medwaySubmission('All Saints');

      const res = await edit(wardPath, (f) => {
        f.electorate = '3,512';
        f['candidates.0.surname'] = 'Hyde-Smith';
        f['candidates.0.knownAs'] = 'Bernard Hyde-Smith';
        // Kemp first on the ballot paper, Hyde second.
        f['candidates.0.position'] = '2';
        f['candidates.1.position'] = '1';
        f['candidates.1.party'] = 'PP90';
        f['previous.0.party'] = 'PP52';
        f['previous.0.seats'] = '1';
      });
      expect(res.status).toBe(303);
      const saved = await admin.get(res.headers.get('location')!);
      expect(textOf(await saved.text())).toContain('Saved. The public pages show it now, and the audit log says what changed.');

      const after = await wardJson();
      expect(after.electorate).toBe(3512);
      // Same candidates, same ids, in the new order; Kemp now stands for the Liberal Democrats.
      expect(after.candidates.map((c: any) => [c.id, c.name, c.party.name])).toEqual([
        [kemp!.id, 'Kier Dorran Kemp', 'Liberal Democrats'],
        [hyde!.id, 'Bernard Hyde-Smith', 'Green Party'],
        ...before.candidates.slice(2).map((c: any) => [c.id, c.name, c.party.name]),
      ]);
      // The previous holder makes a declaration a gain or a hold.
      const page = textOf(await (await h.app.request(`/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(allSaints.id)}`, { headers: { accept: 'text/html' } })).text());
      expect(page).toContain('Kier Dorran Kemp');
      expect((await h.declare(contestId, body)).status).toBe(201);
      expect((await wardJson()).summary).toBe('Ind gain from Con');

      const audit = await auditText();
      expect(audit).toContain(
        `${adminUser.user.name} Edited the election Medway Council local elections 2023: All Saints: electorate 3,495 → 3,512; ` +
          'All Saints: previous result none given → Conservative 1; All Saints, Kier Dorran Kemp: party Labour → Liberal Democrats; ' +
          'All Saints, Bernard Hyde-Smith: surname Hyde → Hyde-Smith; All Saints, Bernard Hyde-Smith: known as Bernard Edward Hyde → Bernard Hyde-Smith; ' +
          'All Saints: ballot paper order now Kemp, Hyde-Smith, Khatkar, Ogunfemi, Simpson, Spalding, Wallace.',
      );
    });

    it("saves the council's part: seats on the whole council, councillors continuing, who ran it before, a colour and a new party", async () => {
      const { h, admin, councilPath, edit, auditText } = await setUp();
      const labour = await partyRow(admin, councilPath, 'Labour');
      const res = await edit(councilPath, (f) => {
        f.totalSeats = '61';
        f[`parties.${labour}.continuing`] = '2';
        f[`parties.${labour}.colour`] = '#aa0000';
        f.previousControl = '';
        f['newParty.name'] = 'UK Independence Party';
      });
      expect(res.status).toBe(303);
      const json = (await h.getJson(`/api/v1/elections/${encodeURIComponent(h.def.id)}`)).body;
      expect(json.seats).toEqual({ total: 61, majorityNeeded: 31 });
      const lab = json.parties.find((p: any) => p.name === 'Labour');
      expect(lab).toMatchObject({ colour: '#aa0000', seatsContinuing: 2, seatsTotal: 2 });
      expect(json.parties.find((p: any) => p.name === 'UK Independence Party')).toMatchObject({ id: 'PP85', colour: '#6D3177' });
      expect(await auditText()).toContain(
        'Edited the election Medway Council local elections 2023: Seats on the whole council: 59 → 61; Who ran the council before: Conservative → no overall control; ' +
          'Councillors continuing: none given → Labour 2; Colour of Labour: #E4003B → #aa0000; Added the party UK Independence Party.',
      );
    });

    it('refuses a form with problems, naming each by its box in words, keeps what was typed, and changes nothing', async () => {
      const { h, admin, wardPath, councilPath, edit } = await setUp();
      const before = await dumpDatabase(h.db);
      const res = await edit(wardPath, (f) => {
        f.seats = 'two';
        f.electorate = '-5';
        f['candidates.1.surname'] = ' ';
        f['candidates.2.position'] = '1';
        f['previous.0.seats'] = '1';
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      const text = textOf(html);
      expect(text).toContain('There is a problem: nothing was saved');
      for (const problem of [
        'All Saints, previous result 1: Choose the party that held these seats',
        'All Saints, candidate 3 (Khatkar): Position 1 is given to candidate 1 too: give each candidate a position of their own',
        'All Saints: Seats must be a number',
        'All Saints: Electorate cannot be negative',
        'All Saints, candidate 2: Surname must not be empty',
      ]) {
        expect(text).toContain(problem);
      }
      // Each beside its box, and the box keeps what was typed.
      expect(html).toMatch(/<span class="error" id="f-seats-error">All Saints: Seats must be a number<\/span><input id="f-seats" name="seats" value="two"/);
      expect(html).toContain('aria-invalid="true"');
      expect(await dumpDatabase(h.db)).toEqual(before);

      // The council: fewer seats than the wards hold, a party in use removed.
      const labour = await partyRow(admin, councilPath, 'Labour');
      const council = await edit(councilPath, (f) => {
        f.totalSeats = '58';
        f[`parties.${labour}.remove`] = 'yes';
      });
      expect(council.status).toBe(422);
      const councilText = textOf(await council.text());
      expect(councilText).toContain('The number of seats on the whole council is 58, but the wards and continuing councillors add up to 59 seats');
      expect(councilText).toMatch(/Labour cannot be removed: its candidates stand in All Saints, .*Watling/);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it("refuses a party chosen on two rows of a ward's previous result, beside the second, and changes nothing", async () => {
      const { h, wardPath, edit } = await setUp();
      const before = await dumpDatabase(h.db);
      const res = await edit(wardPath, (f) => {
        f['previous.0.party'] = 'PP52';
        f['previous.0.seats'] = '1';
        f['previous.1.party'] = 'PP52';
        f['previous.1.seats'] = '1';
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      const said = 'All Saints, previous result 2: Conservative is given twice in the previous result of All Saints: give its seats once';
      expect(textOf(html)).toContain(said);
      expect(html).toContain(`id="f-previous-1-party-error">${said}</span>`);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it("refuses a save made on a page opened before someone else's, and shows the election as it now stands", async () => {
      const { h, admin, wardPath } = await setUp();
      const second = await signIn(h.app, (await h.userWithToken('admin', `second-${crypto.randomUUID().slice(0, 8)}`)).user.name, testPassword, '/admin');
      const mine = formFields(await (await admin.get(wardPath)).text(), wardPath);
      const theirs = formFields(await (await second.get(wardPath)).text(), wardPath);
      expect((await admin.post(wardPath, { ...mine, electorate: '4000' })).status).toBe(303);
      const before = await dumpDatabase(h.db);
      const late = await second.post(wardPath, { ...theirs, seats: '1', 'candidates.0.surname': 'Hide' });
      expect(late.status).toBe(409);
      const html = await late.text();
      expect(textOf(html)).toContain('Medway Council local elections 2023 was changed by someone else after you opened this page: the form now shows it as it stands. Make your change again.');
      expect(html).toContain('name="electorate" value="4000"');
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('is read-only once a result is in: the page says so, and a save is refused and changes nothing', async () => {
      const { h, admin, wardPath, councilPath } = await setUp();
      const open = formFields(await (await admin.get(wardPath)).text(), wardPath);
      const { contestId, body } = await h.medwaySubmission('Watling');
      expect((await h.declare(contestId, body)).status).toBe(201);

      for (const path of [wardPath, councilPath]) {
        const html = await (await admin.get(path)).text();
        expect(textOf(html)).toContain('1 result has been entered for Medway Council local elections 2023, so its wards, candidates and parties can no longer be changed.');
        expect(html).toContain('<fieldset disabled="">');
        expect(html).not.toMatch(/<button type="submit" class="primary">Save/);
      }
      const before = await dumpDatabase(h.db);
      const refused = await admin.post(wardPath, { ...open, electorate: '9999' });
      expect(refused.status).toBe(409);
      expect(textOf(await refused.text())).toContain(
        'Not saved: nothing was changed Results have been entered for Medway Council local elections 2023, so its definition can no longer be changed.',
      );
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('shows a typed name as text on the form, the public page and the audit log', async () => {
      const { h, admin, wardPath, allSaints, edit, auditText } = await setUp();
      expect((await edit(wardPath, (f) => (f['candidates.0.knownAs'] = publishedHostileName))).status).toBe(303);
      const form = await (await admin.get(wardPath)).text();
      expect(form).not.toContain('<img src=x');
      expect(formFields(form, wardPath)['candidates.0.knownAs']).toBe(publishedHostileName);
      const page = await (await h.app.request(`/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(allSaints.id)}`, { headers: { accept: 'text/html' } })).text();
      expect(page).not.toContain('<img src=x');
      expect(textOf(page)).toContain(publishedHostileName);
      const audit = await (await admin.get('/admin/audit')).text();
      expect(audit).not.toContain('<img src=x');
      expect(await auditText()).toContain(`known as Bernard Edward Hyde → ${publishedHostileName}`);
    });

    it('is for admins only', async () => {
      const { h, wardPath, councilPath } = await setUp();
      const officer = await signIn(h.app, h.officer.user.name, testPassword, `/officer/elections/${encodeURIComponent(h.def.id)}`);
      const before = await dumpDatabase(h.db);
      for (const path of [wardPath, councilPath]) {
        expect((await officer.get(path)).status).toBe(403);
        expect((await officer.post(path, { _csrf: officer.csrf, electorate: '1', totalSeats: '1' })).status).toBe(403);
        const signedOut = await h.app.request(path, { headers: { accept: 'text/html' } });
        expect(signedOut.status).toBe(303);
        expect(signedOut.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
      }
      expect(await dumpDatabase(h.db)).toEqual(before);
    });
  });
}

/** The row of the council form's parties list that is `name`'s, as its label says. */
async function partyRow(admin: Browser, councilPath: string, name: string): Promise<number> {
  const html = await (await admin.get(councilPath)).text();
  const row = html.match(new RegExp(`<label for="f-parties-(\\d+)-colour">Colour of ${name}</label>`))?.[1];
  if (row === undefined) throw new Error(`no party ${name} on the form`);
  return Number(row);
}
