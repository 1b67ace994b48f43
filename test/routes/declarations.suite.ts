// The declaration API as count software uses it, run on both drivers.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { dumpDatabase, harness } from '../support/harness';

type Harness = Awaited<ReturnType<typeof harness>>;

async function allSaints(h: Harness) {
  return h.medwaySubmission('All Saints');
}

export function declarationRouteSuite(driver: string, open: () => Promise<Db>): void {
  describe(`POST /api/v1/contests/:id/declaration (${driver})`, () => {
    it('declares a Medway ward and answers with its published result', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const res = await h.declare(contestId, body);
      expect(res.status).toBe(201);
      const result = (await res.json()) as any;
      expect(result).toMatchObject({
        id: contestId,
        status: 'declared',
        version: 1,
        turnoutPercent: 27.61,
        validVotes: 960,
        majority: 43,
        rejected: { total: 5, tooManyVotes: 4, unmarkedOrUncertain: 1 },
        ballotPapersVerified: { pollingStations: 634, postal: 331, total: 965 },
        corrections: [],
      });
      expect(result.candidates[0]).toMatchObject({ name: 'Chris Spalding', votes: 295, elected: true, sharePercent: 30.73 });
      expect(result.candidates.filter((c: any) => c.elected)).toHaveLength(1);

      const published = await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`);
      expect(published.body).toEqual(result);
      const election = await h.getJson(`/api/v1/elections/${h.def.id}`);
      expect(election.body.progress).toEqual({ contestsDeclared: 1, contestsTotal: 24, seatsDeclared: 1, seatsContested: 59 });
      expect(election.body.parties.find((p: any) => p.id === 'independent')).toMatchObject({ seatsWon: 1, seatsTotal: 1, votes: 547 });
    });

    it('refuses without a valid API token', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      for (const token of [null, 'not-a-real-token']) {
        const res = await h.declare(contestId, body, { token });
        expect(res.status).toBe(401);
        expect(((await res.json()) as any).message).toMatch(/Bearer/);
      }
      expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`)).body.status).toBe('awaiting');
    });

    const badInput: [string, (b: any) => unknown, RegExp][] = [
      ['a negative vote count', (b) => ({ ...b, votes: b.votes.map((v: any, i: number) => (i ? v : { ...v, votes: -3 })) }), /votes cannot be negative/],
      ['a fractional vote count', (b) => ({ ...b, votes: b.votes.map((v: any, i: number) => (i ? v : { ...v, votes: 12.5 })) }), /votes must be a whole number/],
      ['an absurd vote count', (b) => ({ ...b, votes: b.votes.map((v: any, i: number) => (i ? v : { ...v, votes: 123456789 })) }), /too large to be real/],
      ['votes given as text', (b) => ({ ...b, votes: b.votes.map((v: any, i: number) => (i ? v : { ...v, votes: '1,234' })) }), /votes must be a number/],
      ['an unknown candidate', (b) => ({ ...b, votes: [...b.votes, { candidate: 'nobody', votes: 1 }] }), /nobody is not a candidate in All Saints/],
      ['a missing candidate', (b) => ({ ...b, votes: b.votes.slice(1) }), /No votes are given for Bernard Edward Hyde/],
      ['a candidate listed twice', (b) => ({ ...b, votes: [...b.votes, b.votes[0]] }), /Bernard Edward Hyde is listed twice/],
      ['a missing rejected reason', (b) => ({ ...b, rejected: { noOfficialMark: 0, tooManyVotes: 0, identifiable: 0 } }), /rejected as unmarked or void for uncertainty must be a number/],
      ['missing verification figures', (b) => ({ ...b, ballotPapersVerified: undefined }), /ballotPapersVerified must give pollingStations and postal/],
      ['figures that do not add up, unconfirmed', (b) => ({ ...b, ballotPapersVerified: { pollingStations: 640, postal: 331 } }), /plus rejected ballot papers \(5\) come to 965, but 971 ballot papers were verified/],
      ['a tie across the last seat with no lots drawn', (b) => ({ ...b, votes: b.votes.map((v: any) => (v.votes === 252 ? { ...v, votes: 295 } : v)), acceptWarnings: true }), /lots/i],
      ['lot winners where there is no tie', (b) => ({ ...b, lotWinners: [b.votes[0].candidate] }), /no candidates tie/],
    ];

    it.each(badInput)('rejects %s with a clear message and changes nothing', async (_what, spoil, message) => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const before = await dumpDatabase(h.db);
      const res = await h.declare(contestId, spoil(body));
      expect(res.status).toBe(422);
      const answer = (await res.json()) as any;
      expect(answer.problems.map((p: any) => p.message).join('\n')).toMatch(message);
      expect(answer.problems.every((p: any) => typeof p.field === 'string' && p.field.length > 0)).toBe(true);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('lists every problem at once', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const res = await h.declare(contestId, { ...body, votes: body.votes.map((v) => ({ ...v, votes: -1 })), rejected: {} });
      const answer = (await res.json()) as any;
      expect(answer.problems.length).toBeGreaterThanOrEqual(11);
      expect(answer.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining(['votes[0].votes', 'votes[6].votes', 'rejected.noOfficialMark']));
    });

    it('declares figures that do not add up once the officer confirms them, and records that', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const res = await h.declare(contestId, { ...body, ballotPapersVerified: { pollingStations: 640, postal: 331 }, acceptWarnings: true });
      expect(res.status).toBe(201);
      expect(((await res.json()) as any).ballotPapersVerified.total).toBe(971);
      const contest = await h.contest('All Saints');
      expect(contest.versions[0]!.acceptedWarnings[0]).toMatch(/971 ballot papers were verified/);
    });

    it('elects the winner of the drawing of lots and says so', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const tied = body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 295 } : v));
      const wallace = tied.find((v) => v.votes === 295 && v.candidate.includes('wallace'))!.candidate;
      const res = await h.declare(contestId, { ...body, votes: tied, lotWinners: [wallace], acceptWarnings: true });
      expect(res.status).toBe(201);
      const result = (await res.json()) as any;
      expect(result.candidates.filter((c: any) => c.elected).map((c: any) => [c.name, c.electedByLot])).toEqual([['Julie Wallace', true]]);
      expect(result.majority).toBe(0);
    });

    it('refuses a declaration for an uncontested ward, whose candidates are elected unopposed', async () => {
      const h = await harness(open, {
        define: (def) => ({ ...def, contests: def.contests.map((c, i) => (i === 0 ? { ...c, candidates: c.candidates.slice(0, 1) } : c)) }),
      });
      const contest = await h.contest('All Saints');
      const before = await dumpDatabase(h.db);
      const res = await h.declare(contest.id, {
        votes: [{ candidate: contest.candidates[0]!.id, votes: 10 }],
        rejected: { noOfficialMark: 0, tooManyVotes: 0, identifiable: 0, unmarkedOrUncertain: 0 },
        ballotPapersVerified: { pollingStations: 10, postal: 0 },
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as any).message).toMatch(/All Saints is uncontested: its candidates are elected unopposed/);
      expect(await dumpDatabase(h.db)).toEqual(before);
      const published = await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contest.id}`);
      expect(published.body).toMatchObject({ status: 'uncontested', summary: 'Grn elected unopposed', validVotes: null, turnoutPercent: null });
      expect(published.body.candidates).toEqual([expect.objectContaining({ name: 'Bernard Edward Hyde', elected: true, votes: null })]);
    });

    it('sends a correction, not a status change, for a declared ward', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      await h.declare(contestId, body);
      const res = await h.app.request(`/api/v1/contests/${contestId}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'counting' }),
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as any).message).toMatch(/already declared. To change its result, submit a correction/);
    });

    it('needs an Idempotency-Key', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const res = await h.declare(contestId, body, { key: null });
      expect(res.status).toBe(422);
      expect(((await res.json()) as any).problems[0].field).toBe('Idempotency-Key');
    });

    it('answers 404 for an unknown ward', async () => {
      const h = await harness(open);
      const { body } = await allSaints(h);
      const res = await h.declare('local.nowhere.2023-05-04', body);
      expect(res.status).toBe(404);
    });
  });

  describe(`corrections and retries (${driver})`, () => {
    it('makes a correction version 2 with its reason, keeping version 1', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      await h.declare(contestId, body);
      const fixed = { ...body, votes: body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 262 } : v)) };

      const noReason = await h.declare(contestId, { ...fixed, acceptWarnings: true });
      expect(noReason.status).toBe(422);
      expect(((await noReason.json()) as any).message).toMatch(/already declared: a correction needs a reason/);

      const res = await h.declare(contestId, { ...fixed, acceptWarnings: true, reason: 'Wallace bundle of 10 missed' });
      expect(res.status).toBe(201);
      const result = (await res.json()) as any;
      expect(result.version).toBe(2);
      expect(result.majority).toBe(33);
      expect(result.corrections).toEqual([{ version: 2, at: expect.any(String), reason: 'Wallace bundle of 10 missed' }]);
      const contest = await h.contest('All Saints');
      expect(contest.versions.map((v) => v.version)).toEqual([1, 2]);
      const posts = await h.db.select().from(outbox).where(eq(outbox.contestId, contestId));
      expect(posts.map((p) => `${p.channel}@${p.version}`).sort()).toEqual(['log@1', 'log@2', 'x@1', 'x@2']);
    });

    it('answers a retried request with the first answer and no second effect', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const first = await h.declare(contestId, body, { key: 'phone-key-1' });
      const again = await h.declare(contestId, body, { key: 'phone-key-1' });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(await first.text());
      expect((await h.contest('All Saints')).versions).toHaveLength(1);
    });

    it('gives concurrent replays of one key one version and one set of posts', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      const answers = await Promise.all(Array.from({ length: 6 }, () => h.declare(contestId, body, { key: 'same-key' })));
      const texts = await Promise.all(answers.map((a) => a.text()));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(texts).size).toBe(1);
      expect((await h.contest('All Saints')).versions).toHaveLength(1);
      const posts = await h.db.select().from(outbox).where(eq(outbox.contestId, contestId));
      expect(posts.map((p) => p.channel).sort()).toEqual(['log', 'x']);
    });

    it('refuses a key reused with a different body (409) and changes nothing', async () => {
      const h = await harness(open);
      const { contestId, body } = await allSaints(h);
      await h.declare(contestId, body, { key: 'k1' });
      const before = await dumpDatabase(h.db);
      const res = await h.declare(contestId, { ...body, reason: 'different' }, { key: 'k1' });
      expect(res.status).toBe(409);
      expect(((await res.json()) as any).message).toMatch(/already used for a different submission/);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });
  });

  describe(`POST /api/v1/contests/:id/status (${driver})`, () => {
    it('sets counting and recount, shown in the public JSON', async () => {
      const h = await harness(open);
      const { contestId } = await allSaints(h);
      for (const status of ['counting', 'recount']) {
        const res = await h.app.request(`/api/v1/contests/${contestId}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status }),
        });
        expect(res.status).toBe(200);
        expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`)).body.status).toBe(status);
      }
    });

    it('rejects an unknown status and requests without a token', async () => {
      const h = await harness(open);
      const { contestId } = await allSaints(h);
      const bad = await h.app.request(`/api/v1/contests/${contestId}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.officer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'declared' }),
      });
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as any).problems[0].message).toMatch(/status must be one of awaiting, counting, recount, postponed/);
      const anonymous = await h.app.request(`/api/v1/contests/${contestId}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"status":"counting"}',
      });
      expect(anonymous.status).toBe(401);
    });
  });
}
