// The public JSON a journalist polls, after a whole Medway night through the write API.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { harness } from '../support/harness';
import { medwayFile } from '../fixtures';

export function publicApiSuite(driver: string, open: () => Promise<Db>): void {
  describe(`GET /api/v1/elections/:id (${driver})`, () => {
    it('shows the demo election before any result, with every figure not yet known as null', async () => {
      const h = await harness(open);
      const { status, body } = await h.getJson(`/api/v1/elections/${h.def.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: h.def.id,
        name: 'Medway Council local elections 2023',
        organisation: 'Medway Council',
        date: '2023-05-04',
        seats: { total: 59, majorityNeeded: 30 },
        progress: { contestsDeclared: 0, contestsTotal: 24, seatsDeclared: 0, seatsContested: 59 },
        control: { status: 'undecided', party: null, change: null, summary: 'No party has a majority yet' },
      });
      expect(typeof body.updatedAt).toBe('string');
      expect(body.contests).toHaveLength(24);
      expect(body.contests[0]).toEqual({
        id: expect.stringContaining('local.medway.all-saints.2023-05-04'),
        name: 'All Saints',
        seats: 1,
        status: 'awaiting',
        declaredAt: null,
        version: null,
        summary: 'Awaiting result',
        elected: [],
        turnoutPercent: null,
        expectedDeclaration: null,
      });
      expect(body).toMatchObject({ countStarts: null, turnout: null });
      const contest = await h.getJson(`/api/v1/elections/${h.def.id}/contests/${body.contests[0].id}`);
      expect(contest.body).toMatchObject({ turnoutPercent: null, majority: null, validVotes: null, version: null, electorate: 3495, verifiedAt: null, expectedDeclaration: null });
      expect(contest.body.candidates.map((c: any) => c.name)).toEqual([
        'Bernard Edward Hyde', 'Kier Dorran Kemp', 'Bill Khatkar', 'Harold Ogunfemi', 'Elizabeth Ann Simpson', 'Chris Spalding', 'Julie Wallace',
      ]);
    });

    it('reproduces the Medway night: Labour gain from Conservative, Lab 33, Con 22, Ind 4', async () => {
      const h = await harness(open);
      for (const ward of medwayFile.contests) {
        const { contestId, body } = await h.medwaySubmission(ward.name);
        const res = await h.declare(contestId, body);
        expect(res.status, ward.name).toBe(201);
        const result = (await res.json()) as any;
        expect(result.ballotPapersVerified.total, ward.name).toBe(ward.ballotPapersVerified.total);
        expect(result.rejected.total, ward.name).toBe(ward.rejected.total);
        // The council printed one ward's turnout to 1 dp (38.9 for 38.91): compare at its precision.
        const places = String(ward.turnoutPercent).split('.')[1]?.length ?? 0;
        expect(Number(result.turnoutPercent.toFixed(places)), ward.name).toBe(ward.turnoutPercent);
        const electedNames = result.candidates.filter((c: any) => c.elected).map((c: any) => c.name).sort();
        expect(electedNames, ward.name).toEqual(ward.candidates.filter((c) => c.elected).map((c) => c.knownAs).sort());
      }
      const { body } = await h.getJson(`/api/v1/elections/${h.def.id}`);
      expect(body.progress).toEqual({ contestsDeclared: 24, contestsTotal: 24, seatsDeclared: 59, seatsContested: 59 });
      expect(body.control).toEqual({
        status: 'majority',
        party: { id: 'PP53', name: 'Labour', colour: '#E4003B' },
        change: 'gain',
        summary: 'Labour gain from Conservative',
      });
      expect(body.parties.slice(0, 3).map((p: any) => [p.name, p.seatsTotal])).toEqual([['Labour', 33], ['Conservative', 22], ['Independent', 4]]);
      const votes = medwayFile.contests.flatMap((c) => c.candidates).filter((c) => c.party === 'Labour').reduce((n, c) => n + c.votes, 0);
      expect(body.parties[0].votes).toBe(votes);
      expect(body.contests.every((c: any) => c.status === 'declared' && c.version === 1 && c.declaredAt)).toBe(true);
    });

    it('answers unknown ids with 404 and a message', async () => {
      const h = await harness(open);
      for (const path of [`/api/v1/elections/nope`, `/api/v1/elections/${h.def.id}/contests/nope`, `/api/v1/elections/nope/contests/nope`]) {
        const { status, body } = await h.getJson(path);
        expect(status, path).toBe(404);
        expect(body.message, path).toMatch(/There is no/);
      }
    });

    it('lets a journalist poll cheaply: an unchanged document is a 304, a declaration changes it, caches keep it seconds', async () => {
      const h = await harness(open);
      const { contestId, body } = await h.medwaySubmission('Strood West');
      const paths = [`/api/v1/elections/${h.def.id}`, `/api/v1/elections/${h.def.id}/contests/${contestId}`];
      const held = new Map<string, string>();
      for (const path of paths) {
        const first = await h.app.request(path);
        expect(first.status, path).toBe(200);
        expect(first.headers.get('content-type'), path).toBe('application/json; charset=utf-8');
        expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
        const etag = first.headers.get('etag')!;
        expect(etag, path).toMatch(/^W\/"[0-9a-f]+"$/);
        held.set(path, etag);
        const document = await first.json();
        expect((await h.app.request(path, { headers: { 'if-none-match': etag } })).status, path).toBe(304);
        const zipped = await h.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
        expect(zipped.headers.get('content-encoding'), path).toBe('gzip');
        expect(await new Response(zipped.body!.pipeThrough(new DecompressionStream('gzip'))).json(), path).toEqual(document);
      }
      expect((await h.declare(contestId, body)).status).toBe(201);
      for (const path of paths) {
        const changed = await h.app.request(path, { headers: { 'if-none-match': held.get(path)! } });
        expect(changed.status, path).toBe(200);
        expect(changed.headers.get('etag'), path).not.toBe(held.get(path));
      }
      expect((await h.getJson(paths[0]!)).body.progress.contestsDeclared).toBe(1);
      expect((await h.getJson(paths[1]!)).body.status).toBe('declared');
    });
  });
}
