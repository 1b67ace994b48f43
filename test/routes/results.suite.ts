// The public results pages a resident reads on the night, driven over HTTP after
// declarations through the write API: what they show, how they update, and how cheaply.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { listElections } from '../../db/results';
import { elections } from '../../db/schema';
import { formatNumber, formatPercent, percentTo2dp } from '../../src/domain';
import { londonDateTime } from '../../views/shared/londonTime';
import { medwayFile } from '../fixtures';
import { harness } from '../support/harness';
import { sectionOf, textOf } from '../support/pageText';

type Harness = Awaited<ReturnType<typeof harness>>;

async function declareWard(h: Harness, name: string, change: (body: any) => any = (b) => b) {
  const { contestId, body } = await h.medwaySubmission(name);
  const res = await h.declare(contestId, change(body));
  expect(res.status, name).toBe(201);
  return { contestId, result: (await res.json()) as any };
}

async function page(h: Harness, path: string, headers: Record<string, string> = {}) {
  const res = await h.app.request(path, { headers: { accept: 'text/html', ...headers } });
  return { res, html: await res.text() };
}

export function resultsPagesSuite(driver: string, open: () => Promise<Db>): void {
  describe(`public results pages (${driver})`, () => {
    it('shows the night before any result: no majority yet, nothing declared, every ward awaiting and linked', async () => {
      const h = await harness(open);
      const { res, html } = await page(h, `/elections/${h.def.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const text = textOf(html);
      expect(text).toContain('Medway Council local elections 2023');
      expect(text).toContain('No party has a majority yet');
      expect(text).toContain('0 of 59 seats declared');
      expect(text).toContain('0 of 24 wards declared');
      expect(text).toContain('30 of 59 seats are needed for a majority');
      expect(text).toContain('No result has been declared yet.');
      const wards = sectionOf(html, 'wards-heading');
      expect(wards.match(/Awaiting result/g)).toHaveLength(24);
      for (const c of h.def.contests) {
        expect(wards, c.name).toContain(`href="/elections/${encodeURIComponent(h.def.id)}/contests/${encodeURIComponent(c.id)}"`);
      }
    });

    it('shows declarations as they come: headline, progress, seats with gains and losses, latest first', async () => {
      const h = await harness(open);
      await declareWard(h, 'All Saints');
      await declareWard(h, 'Strood West');
      await declareWard(h, 'Watling');
      const api = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      const { html } = await page(h, `/elections/${h.def.id}`);
      const text = textOf(html);
      expect(text).toContain(api.control.summary);
      expect(text).toContain(`${api.progress.seatsDeclared} of 59 seats declared`);
      expect(text).toContain('3 of 24 wards declared');

      const latest = textOf(sectionOf(html, 'latest'));
      const order = ['Watling', 'Strood West', 'All Saints'].map((name) => latest.indexOf(name));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const c of api.contests.filter((x: any) => x.status === 'declared')) expect(latest).toContain(`${c.name}: ${c.summary}`);

      // The tables of parties say what the JSON says: seats, gains, losses (not known: the
      // Medway file has no ward-level previous results), then votes and their share.
      const table = textOf(sectionOf(html, 'seats-heading'));
      for (const p of api.parties.filter((x: any) => x.seatsTotal > 0)) {
        expect(p.gains).toBeNull();
        expect(table).toContain(`${p.name} ${p.seatsTotal} – –`);
      }
      expect(table).toContain('Share of the vote in the 3 wards declared so far');
      for (const p of api.parties.filter((x: any) => x.votes > 0)) {
        expect(table).toContain(`${p.name} ${formatNumber(p.votes)} ${formatPercent(p.voteSharePercent)}`);
      }
      // The chart labels each bar in words, majority line included.
      expect(html).toMatch(/<svg class="seats-chart"[^>]*role="img"[^>]*aria-label="Seats: [^"]*30 seats needed for a majority"/);
      expect(html).toContain('Majority: 30');
    });

    it('reproduces the Medway night on the page: Labour gain from Conservative, Lab 33, Con 22, Ind 4', async () => {
      const h = await harness(open);
      for (const ward of medwayFile.contests) await declareWard(h, ward.name);
      const { html } = await page(h, `/elections/${h.def.id}`);
      const text = textOf(html);
      expect(text).toContain('Labour gain from Conservative');
      expect(text).toContain('59 of 59 seats declared');
      expect(text).toContain('24 of 24 wards declared');
      // Vote share across the night, from the file's own figures: every vote for a party's
      // candidates over every vote cast.
      const votesBy = new Map<string, number>();
      for (const ward of medwayFile.contests) for (const c of ward.candidates) votesBy.set(c.party, (votesBy.get(c.party) ?? 0) + c.votes!);
      const allVotes = [...votesBy.values()].reduce((a, b) => a + b, 0);
      const share = (party: string) => `${party} ${formatNumber(votesBy.get(party)!)} ${formatPercent(percentTo2dp(votesBy.get(party)!, allVotes))}`;
      expect(text).toContain('Labour 33 – – Conservative 22 – – Independent 4 – –');
      expect(text).toContain(`Share of the vote in the 24 wards declared so far Party Votes Share ${share('Labour')} ${share('Conservative')}`);
      expect(text).toContain(share('Independent'));
      expect(text).toContain('Gains and losses are not shown: the council has not published who held each seat before.');
      expect(html).toContain('aria-label="Seats: Lab 33, Con 22, Ind 4, 30 seats needed for a majority"');
      expect(textOf(sectionOf(html, 'wards-heading'))).not.toContain('Awaiting result');
    });

    it('counts gains and losses only where the file says who held the seats, and says which wards it left out', async () => {
      // All Saints was Conservative, Fort Horsted Labour (made up for the test); Chatham
      // Central and Brompton has no previous result.
      const previous: Record<string, { party: string; seats: number }[]> = {
        'All Saints': [{ party: 'Conservative', seats: 1 }],
        'Fort Horsted': [{ party: 'Labour', seats: 1 }],
      };
      const h = await harness(open, {
        define: (def) => ({ ...def, contests: def.contests.map((c) => (previous[c.name] ? { ...c, previous: previous[c.name] } : c)) }),
      });
      const before = textOf(sectionOf((await page(h, `/elections/${h.def.id}`)).html, 'seats-heading'));
      expect(before).toMatch(/Conservative 0 0 0 /);
      expect(before).not.toContain('Share of the vote');
      await declareWard(h, 'All Saints'); // Independent gain from Conservative
      await declareWard(h, 'Fort Horsted'); // Conservative gain from Labour
      await declareWard(h, 'Chatham Central and Brompton'); // three Labour seats: no comparison
      const api = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      const party = (name: string) => api.parties.find((p: any) => p.name === name);
      expect([party('Independent').gains, party('Independent').losses]).toEqual([1, 0]);
      expect([party('Conservative').gains, party('Conservative').losses]).toEqual([1, 1]);
      expect([party('Labour').gains, party('Labour').losses]).toEqual([0, 1]);
      expect(api.declaredWithoutPrevious).toBe(1);
      const table = textOf(sectionOf((await page(h, `/elections/${h.def.id}`)).html, 'seats-heading'));
      expect(table).toContain('Labour 3 0 1');
      expect(table).toContain('Independent 1 1 0');
      expect(table).toContain('Gains and losses leave out 1 declared ward with no previous result.');
    });

    it('says when every public page was last updated, in UK time with the date', async () => {
      const h = await harness(open);
      const { contestId } = await declareWard(h, 'All Saints');
      const { updatedAt } = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      const stamp = `Last updated ${londonDateTime(updatedAt)}`;
      expect(stamp).toMatch(/^Last updated \d\d:\d\d on \w+day \d{1,2} \w+ \d{4}$/);
      for (const path of [`/elections/${h.def.id}`, `/elections/${h.def.id}/live`, `/elections/${h.def.id}/contests/${contestId}`, `/elections/${h.def.id}/contests/${contestId}/live`]) {
        expect(textOf((await page(h, path)).html), path).toContain(stamp);
      }
    });

    it("shows a ward's declaration in full: candidates by votes, who was elected, majority, turnout, rejected, verification", async () => {
      const h = await harness(open);
      const { contestId, result } = await declareWard(h, 'All Saints');
      const { res, html } = await page(h, `/elections/${h.def.id}/contests/${contestId}`);
      expect(res.status).toBe(200);
      const text = textOf(html);
      expect(text).toContain(`All Saints`);
      expect(text).toContain(result.summary);
      const votes = ['Chris Spalding', 'Julie Wallace', 'Harold Ogunfemi', 'Kier Dorran Kemp', 'Bill Khatkar', 'Bernard Edward Hyde', 'Elizabeth Ann Simpson'];
      const positions = votes.map((name) => text.indexOf(name));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(text).toContain('Chris Spalding Elected Independent 295 30.73%');
      expect(text).toContain('Julie Wallace Independent 252');
      expect(text).not.toContain('Julie Wallace Elected');
      expect(text).toContain('Majority 43');
      expect(text).toContain('Turnout 27.61%');
      expect(text).toContain('Electorate 3,495');
      expect(text).toContain('At polling stations 634 Postal 331 Total 965');
      expect(text).toContain('Want of an official mark 0 Voting for more candidates than entitled 4 Writing or mark identifying the voter 0 Unmarked or void for uncertainty 1 Total rejected 5');
      expect(text).toMatch(/Declared at \d\d:\d\d on \w+day \d+ \w+ \d{4}/);
      expect(html).toContain(`<time datetime="${result.declaredAt}">`);
      expect(html).toContain('<svg class="share-bar"');
    });

    it("lists an awaiting ward's candidates as on the ballot paper, alphabetically by surname", async () => {
      const h = await harness(open);
      const ward = await h.contest('Gillingham South');
      const { html } = await page(h, `/elections/${h.def.id}/contests/${ward.id}`);
      const text = textOf(html);
      expect(text).toContain('The result has not been declared yet.');
      const surnames = medwayFile.contests.find((c) => c.name === 'Gillingham South')!.candidates.map((c) => c.surname);
      const shown = ward.candidates.map((c) => ({ surname: c.surname, at: text.indexOf(c.knownAs ?? `${c.otherNames} ${c.surname}`) }));
      expect(shown.every((s) => s.at >= 0)).toBe(true);
      expect(shown.sort((a, b) => a.at - b.at).map((s) => s.surname)).toEqual([...surnames].sort((a, b) => a.localeCompare(b)));
    });

    it('says a candidate was elected after drawing lots', async () => {
      const h = await harness(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const tied = body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 295 } : v));
      const wallace = tied.find((v) => v.votes === 295 && v.candidate.includes('wallace'))!.candidate;
      expect((await h.declare(contestId, { ...body, votes: tied, lotWinners: [wallace], acceptWarnings: true })).status).toBe(201);
      const text = textOf((await page(h, `/elections/${h.def.id}/contests/${contestId}`)).html);
      expect(text).toContain('Julie Wallace Elected after drawing lots');
      expect(text).toContain('Majority 0');
    });

    it('shows a correction with its reason on the ward page and among the latest declarations', async () => {
      const h = await harness(open);
      const { contestId } = await declareWard(h, 'All Saints');
      await declareWard(h, 'All Saints', (b) => ({ ...b, votes: b.votes.map((v: any) => (v.votes === 295 ? { ...v, votes: 305 } : v)), acceptWarnings: true, reason: 'Bundle of 10 found under a table' }));
      const ward = textOf((await page(h, `/elections/${h.def.id}/contests/${contestId}`)).html);
      expect(ward).toContain('(corrected: version 2)');
      expect(ward).toMatch(/Corrections Version 2, published at \d\d:\d\d on \w+day \d+ \w+ \d{4}: Bundle of 10 found under a table/);
      expect(ward).toContain('Chris Spalding Elected Independent 305');
      const results = (await page(h, `/elections/${h.def.id}`)).html;
      expect(textOf(sectionOf(results, 'latest'))).toMatch(/^Latest declarations \d\d:\d\d All Saints: correction \(version 2\), Bundle of 10 found under a table/);
      expect(textOf(sectionOf(results, 'wards-heading'))).toContain('(corrected)');
    });

    it('says where the count has got: a recount on the results page and the ward page, announced', async () => {
      const h = await harness(open);
      const ward = await h.contest('Rochester West and Borstal');
      const res = await h.app.request(`/api/v1/contests/${encodeURIComponent(ward.id)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'recount' }),
      });
      expect(res.status).toBe(200);
      const results = (await page(h, `/elections/${h.def.id}`)).html;
      expect(textOf(sectionOf(results, 'wards-heading'))).toContain('Rochester West and Borstal Recount');
      expect(textOf(results)).toContain('Recount in Rochester West and Borstal.');
      const text = textOf((await page(h, `/elections/${h.def.id}/contests/${ward.id}`)).html);
      expect(text).toContain('A recount is under way.');
      expect(text).toContain('As on the ballot paper');
    });

    it('shows an uncontested ward as elected unopposed, its seat counted from the start', async () => {
      const h = await harness(open, {
        define: (def) => ({ ...def, contests: def.contests.map((c, i) => (i === 0 ? { ...c, candidates: c.candidates.slice(0, 1) } : c)) }),
      });
      const ward = await h.contest('All Saints');
      const results = textOf((await page(h, `/elections/${h.def.id}`)).html);
      expect(results).toContain('1 of 59 seats declared');
      expect(results).toMatch(/All Saints Elected unopposed \S+ elected unopposed/);
      const text = textOf((await page(h, `/elections/${h.def.id}/contests/${ward.id}`)).html);
      expect(text).toContain('No poll was held: there were no more candidates than seats, so they are elected unopposed.');
      expect(text).toContain('Bernard Edward Hyde Elected');
    });

    it('shows a candidate whose name is markup as text, never as markup', async () => {
      const h = await harness(open, {
        define: (def) => ({
          ...def,
          contests: def.contests.map((c, i) => (i === 0 ? { ...c, candidates: c.candidates.map((x, j) => (j === 0 ? { ...x, knownAs: '<script>alert(1)</script>' } : x)) } : c)),
        }),
      });
      const ward = await h.contest('All Saints');
      const { html } = await page(h, `/elections/${h.def.id}/contests/${ward.id}`);
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(textOf(html)).toContain('<script>alert(1)</script>');
    });

    it('answers a poll with 304 while nothing has changed, and with the new section once something has', async () => {
      const h = await harness(open);
      const live = `/elections/${h.def.id}/live`;
      const first = await page(h, live);
      expect(first.res.status).toBe(200);
      const etag = first.res.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
      // The section carries its own version for htmx to send back.
      expect(first.html).toContain(`hx-headers="{&quot;If-None-Match&quot;:&quot;W/\\&quot;${etag.slice(3, -1)}\\&quot;&quot;}"`);
      // The full page holds the very same section.
      const full = (await page(h, `/elections/${h.def.id}`)).html;
      expect(full).toContain(first.html.slice(0, first.html.indexOf('<div id="announcement"')));

      const unchanged = await page(h, live, { 'if-none-match': etag });
      expect(unchanged.res.status).toBe(304);
      expect(unchanged.html).toBe('');
      expect(unchanged.res.headers.get('etag')).toBe(etag);

      const { result } = await declareWard(h, 'Fort Horsted');
      const control = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body.control.summary;
      const changed = await page(h, live, { 'if-none-match': etag });
      expect(changed.res.status).toBe(200);
      expect(changed.res.headers.get('etag')).not.toBe(etag);
      expect(textOf(changed.html)).toContain('1 of 24 wards declared');
      // The announcement for screen readers travels with it, out of band.
      expect(changed.html).toContain(`<div id="announcement" hx-swap-oob="innerHTML">Declared: Fort Horsted, ${result.summary}. ${control}. 1 of 59 seats declared.</div>`);
    });

    it('lets phones and caches keep pages briefly and revalidate them for free', async () => {
      const h = await harness(open);
      const ward = await h.contest('All Saints');
      for (const path of [`/elections/${h.def.id}`, `/elections/${h.def.id}/contests/${ward.id}`, `/elections/${h.def.id}/contests/${ward.id}/live`]) {
        const { res } = await page(h, path);
        expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
        expect(res.headers.get('vary'), path).toBe('accept-encoding');
        const again = await page(h, path, { 'if-none-match': res.headers.get('etag')! });
        expect(again.res.status, path).toBe(304);
      }
    });

    it('sends the page gzipped to clients that take gzip, and plain to those that do not', async () => {
      const h = await harness(open);
      await declareWard(h, 'All Saints');
      const path = `/elections/${h.def.id}`;
      const plain = await h.app.request(path, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      const plainBytes = new Uint8Array(await plain.arrayBuffer());
      const zipped = await h.app.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      const zippedBytes = new Uint8Array(await zipped.arrayBuffer());
      expect(zippedBytes.byteLength).toBeLessThan(plainBytes.byteLength / 3);
      const unzipped = await new Response(new Blob([zippedBytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
      expect(unzipped).toBe(new TextDecoder().decode(plainBytes));
      expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    });

    it('answers unknown elections and wards with an HTML page not found, and the API still in JSON', async () => {
      const h = await harness(open);
      for (const path of ['/elections/nope', `/elections/nope/live`, `/elections/${h.def.id}/contests/nope`, `/elections/${h.def.id}/contests/nope/live`, '/no/such/page']) {
        const { res, html } = await page(h, path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
        expect(textOf(html), path).toContain('Page not found');
      }
      const api = await h.app.request('/api/v1/elections/nope', { headers: { accept: 'text/html,application/json' } });
      expect(api.status).toBe(404);
      expect(await api.json()).toMatchObject({ error: 'not_found' });
      const other = await h.app.request('/no/such/thing', { headers: { accept: 'application/json' } });
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ error: 'not_found', message: 'Nothing here.' });
    });

    it('gives newsrooms a widget: headline, seats, the three latest declarations, updating itself, links opening our pages in a new tab', async () => {
      const h = await harness(open);
      const widget = `/embed/elections/${h.def.id}`;
      const before = await page(h, widget);
      expect(before.res.status).toBe(200);
      expect(before.html).toContain('<base target="_blank"/>');
      expect(textOf(before.html)).toContain('No party has a majority yet');
      expect(textOf(before.html)).toContain('No result has been declared yet.');
      // It polls its own small section, not the whole results page's.
      expect(before.html).toContain(`hx-get="/embed/elections/${encodeURIComponent(h.def.id)}/live"`);

      const declared: string[] = [];
      for (const name of ['All Saints', 'Strood West', 'Watling', 'Fort Horsted']) declared.push((await declareWard(h, name)).result.summary);
      const api = (await h.getJson(`/api/v1/elections/${h.def.id}`)).body;
      const { html } = await page(h, widget);
      const text = textOf(html);
      expect(text).toContain(api.control.summary);
      expect(text).toContain('4 of 24 wards declared');
      const latest = textOf(sectionOf(html, 'latest'));
      expect(latest).toContain(`Fort Horsted: ${declared[3]}`);
      expect(latest).toContain(`Watling: ${declared[2]}`);
      expect(latest).toContain(`Strood West: ${declared[1]}`);
      expect(latest).not.toContain('All Saints');
      expect(html).toContain(`href="/elections/${encodeURIComponent(h.def.id)}"`);
      // The full page's ward list is not in the widget.
      expect(html).not.toContain('id="wards-heading"');

      const live = await page(h, `${widget}/live`);
      expect(live.res.status).toBe(200);
      expect(live.res.headers.get('cache-control')).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
      expect((await page(h, `${widget}/live`, { 'if-none-match': live.res.headers.get('etag')! })).res.status).toBe(304);
      // A correction's reason is typed by an officer: shown as text, never as markup.
      const reason = '<img src=x onerror=alert(1)> bundle of 50 added to the wrong candidate';
      await declareWard(h, 'All Saints', (b) => ({ ...b, reason }));
      const changed = await page(h, `${widget}/live`, { 'if-none-match': live.res.headers.get('etag')! });
      expect(changed.res.status).toBe(200);
      expect(textOf(sectionOf(changed.html, 'latest'))).toContain(`All Saints: correction (version 2), ${reason}`);
      expect(changed.html).not.toContain('<img');
      expect(changed.html).toContain('&lt;img src=x onerror=alert(1)&gt;');

      // A mistyped widget address in a newsroom's frame: its links, too, leave the frame.
      for (const path of ['/embed/elections/nope', '/embed/elections/nope/live']) {
        const missing = await page(h, path);
        expect(missing.res.status, path).toBe(404);
        expect(textOf(missing.html), path).toContain('There is no election with that id.');
        expect(missing.html, path).toContain('<base target="_blank"/>');
      }
      expect((await page(h, '/elections/nope')).html).not.toContain('<base');
    });

    it('leads from / to the current election: with none marked current (a database from before the flag), the latest by date', async () => {
      const h = await harness(open, { define: (def) => ({ ...def, date: '2031-05-01' }) });
      await h.db.update(elections).set({ current: false });
      const [latest] = await listElections(h.db);
      const res = await h.app.request('/', { headers: { accept: 'text/html' } });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/elections/${encodeURIComponent(latest!.id)}`);
      // A CDN may keep the way in for a minute: the current election does not change nightly.
      expect(res.headers.get('cache-control')).toBe('public, max-age=60, s-maxage=60');
      expect(latest!.date).toBe('2031-05-01');
    });
  });
}
