// The data-access suite, run on both drivers: better-sqlite3 (test/db/sqlite.test.ts) and
// D1 inside workerd (test/db/d1.workers.test.ts). Each test imports its own election.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/audit';
import type { Db } from '../../db/client';
import { recordDeclaration, setContestStatus, type NewDeclaration } from '../../db/declarations';
import { findStoredAnswer } from '../../db/storedAnswers';
import { loadElection, loadContestWithElection } from '../../db/results';
import { outbox, apiTokens, signInThrottle } from '../../db/schema';
import { clearSignInCounters, reserveSignInAttempt, unlockSignIn } from '../../db/signInThrottle';
import { DefinitionLockedError } from '../../db/setup';
import { addApiToken, createUser, DuplicateUserError, findUserByName, userForApiToken } from '../../db/users';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';

function firstDeclaration(electionId: string, contestId: string, candidateIds: string[], version = 1): NewDeclaration {
  return {
    electionId,
    contestId,
    version,
    declaredAt: '2023-05-05T01:30:00.000Z',
    electorate: 3495,
    verified: { pollingStations: 634, postal: 331 },
    rejected: { noOfficialMark: 0, tooManyVotes: 4, identifiable: 0, unmarkedOrUncertain: 1 },
    votes: candidateIds.map((candidateId, i) => ({ candidateId, votes: 100 + i, elected: i === candidateIds.length - 1, electedByLot: false })),
    reason: version > 1 ? 'Transposed figures' : null,
    acceptedWarnings: [],
    channels: ['log', 'x'],
  };
}

async function setUp(open: () => Promise<Db>) {
  const db = await open();
  const def = freshMedway();
  await importElection(db, def);
  const snapshot = (await loadElection(db, def.id))!;
  const allSaints = snapshot.contests[0]!;
  return { db, def, snapshot, allSaints, candidateIds: allSaints.candidates.map((c) => c.id) };
}

export function dbSuite(driver: string, open: () => Promise<Db>): void {
  describe(`election definitions (${driver})`, () => {
    it('imports every Medway ward, candidate and party', async () => {
      const { snapshot } = await setUp(open);
      expect(snapshot.contests).toHaveLength(24);
      expect(snapshot.contests.reduce((n, c) => n + c.candidates.length, 0)).toBe(186);
      expect(snapshot.contests.reduce((n, c) => n + c.seats, 0)).toBe(59);
      expect(snapshot.election.previousControl).toBe('PP52');
      const labour = snapshot.parties.find((p) => p.id === 'PP53');
      expect(labour).toMatchObject({ name: 'Labour', shortName: 'Lab', colour: '#E4003B' });
      expect(snapshot.parties.find((p) => p.name === 'Heritage Party')).toMatchObject({ id: 'heritage-party', colour: '#8C8C8C' });
    });

    it('keeps every differently named party apart: other scripts, and names that differ only in punctuation', async () => {
      const db = await open();
      const names = ['Ελληνική Λύση', '中国党', 'Союз', "Residents' Association", 'Residents Association', 'residents association'];
      const def = freshMedway();
      const allSaints = def.contests[0]!;
      def.contests[0] = { ...allSaints, candidates: allSaints.candidates.map((c, i) => ({ ...c, party: names[i] ?? c.party })) };
      const outcome = await importElection(db, def);
      const snapshot = (await loadElection(db, def.id))!;
      const partyOf = new Map(snapshot.parties.map((p) => [p.id, p]));
      const published = snapshot.contests[0]!.candidates.slice(0, names.length).map((c) => partyOf.get(c.partyId)!.name);
      expect(published).toEqual(names);
      const ids = snapshot.contests[0]!.candidates.slice(0, names.length).map((c) => c.partyId);
      expect(new Set(ids).size).toBe(names.length);
      expect(ids.slice(0, 3)).toEqual(['ελληνική-λύση', '中国党', 'союз']);
      expect(outcome.warnings).toEqual([
        expect.stringContaining(`"Residents' Association", "Residents Association" and "residents association" differ only in punctuation, spacing or capitals`),
      ]);
    });

    it('keeps candidates in ballot-paper order with stable ids', async () => {
      const { allSaints } = await setUp(open);
      expect(allSaints.candidates.map((c) => c.surname)).toEqual(['Hyde', 'Kemp', 'Khatkar', 'Ogunfemi', 'Simpson', 'Spalding', 'Wallace']);
      expect(allSaints.candidates[2]).toMatchObject({ id: `${allSaints.id}:khatkar-harjinder-singh-commonly-known-as-bill-khatkar`, knownAs: 'Bill Khatkar' });
    });

    it('updates a definition on re-import while no result is entered, keeping officer statuses', async () => {
      const { db, def, allSaints } = await setUp(open);
      await setContestStatus(db, def.id, allSaints.id, 'counting', {});
      const outcome = await importElection(db, { ...def, name: 'Medway 2023 (revised)' });
      expect(outcome.created).toBe(false);
      const after = (await loadElection(db, def.id))!;
      expect(after.election.name).toBe('Medway 2023 (revised)');
      expect(after.contests[0]).toMatchObject({ id: allSaints.id, status: 'counting' });
      expect(after.contests).toHaveLength(24);
    });

    it('refuses to re-import once a result is entered, and changes nothing', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), {}, null);
      const before = await loadElection(db, def.id);
      await expect(importElection(db, { ...def, name: 'Changed' })).rejects.toThrow(DefinitionLockedError);
      expect(await loadElection(db, def.id)).toEqual(before);
    });

    it('records continuing councillors and previous holders by party', async () => {
      const db = await open();
      const def = freshMedway({
        totalSeats: 65,
        continuing: [{ party: 'Labour', seats: 4 }, { party: 'Green', seats: 2 }],
        previousControl: null,
      });
      def.contests[0] = { ...def.contests[0]!, previous: [{ party: 'Local Conservatives', seats: 1 }] };
      await importElection(db, def);
      const snapshot = (await loadElection(db, def.id))!;
      expect(snapshot.continuing).toEqual(expect.arrayContaining([{ partyId: 'PP53', seats: 4 }, { partyId: 'PP63', seats: 2 }]));
      expect(snapshot.contests[0]!.previous).toEqual([{ partyId: 'PP52', seats: 1 }]);
      expect(snapshot.election.previousControl).toBeNull();
    });

    it('marks a ward with no more candidates than seats as uncontested', async () => {
      const db = await open();
      const def = freshMedway();
      const ward = def.contests[1]!;
      def.contests[1] = { ...ward, candidates: ward.candidates.slice(0, ward.seats) };
      await importElection(db, def);
      const snapshot = (await loadElection(db, def.id))!;
      expect(snapshot.contests[1]!.status).toBe('uncontested');
      expect(snapshot.contests[0]!.status).toBe('awaiting');
    });
  });

  describe(`declarations (${driver})`, () => {
    it('records a declaration with its votes, status, queued posts and audit entry', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      const before = (await loadElection(db, def.id))!.election.updatedAt;
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), { userId: null, requestId: 'req-1' }, null);

      const contest = (await loadElection(db, def.id))!.contests[0]!;
      expect(contest.status).toBe('declared');
      expect(contest.versions).toHaveLength(1);
      expect(contest.versions[0]).toMatchObject({ version: 1, verifiedPollingStations: 634, rejectedTooManyVotes: 4, reason: null });
      expect(contest.versions[0]!.votes).toHaveLength(7);
      expect(contest.versions[0]!.votes.filter((v) => v.elected).map((v) => v.candidateId)).toEqual([candidateIds[6]]);
      const posts = await db.select().from(outbox).where(eq(outbox.contestId, allSaints.id));
      expect(posts.map((p) => [p.channel, p.version, p.status]).sort()).toEqual([['log', 1, 'pending'], ['x', 1, 'pending']]);
      const trail = await auditTrail(db, 'contest', allSaints.id);
      expect(trail[0]).toMatchObject({ action: 'declaration.create', requestId: 'req-1' });
      expect((await loadElection(db, def.id))!.election.updatedAt > before).toBe(true);
    });

    it('keeps every version: a correction adds version 2 with its reason', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), {}, null);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, [...candidateIds].reverse(), 2), {}, null);
      const contest = (await loadElection(db, def.id))!.contests[0]!;
      expect(contest.versions.map((v) => [v.version, v.reason])).toEqual([[1, null], [2, 'Transposed figures']]);
      expect(contest.versions[1]!.votes.find((v) => v.elected)!.candidateId).toBe(candidateIds[0]);
      expect(contest.versions[0]!.votes.find((v) => v.elected)!.candidateId).toBe(candidateIds[6]);
    });

    it('loads one ward exactly as the whole election has it, with its election and parties', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), {}, null);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, [...candidateIds].reverse(), 2), {}, null);
      const whole = (await loadElection(db, def.id))!;
      for (const contest of [whole.contests[0]!, whole.contests[1]!]) {
        const ward = (await loadContestWithElection(db, contest.id))!;
        expect(ward.contest).toEqual(contest);
        expect(ward.election).toEqual(whole.election);
        expect(ward.parties).toEqual(whole.parties);
      }
      expect(whole.contests[0]!.versions).toHaveLength(2);
      expect(await loadContestWithElection(db, 'no-such-ward')).toBeNull();
    });

    it('lets only one of two writers of the same version commit, and the loser writes nothing', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), {}, null);
      const clash = { ...firstDeclaration(def.id, allSaints.id, candidateIds), channels: ['log', 'x', 'mastodon'] };
      await expect(recordDeclaration(db, clash, { requestId: 'loser' }, null)).rejects.toThrow();
      const posts = await db.select().from(outbox).where(eq(outbox.contestId, allSaints.id));
      expect(posts.map((p) => p.channel).sort()).toEqual(['log', 'x']);
      const trail = await auditTrail(db, 'contest', allSaints.id);
      expect(trail.map((t) => t.requestId)).not.toContain('loser');
    });

    it('stores the first answer with its key, and refuses a second write under the same key', async () => {
      const { db, def, allSaints, candidateIds } = await setUp(open);
      const answer = { userId: 'u1', key: `k-${def.id}`, requestHash: 'h1', status: 201, body: '{"ok":true}' };
      await recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds), {}, answer);
      expect(await findStoredAnswer(db, 'u1', answer.key)).toMatchObject({ status: 201, body: '{"ok":true}', requestHash: 'h1' });
      await expect(
        recordDeclaration(db, firstDeclaration(def.id, allSaints.id, candidateIds, 2), {}, { ...answer, requestHash: 'h2' }),
      ).rejects.toThrow();
      expect((await loadElection(db, def.id))!.contests[0]!.versions).toHaveLength(1);
      expect(await findStoredAnswer(db, 'u2', answer.key)).toBeNull();
    });

    it('sets a ward status and audits it', async () => {
      const { db, def, allSaints } = await setUp(open);
      await setContestStatus(db, def.id, allSaints.id, 'recount', { userId: 'officer-1' });
      expect((await loadElection(db, def.id))!.contests[0]!.status).toBe('recount');
      expect((await auditTrail(db, 'contest', allSaints.id))[0]).toMatchObject({ action: 'contest.status', userId: 'officer-1', detail: { status: 'recount' } });
    });
  });

  describe(`users and tokens (${driver})`, () => {
    it('creates a user once and finds an API token holder', async () => {
      const db = await open();
      const name = `officer-${crypto.randomUUID()}`;
      const user = await createUser(db, { name, role: 'officer', passwordHash: 'x' });
      expect(await findUserByName(db, name)).toMatchObject({ id: user.id, role: 'officer', disabled: false });
      await expect(createUser(db, { name, role: 'admin', passwordHash: 'y' })).rejects.toThrow(DuplicateUserError);

      const tokenHash = `hash-${user.id}`;
      await addApiToken(db, user.id, 'count software', tokenHash);
      expect((await userForApiToken(db, tokenHash))?.id).toBe(user.id);
      expect(await userForApiToken(db, 'not-a-token')).toBeNull();
      await db.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(eq(apiTokens.tokenHash, tokenHash));
      expect(await userForApiToken(db, tokenHash)).toBeNull();
    });
  });

  describe(`the sign-in throttle's counters (${driver})`, () => {
    const rule = { freeFailures: 5, firstDelayMs: 10_000, maxDelayMs: 300_000, forgetAfterMs: 3600_000 };
    const counter = (userName: string, subject = '198.51.100.1') => ({ userName, scope: 'source' as const, subject, rule });

    it('lets exactly the free attempts through when hundreds arrive at once', async () => {
      const db = await open();
      const c = counter(`name-${crypto.randomUUID()}`);
      const now = Date.parse('2026-05-07T23:00:00Z');
      const outcomes = await Promise.all(Array.from({ length: 300 }, () => reserveSignInAttempt(db, [c], now)));
      expect(outcomes.filter((o) => o.granted)).toHaveLength(5);
      expect(outcomes.find((o) => !o.granted)).toEqual({ granted: false, retryAt: now + 10_000 });
    });

    it('reserves on every counter of an attempt or on none, so a refused attempt counts nowhere', async () => {
      const db = await open();
      const name = `name-${crypto.randomUUID()}`;
      const account = { userName: name, scope: 'account' as const, subject: '', rule: { ...rule, freeFailures: 20 } };
      const now = Date.parse('2026-05-07T23:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => reserveSignInAttempt(db, [account, counter(name, `192.0.2.${i % 30}`)], now)),
      );
      // 30 addresses, two attempts each: all under their own five, so the account's twenty decide.
      expect(results.filter((o) => o.granted)).toHaveLength(20);
      const rows = await db.select().from(signInThrottle).where(eq(signInThrottle.userName, name));
      expect(rows.find((r) => r.scope === 'account')!.failures).toBe(20);
      expect(rows.filter((r) => r.scope === 'source').reduce((n, r) => n + r.failures, 0)).toBe(20);
    });

    it('makes each failure past the free ones wait twice as long, up to five minutes, then forgets after an hour', async () => {
      const db = await open();
      const c = counter(`name-${crypto.randomUUID()}`);
      let now = Date.parse('2026-05-07T23:00:00Z');
      for (let i = 0; i < 5; i++) expect((await reserveSignInAttempt(db, [c], now)).granted).toBe(true);
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        const refused = await reserveSignInAttempt(db, [c], now);
        expect(refused.granted).toBe(false);
        const retryAt = (refused as { retryAt: number }).retryAt;
        waits.push((retryAt - now) / 1000);
        expect((await reserveSignInAttempt(db, [c], retryAt - 1)).granted).toBe(false);
        now = retryAt;
        expect((await reserveSignInAttempt(db, [c], now)).granted).toBe(true);
      }
      expect(waits).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
      // An hour of quiet after the wait: counting starts again from one.
      now += 3600_000;
      for (let i = 0; i < 5; i++) expect((await reserveSignInAttempt(db, [c], now)).granted).toBe(true);
    });

    it('starts again after a success, and an unlock clears every counter of the account, audited', async () => {
      const db = await open();
      const name = `name-${crypto.randomUUID()}`;
      const now = Date.parse('2026-05-07T23:00:00Z');
      for (let i = 0; i < 6; i++) await reserveSignInAttempt(db, [counter(name)], now);
      await clearSignInCounters(db, [counter(name)], now - 86_400_000);
      expect((await reserveSignInAttempt(db, [counter(name)], now)).granted).toBe(true);

      for (let i = 0; i < 6; i++) await reserveSignInAttempt(db, [counter(name, '192.0.2.9')], now);
      expect((await reserveSignInAttempt(db, [counter(name, '192.0.2.9')], now)).granted).toBe(false);
      await unlockSignIn(db, { id: 'user-id-of-' + name, name }, { userId: 'an-admin' });
      expect((await reserveSignInAttempt(db, [counter(name, '192.0.2.9')], now)).granted).toBe(true);
      expect((await auditTrail(db, 'user', 'user-id-of-' + name))[0]).toMatchObject({ action: 'user.unlock', userId: 'an-admin' });
    });
  });
}
