// The open data for newsrooms, on both drivers: readable from any origin (CORS) with its
// validators, changes since a time, Democracy Club's CSV columns, NIST JSON and the OpenAPI
// document, each cacheable and 304-able like the rest.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { democracyClubColumns, extraColumns } from '../../src/results/democracyClubCsv';
import { medwayNight } from '../social/medwayNight';
import { csvRecords, parseCsv } from '../support/csv';
import { harness } from '../support/harness';
import type { ElectionDefinition } from '../../src/setup/definition';
import { giveHostileName, publishedHostileName } from '../support/hostile';

const newsroom = 'https://live.newsroom.example';


/** As a deployment runs: its public address set, which feeds and exports link to. */
const deployed = { publicUrl: 'https://results.example.gov.uk' };
export function openDataSuite(driver: string, open: () => Promise<Db>): void {
  describe(`open data for newsrooms (${driver})`, () => {
    it('lets a page on any origin read every public GET and its ETag, 304s included, and answers the preflight', async () => {
      const night = await medwayNight(open, deployed);
      const allSaints = await night.declareWard('All Saints');
      const e = `/api/v1/elections/${encodeURIComponent(night.def.id)}`;
      const paths = [
        e,
        `${e}?since=2020-01-01T00:00:00Z`,
        `${e}/contests/${encodeURIComponent(allSaints)}`,
        `${e}/declarations`,
        `${e}/declarations.atom`,
        `${e}/results.csv`,
        `${e}/results-dc.csv`,
        `${e}/nist.json`,
        '/api/v1/openapi.json',
      ];
      for (const path of paths) {
        const res = await night.app.request(path, { headers: { origin: newsroom } });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
        expect(res.headers.get('access-control-expose-headers'), path).toBe('ETag, Last-Modified');
        expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+/);
        const etag = res.headers.get('etag')!;
        expect(etag, path).toMatch(/^W\/"[0-9a-f]+"$/);
        const again = await night.app.request(path, { headers: { origin: newsroom, 'if-none-match': etag } });
        expect(again.status, path).toBe(304);
        expect(again.headers.get('access-control-allow-origin'), path).toBe('*');
        expect(again.headers.get('access-control-expose-headers'), path).toBe('ETag, Last-Modified');

        const preflight = await night.app.request(path, {
          method: 'OPTIONS',
          headers: { origin: newsroom, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
        });
        expect(preflight.status, path).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin'), path).toBe('*');
        expect(preflight.headers.get('access-control-allow-methods'), path).toBe('GET, HEAD, OPTIONS');
        expect(preflight.headers.get('access-control-allow-headers')!.toLowerCase(), path).toContain('if-none-match');
      }
      // A script can read why its request failed, too.
      const missing = await night.app.request('/api/v1/elections/nope/nist.json', { headers: { origin: newsroom } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('never opens officer, admin, sign-in or write routes to other origins', async () => {
      const h = await harness(open, deployed);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const write = `/api/v1/contests/${encodeURIComponent(contestId)}/declaration`;
      const answers = [
        await h.app.request('/officer', { headers: { origin: newsroom } }),
        await h.app.request('/admin', { headers: { origin: newsroom } }),
        await h.app.request('/login', { headers: { origin: newsroom } }),
        await h.app.request('/setup', { headers: { origin: newsroom } }),
        await h.app.request(write, { method: 'OPTIONS', headers: { origin: newsroom, 'access-control-request-method': 'POST' } }),
        await h.app.request('/login', { method: 'OPTIONS', headers: { origin: newsroom, 'access-control-request-method': 'POST' } }),
        await h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/status`, { method: 'OPTIONS', headers: { origin: newsroom } }),
        await h.app.request(write, {
          method: 'POST',
          headers: { origin: newsroom, authorization: `Bearer ${h.officer.token}`, 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ];
      for (const res of answers) {
        expect(res.status).not.toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBeNull();
        expect(res.headers.get('access-control-allow-methods')).toBeNull();
      }
    });

    it('gives only the contests changed since a time, with the updatedAt to ask with next', async () => {
      const night = await medwayNight(open, deployed);
      const e = `/api/v1/elections/${encodeURIComponent(night.def.id)}`;
      const before = (await night.getJson(e)).body;
      const everything = await night.getJson(`${e}?since=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
      // Every ward was set up after that.
      expect(everything.body.contests).toHaveLength(24);
      expect(everything.body.contests).toEqual(before.contests);
      await night.declareWard('All Saints');
      const first = (await night.getJson(e)).body;
      const fortPitt = await night.declareWard('Fort Pitt');
      const luton = await night.contest('Luton');
      const counting = await night.app.request(`/api/v1/contests/${encodeURIComponent(luton.id)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'counting' }),
      });
      expect(counting.status).toBe(200);

      const res = await night.app.request(`${e}?since=${encodeURIComponent(first.updatedAt)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const changes = (await res.json()) as any;
      expect(changes.contests.map((c: any) => c.name)).toEqual(['Fort Pitt', 'Luton']);
      // Each with every field the full document gives it.
      const full = (await night.getJson(e)).body;
      expect(changes.contests).toEqual(full.contests.filter((c: any) => c.id === fortPitt || c.id === luton.id));
      expect(changes.contests[0]).toMatchObject({ id: fortPitt, status: 'declared', version: 1, declaredAt: expect.any(String) });
      expect(changes.contests[1]).toMatchObject({ id: luton.id, status: 'counting', declaredAt: null });
      expect(changes.since).toBe(first.updatedAt);
      expect(Date.parse(changes.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
      expect(Object.keys(changes).sort()).toEqual([...Object.keys(before), 'since'].sort());

      // Asked again with the new updatedAt: nothing since.
      expect((await night.getJson(`${e}?since=${encodeURIComponent(changes.updatedAt)}`)).body.contests).toEqual([]);
      // The same instant written another way shares the render, so its ETag and a 304.
      const utc = new Date(first.updatedAt);
      const inBst = new Date(utc.getTime() + 3600_000).toISOString().replace('Z', '+01:00');
      const other = await night.app.request(`${e}?since=${encodeURIComponent(inBst)}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
      expect(other.status).toBe(304);
    });

    it('refuses a since that is not a time with its zone, saying what to send', async () => {
      const h = await harness(open, deployed);
      const e = `/api/v1/elections/${encodeURIComponent(h.def.id)}`;
      for (const since of ['yesterday', '2023-05-04', '2023-05-04T23:00:00', '2023-13-04T23:00:00Z', '']) {
        const res = await h.app.request(`${e}?since=${encodeURIComponent(since)}`, { headers: { origin: newsroom } });
        expect(res.status, since).toBe(400);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const body = (await res.json()) as any;
        expect(body).toEqual({ error: 'invalid', message: expect.stringContaining('since must be an ISO 8601 time with its time zone') });
      }
      expect((await h.app.request('/api/v1/elections/nope?since=2023-05-04T23:00:00Z')).status).toBe(404);
    });

    it("downloads every candidate under Democracy Club's results columns, ours after, spreadsheet-safe", async () => {
      // Chris Spalding with a Democracy Club person id in the definition, as "12345" or 12345.
      const withPersonIds = (def: ElectionDefinition): ElectionDefinition => ({
        ...def,
        contests: def.contests.map((c) => ({ ...c, candidates: c.candidates.map((x) => (x.surname === 'Spalding' ? { ...x, dcPersonId: '70391' } : x)) })),
      });
      const night = await medwayNight(open, { ...deployed, define: withPersonIds });
      await night.declareWard('All Saints');
      await night.declareWard('Rochester West and Borstal');
      const allSaints = await night.contest('All Saints');
      const hostile = allSaints.candidates.find((c) => c.surname !== 'Spalding')!;
      await giveHostileName(night.db, hostile.id);
      const e = `/api/v1/elections/${encodeURIComponent(night.def.id)}`;
      const res = await night.app.request(`${e}/results-dc.csv`);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-results-dc\.csv"/);
      const text = await res.text();
      const [header] = parseCsv(text);
      expect(header).toEqual([
        'person_id', 'person_name', 'election_id', 'ballot_paper_id', 'election_date', 'election_current', 'party_name',
        'party_id', 'post_label', 'cancelled_poll', 'seats_contested', 'votes_cast', 'elected', 'tied_vote_winner', 'rank',
        'turnout_reported', 'spoilt_ballots', 'total_electorate', 'turnout_percentage', 'results_source',
        ...extraColumns,
      ]);
      expect(header!.slice(0, democracyClubColumns.length)).toEqual([...democracyClubColumns]);
      const rows = csvRecords(text);
      expect(rows).toHaveLength(186);
      const spalding = rows.find((r) => r.person_name === 'Chris Spalding')!;
      expect(spalding).toMatchObject({
        person_id: '70391',
        election_id: night.def.id,
        ballot_paper_id: allSaints.id,
        election_date: '2023-05-04',
        election_current: '',
        party_name: 'Independent',
        party_id: 'ynmp-party:2',
        post_label: 'All Saints',
        cancelled_poll: 'f',
        seats_contested: '1',
        votes_cast: '295',
        elected: 't',
        tied_vote_winner: 'f',
        rank: '1',
        turnout_reported: '965',
        spoilt_ballots: '5',
        total_electorate: '3495',
        turnout_percentage: '27.61',
        results_source: `https://results.example.gov.uk/elections/${encodeURIComponent(night.def.id)}/contests/${encodeURIComponent(allSaints.id)}`,
        status: 'declared',
        version: '1',
        share_percent: '30.73',
      });
      const labour = rows.find((r) => r.post_label === 'Rochester West and Borstal' && r.party_name === 'Labour')!;
      expect(labour.party_id).toBe('PP53');
      const awaiting = rows.find((r) => r.post_label === 'Luton')!;
      expect(awaiting).toMatchObject({ votes_cast: '', elected: '', rank: '', results_source: '', status: 'awaiting' });
      // The hostile name stays one cell of one row, and a spreadsheet shows it as text.
      expect(rows.filter((r) => r.candidate_id === hostile.id).map((r) => r.person_name)).toEqual([`'${publishedHostileName}`]);
    });

    it('publishes NIST SP 1500-100 v2 JSON and the OpenAPI document, each with its own content type', async () => {
      const night = await medwayNight(open, deployed);
      await night.declareWard('All Saints');
      const e = `/api/v1/elections/${encodeURIComponent(night.def.id)}`;
      const nist = await night.app.request(`${e}/nist.json`);
      expect(nist.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const report = (await nist.json()) as any;
      expect(report['@type']).toBe('ElectionResults.ElectionReport');
      expect(report.Status).toBe('unofficial-partial');
      const openapi = await night.app.request('/api/v1/openapi.json');
      expect(openapi.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(((await openapi.json()) as any).openapi).toBe('3.1.0');
    });
  });
}
