// The officer's phone form without JavaScript: plain form posts, as the no-JS path works.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { fieldName } from '../../src/officer/entryForm';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { harness, signIn, testPassword } from '../support/harness';
import { hostileName } from '../support/hostile';
import { medwayForm } from '../support/officerForm';

async function setUp(open: () => Promise<Db>, options: Parameters<typeof harness>[1] = {}) {
  const h = await harness(open, options);
  const wards = `/officer/elections/${encodeURIComponent(h.def.id)}`;
  const browser = await signIn(h.app, h.officer.user.name, testPassword, wards);
  return { h, wards, browser };
}

export function officerFormSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the officer's phone form (${driver})`, () => {
    it('lists the wards with their status and finds one by name', async () => {
      const { wards, browser } = await setUp(open);
      const html = await (await browser.get(wards)).text();
      expect(html).toContain('All Saints');
      expect(html).toContain('Wayfield and Weeds Wood');
      const found = await (await browser.get(`${wards}?q=strood`)).text();
      expect(found).toContain('Strood North and Frindsbury');
      expect(found).not.toContain('All Saints');
      const fragment = await (await browser.get(`${wards}?q=rainham`, { 'hx-request': 'true' })).text();
      expect(fragment.startsWith('<ul id="wards"')).toBe(true);
      expect(fragment).toContain('Rainham South East');
    });

    it('lists the elections when there is more than one, each leading to its wards, names escaped', async () => {
      const { h, wards, browser } = await setUp(open);
      const other = freshMedway({ name: hostileName });
      await importElection(h.db, other);
      const res = await browser.get('/officer');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`<a href="${wards}">${h.def.name}</a>`);
      expect(html).toContain(`<a href="/officer/elections/${encodeURIComponent(other.id)}">=HYPERLINK(&quot;http://evil&quot;) &lt;img src=x`);
      expect(html).not.toContain('<img src=x');
    });

    it("never lets a shared cache keep an officer's page, form or answer", async () => {
      const { h, wards, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      const ward = `/officer/contests/${encodeURIComponent(contestId)}`;
      const answers = [
        ['the wards list', await browser.get(wards)],
        ['the entry form', await browser.get(ward)],
        ['the review', await browser.post(`${ward}/review`, { ...form, _csrf: browser.csrf })],
        ['the sign-in form', await h.app.request('/login')],
      ] as const;
      for (const [what, res] of answers) {
        expect(res.status, what).toBe(200);
        expect(res.headers.get('cache-control'), what).toBe('no-store');
      }
    });

    it('shows one numeric box per candidate in ballot-paper order, electorate filled in', async () => {
      const { h, browser } = await setUp(open);
      const contest = await h.contest('All Saints');
      const html = await (await browser.get(`/officer/contests/${encodeURIComponent(contest.id)}`)).text();
      const labels = [...html.matchAll(/<label for="votes-\d+">([^<]+)<\/label>/g)].map((m) => m[1]);
      expect(labels).toEqual(['Bernard Edward Hyde', 'Kier Dorran Kemp', 'Bill Khatkar', 'Harold Ogunfemi', 'Elizabeth Ann Simpson', 'Chris Spalding', 'Julie Wallace']);
      // Votes, rejected by reason, the declaration's verification figures and electorate, and
      // the verification statement's own form (published before the count).
      expect(html.match(/inputmode="numeric"/g)).toHaveLength(7 + 4 + 3 + 2);
      expect(html).toMatch(/name="electorate" value="3495"/);
    });

    it('reviews the figures, then declares them and says it is published', async () => {
      const { h, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      const review = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, { ...form, _csrf: browser.csrf });
      expect(review.status).toBe(200);
      const reviewHtml = await review.text();
      expect(reviewHtml).toContain('Check before declaring');
      expect(reviewHtml).toMatch(/<strong>Chris Spalding<\/strong> \(Independent\) 295/);
      expect(reviewHtml).toMatch(/<dt>Majority<\/dt><dd>43<\/dd>/);
      expect(reviewHtml).toMatch(/<dt>Turnout<\/dt><dd>27\.61%<\/dd>/);
      expect((await h.contest('All Saints')).status).toBe('awaiting');

      const declared = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, _csrf: browser.csrf });
      expect(declared.status).toBe(201);
      expect(await declared.text()).toContain('Published: All Saints');
      const published = await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`);
      expect(published.body).toMatchObject({ status: 'declared', version: 1, majority: 43, electorate: 3495 });

      // The same form sent again (a double tap, a retry) publishes nothing new.
      const again = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, _csrf: browser.csrf });
      expect(await again.text()).toContain('nothing was published twice');
      expect((await h.contest('All Saints')).versions).toHaveLength(1);
    });

    it('keeps what was typed and marks the field when a figure is not a number', async () => {
      const { h, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      const contest = await h.contest('All Saints');
      const field = fieldName.votes(contest.candidates[3]!.id);
      const res = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, { ...form, [field]: '19O', _csrf: browser.csrf });
      expect(res.status).toBe(422);
      const html = await res.text();
      const name = contest.candidates[3]!.knownAs ?? contest.candidates[3]!.surname;
      expect(html).toContain(`<title>Error: All Saints · Declare</title>`);
      // Said at the top, linked to the box, and again beside it, as a sentence.
      expect(html).toContain(`<a href="#votes-3">Enter the votes for ${name} as a number, like 1,234.</a>`);
      expect(html).toContain(`id="votes-3-error">Enter the votes for ${name} as a number, like 1,234.<`);
      expect(html).toContain('value="19O"');
      expect(html).toContain('value="1,1"'.replace('1,1', form[fieldName.votes(contest.candidates[0]!.id)]!));
    });

    it('needs every warning ticked before declaring figures that do not add up', async () => {
      const { h, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      const spoilt = { ...form, [fieldName.postal]: '341', _csrf: browser.csrf };
      const review = await (await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, spoilt)).text();
      expect(review).toContain('but 975 ballot papers were verified: a difference of 10.');
      const unticked = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, spoilt);
      expect(unticked.status).toBe(422);
      // Said in words beside the button, not only a moved focus.
      expect(await unticked.text()).toContain('Not published yet: tick &quot;These are the figures as declared&quot; under the warning, or change the figures.');
      expect((await h.contest('All Saints')).status).toBe('awaiting');
      const ticked = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...spoilt, confirm: 'votes-plus-rejected-mismatch' });
      expect(ticked.status).toBe(201);
    });

    it('asks who won the drawing of lots when candidates tie for the last seat', async () => {
      const { h, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      const contest = await h.contest('All Saints');
      const wallace = contest.candidates.find((c) => c.surname === 'Wallace')!.id;
      const tied = { ...form, [fieldName.votes(wallace)]: '295', [fieldName.postal]: '374', _csrf: browser.csrf };
      const review = await (await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, tied)).text();
      expect(review).toContain('Chris Spalding, Julie Wallace tie on 295 votes for the last seat');
      const declared = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...tied, lot: wallace, confirm: 'votes-plus-rejected-mismatch' });
      expect(declared.status).toBe(201);
      expect(await declared.text()).toContain('elected after drawing lots');
    });

    it('corrects a declared ward only with a reason, as version 2', async () => {
      const { h, browser } = await setUp(open);
      const { contestId, form } = await medwayForm(h, 'All Saints');
      await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...form, _csrf: browser.csrf });
      const page = await (await browser.get(`/officer/contests/${encodeURIComponent(contestId)}`)).text();
      expect(page).toContain('Reason for the correction');
      expect(page).toMatch(/name="votes\.[^"]+" value="295"/);

      const fresh = { ...form, [fieldName.key]: crypto.randomUUID(), _csrf: browser.csrf };
      // The review of a correction shows each changed figure as old → new, and asks for the reason.
      const postal = Number(form[fieldName.postal]);
      const review = await (await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/review`, { ...fresh, [fieldName.postal]: String(postal + 1), reason: 'Postal figure re-read' })).text();
      expect(review).toContain('<h2 tabindex="-1">Check the correction</h2>');
      expect(review).toMatch(new RegExp(`<tr class="changed"><th scope="row">Postal ballot papers verified</th><td class="num"><span><del>${postal}</del> → <ins>${postal + 1}</ins></span>`));
      expect(review.match(/class="changed"/g)).toHaveLength(1);
      expect(review).toContain('<strong>Reason for the correction: </strong>Postal figure re-read');
      const noReason = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, fresh);
      expect(noReason.status).toBe(422);
      expect(await noReason.text()).toContain('a correction needs a reason');
      const corrected = await browser.post(`/officer/contests/${encodeURIComponent(contestId)}/declare`, { ...fresh, reason: 'Postal figure re-read' });
      expect(corrected.status).toBe(201);
      expect(await corrected.text()).toContain('Correction (version 2)');
    });

    it('asks before a status goes public, then sets it and says so (plain post and htmx)', async () => {
      const { h, browser } = await setUp(open);
      const contest = await h.contest('Luton');
      const ward = `/officer/contests/${encodeURIComponent(contest.id)}`;
      const path = `${ward}/status`;
      const asked = await browser.post(path, { status: 'counting', _csrf: browser.csrf });
      expect(asked.status).toBe(200);
      expect(await asked.text()).toContain('Mark Luton as counting?');
      expect((await h.contest('Luton')).status).toBe('awaiting');
      const set = await browser.post(path, { status: 'counting', confirmed: 'yes', _csrf: browser.csrf });
      expect(set.status).toBe(303);
      expect(set.headers.get('location')).toBe(`${ward}?changed=counting`);
      expect(await (await browser.get(set.headers.get('location')!)).text()).toContain('Luton is marked as counting on the public page now.');
      expect((await h.contest('Luton')).status).toBe('counting');

      const question = await (await browser.post(path, { status: 'recount', _csrf: browser.csrf }, { 'hx-request': 'true' })).text();
      expect(question.startsWith('<div id="status"')).toBe(true);
      expect(question).toContain('Yes, mark as recount');
      expect((await h.contest('Luton')).status).toBe('counting');
      const fragment = await (await browser.post(path, { status: 'recount', confirmed: 'yes', _csrf: browser.csrf }, { 'hx-request': 'true' })).text();
      expect(fragment).toContain('Luton is marked as recount on the public page now.');
      expect((await h.contest('Luton')).status).toBe('recount');
      // The notice is chosen from the known statuses, never text from the address.
      const crafted = await (await browser.get(`${ward}?changed=${encodeURIComponent('declared. Call 0800 000 000')}`)).text();
      expect(crafted).not.toContain('0800');
      expect(crafted).not.toContain('on the public page now');
    });

    it('shows a candidate name with markup in it as text', async () => {
      const evil = '<script>alert(1)</script>';
      const { h, browser } = await setUp(open, {
        define: (def) => ({ ...def, contests: def.contests.map((c, i) => (i === 0 ? { ...c, candidates: c.candidates.map((x, j) => (j === 0 ? { ...x, knownAs: evil } : x)) } : c)) }),
      });
      const contest = await h.contest('All Saints');
      const html = await (await browser.get(`/officer/contests/${encodeURIComponent(contest.id)}`)).text();
      expect(html).not.toContain(evil);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });
  });
}
