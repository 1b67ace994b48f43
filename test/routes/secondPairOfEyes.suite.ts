// A second pair of eyes through the write API, on both drivers: an entry waits, not public
// and nothing queued, until a different officer's matching entry publishes it; entries that
// differ publish nothing and show both officers how they differ.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { findPendingDeclaration, recordMismatch, savePendingEntry } from '../../db/pendingDeclarations';
import { recordDeclaration } from '../../db/declarations';
import { auditLog, declarations, outbox, pendingDeclarations } from '../../db/schema';
import { loadElection } from '../../db/results';
import { setSecondPairOfEyes } from '../../db/secondPairOfEyes';
import { electionDefinition } from '../../src/setup/definition';
import { describeIssues } from '../../src/validation/zodIssues';
import { importElection } from '../../src/setup/importElection';
import { dumpDatabase } from '../support/harness';
import { confirm, doubleEntry, misplacedBundle, pendingAs, publicView, type Harness } from '../support/doubleEntry';

const auditOf = (h: Harness, contestId: string) =>
  h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'contest'), eq(auditLog.entityId, contestId))).orderBy(auditLog.id);
const postsOf = (h: Harness, contestId: string) => h.db.select().from(outbox).where(eq(outbox.contestId, contestId));

export function secondPairOfEyesApiSuite(driver: string, open: () => Promise<Db>): void {
  describe(`a second pair of eyes through the API (${driver})`, () => {
    it('keeps an entry awaiting confirmation (202): the public sees nothing change, no post is queued, and a retry has no second effect', async () => {
      const { h } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const before = await publicView(h, contestId);

      const res = await h.declare(contestId, body, { key: 'first-entry' });
      expect(res.status).toBe(202);
      const answer = (await res.json()) as any;
      expect(answer).toMatchObject({
        status: 'awaiting_confirmation',
        id: contestId,
        name: 'All Saints',
        version: 1,
        enteredBy: h.officer.user.name,
        replaced: false,
        confirm: `/api/v1/contests/${encodeURIComponent(contestId)}/declaration/confirm`,
      });
      expect(answer.message).toMatch(/^Not published yet: All Saints waits for a second officer to enter the figures again/);
      // Not even the figures: they are for a second officer to enter blind.
      expect(JSON.stringify(answer)).not.toContain('295');

      expect(await publicView(h, contestId)).toEqual(before);
      expect(await postsOf(h, contestId)).toEqual([]);
      expect((await h.contest('All Saints')).status).toBe('awaiting');
      const entered = await auditOf(h, contestId);
      expect(entered.map((a) => [a.action, a.userId])).toEqual([['declaration.enter', h.officer.user.id]]);

      const again = await h.declare(contestId, body, { key: 'first-entry' });
      expect(again.status).toBe(202);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(JSON.stringify(answer));
      expect(await auditOf(h, contestId)).toHaveLength(1);
      expect(await publicView(h, contestId)).toEqual(before);
    });

    it("publishes on a different officer's matching entry, with both officers in the audit trail", async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      expect((await h.declare(contestId, body)).status).toBe(202);

      const res = await confirm(h, contestId, body, { token: second.token, key: 'second-entry' });
      expect(res.status).toBe(201);
      const result = (await res.json()) as any;
      expect(result).toMatchObject({ id: contestId, status: 'declared', version: 1, majority: 43, turnoutPercent: 27.61 });
      expect((await h.getJson(`/api/v1/elections/${h.def.id}/contests/${contestId}`)).body).toEqual(result);
      expect((await postsOf(h, contestId)).map((p) => `${p.channel}@${p.version}`).sort()).toEqual(['log@1', 'x@1']);
      expect(await findPendingDeclaration(h.db, contestId)).toBeNull();

      const published = (await auditOf(h, contestId)).find((a) => a.action === 'declaration.create')!;
      expect(published.userId).toBe(second.user.id);
      expect(published.detail).toMatchObject({ version: 1, enteredBy: h.officer.user.id, confirmedBy: second.user.id });
      const [row] = await h.db.select().from(declarations).where(eq(declarations.contestId, contestId));
      expect(row!.userId).toBe(second.user.id);

      // The same confirmation sent again (a retry) publishes nothing twice.
      const again = await confirm(h, contestId, body, { token: second.token, key: 'second-entry' });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await h.contest('All Saints')).versions).toHaveLength(1);
      expect(await postsOf(h, contestId)).toHaveLength(2);
    });

    it('refuses a confirmation by the officer who entered it, in words, changing nothing', async () => {
      const { h } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      const before = await dumpDatabase(h.db);
      const res = await confirm(h, contestId, body);
      expect(res.status).toBe(403);
      expect(((await res.json()) as any).message).toBe(
        'You entered this result for All Saints, so a different officer must confirm it by entering the figures again. Nothing was published.',
      );
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('shows both officers the differing figures when the entries differ, publishes nothing, and publishes once the first entry is fixed', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const contest = await h.contest('All Saints');
      const id = (surname: string) => contest.candidates.find((c) => c.surname === surname)!.id;
      const before = await publicView(h, contestId);
      // The first officer put a bundle of 10 in the wrong pile; the second reads the declaration right.
      expect((await h.declare(contestId, await misplacedBundle(h, body))).status).toBe(202);

      const res = await confirm(h, contestId, body, { token: second.token, key: 'differs' });
      expect(res.status).toBe(409);
      const answer = (await res.json()) as any;
      const differences = [
        { field: 'votes', candidate: id('Spalding'), label: 'Chris Spalding', first: 285, second: 295 },
        { field: 'votes', candidate: id('Wallace'), label: 'Julie Wallace', first: 262, second: 252 },
      ];
      expect(answer).toEqual({
        error: 'mismatch',
        message: `Not published: your entry of All Saints differs from ${h.officer.user.name}'s in 2 figures. Check them against the declaration: ${h.officer.user.name} can fix their entry, or you can enter yours again.`,
        enteredBy: h.officer.user.name,
        secondBy: second.user.name,
        differences,
      });
      expect(await publicView(h, contestId)).toEqual(before);
      expect(await postsOf(h, contestId)).toEqual([]);
      // Sent again, the same answer, and nothing more recorded.
      const auditBefore = await auditOf(h, contestId);
      const replay = await confirm(h, contestId, body, { token: second.token, key: 'differs' });
      expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([409, 'true']);
      expect(await auditOf(h, contestId)).toEqual(auditBefore);
      expect(auditBefore.map((a) => a.action)).toEqual(['declaration.enter', 'declaration.mismatch']);

      // Both officers see how the entries differ; the first entry's figures only to the first.
      const mine = await pendingAs(h, contestId, h.officer.token);
      expect(mine.body).toMatchObject({ yours: true, secondBy: second.user.name, differences });
      expect(mine.body.entry.votes.find((v: any) => v.candidate === id('Spalding')).votes).toBe(285);
      const theirs = await pendingAs(h, contestId, second.token);
      expect(theirs.body).toMatchObject({ yours: false, entry: null, differences });
      const third = await h.userWithToken('officer', `third-${contestId.slice(-8)}`);
      expect((await pendingAs(h, contestId, third.token)).body).toMatchObject({ yours: false, entry: null, differences: null });

      // The first officer fixes the entry: it replaces theirs, and waits again, blind.
      const fixed = await h.declare(contestId, body);
      expect(fixed.status).toBe(202);
      expect(((await fixed.json()) as any).replaced).toBe(true);
      expect((await pendingAs(h, contestId, second.token)).body).toMatchObject({ differences: null, secondBy: null });
      expect(await publicView(h, contestId)).toEqual(before);

      const confirmed = await confirm(h, contestId, body, { token: second.token });
      expect(confirmed.status).toBe(201);
      const result = (await confirmed.json()) as any;
      expect(result.candidates.find((c: any) => c.name === 'Chris Spalding').votes).toBe(295);
      expect((await pendingAs(h, contestId, h.officer.token)).status).toBe(404);
    });

    it('sends a correction through a second officer too, published with the first officer\'s reason', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      expect((await confirm(h, contestId, body, { token: second.token })).status).toBe(201);
      const corrected = await misplacedBundle(h, body);
      const before = await publicView(h, contestId);

      const entered = await h.declare(contestId, { ...corrected, reason: 'Bundle of 10 counted to the wrong candidate' });
      expect(entered.status).toBe(202);
      expect(((await entered.json()) as any).version).toBe(2);
      expect(await publicView(h, contestId)).toEqual(before);
      expect((await pendingAs(h, contestId, second.token)).body).toMatchObject({ version: 2, reason: 'Bundle of 10 counted to the wrong candidate', entry: null });

      const res = await confirm(h, contestId, corrected, { token: second.token });
      expect(res.status).toBe(201);
      const result = (await res.json()) as any;
      expect(result.version).toBe(2);
      expect(result.corrections).toEqual([{ version: 2, at: expect.any(String), reason: 'Bundle of 10 counted to the wrong candidate' }]);
      expect((await postsOf(h, contestId)).map((p) => `${p.channel}@${p.version}`).sort()).toEqual(['log@1', 'log@2', 'x@1', 'x@2']);
    });

    it("confirms another officer's entry rather than replacing it, and says so", async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      const before = await dumpDatabase(h.db);
      const res = await h.declare(contestId, body, { token: second.token });
      expect(res.status).toBe(409);
      expect(((await res.json()) as any).message).toBe(
        `All Saints already has a result entered by ${h.officer.user.name}, awaiting a second officer: confirm it by entering the figures again, rather than entering a new result.`,
      );
      expect(await dumpDatabase(h.db)).toEqual(before);
    });

    it('checks a confirmation as a declaration: bad figures and unconfirmed warnings are refused, and nothing is awaiting is said', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      const none = await confirm(h, contestId, body, { token: second.token });
      expect(none.status).toBe(409);
      expect(((await none.json()) as any).message).toMatch(/^Nothing from All Saints is awaiting confirmation/);

      await h.declare(contestId, body);
      const before = await dumpDatabase(h.db);
      const negative = await confirm(h, contestId, { ...body, votes: body.votes.map((v, i) => (i ? v : { ...v, votes: -1 })) }, { token: second.token });
      expect(negative.status).toBe(422);
      const unconfirmed = await confirm(h, contestId, { ...body, ballotPapersVerified: { pollingStations: 640, postal: 331 } }, { token: second.token });
      expect(unconfirmed.status).toBe(422);
      expect(((await unconfirmed.json()) as any).problems[0].field).toBe('acceptWarnings');
      expect(await dumpDatabase(h.db)).toEqual(before);
      expect((await confirm(h, 'local.nowhere.2023-05-04', body, { token: second.token })).status).toBe(404);
    });

    it('switched off, publishes a declaration at once, which ends any entry left awaiting confirmation', async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      await setSecondPairOfEyes(h.db, h.def.id, false, {});
      const res = await h.declare(contestId, body, { token: second.token });
      expect(res.status).toBe(201);
      expect(await findPendingDeclaration(h.db, contestId)).toBeNull();
      expect((await h.contest('All Saints')).versions).toHaveLength(1);
    });

    it('is set from the definition file, kept by a re-import that does not say, and locks the definition once a result is entered', async () => {
      const { h } = await doubleEntry(open);
      const { secondPairOfEyes: _, ...withoutIt } = h.def;
      await importElection(h.db, withoutIt);
      expect((await loadElection(h.db, h.def.id))!.election.secondPairOfEyes).toBe(true);
      expect(describeIssues(electionDefinition.safeParse({ ...h.def, secondPairOfEyes: 'yes' }).error!)).toEqual(['secondPairOfEyes: secondPairOfEyes must be true or false']);

      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      const before = await dumpDatabase(h.db);
      await expect(importElection(h.db, { ...h.def, secondPairOfEyes: false })).rejects.toThrow(/Results have already been entered/);
      expect(await dumpDatabase(h.db)).toEqual(before);
    });
  });

  describe(`what guards an entry awaiting confirmation (${driver})`, () => {
    it("never replaces another officer's entry, publishes or marks as differing an entry fixed in the meantime", async () => {
      const { h, second } = await doubleEntry(open);
      const { contestId, body } = await h.medwaySubmission('All Saints');
      await h.declare(contestId, body);
      const stale = (await findPendingDeclaration(h.db, contestId))!;
      await h.declare(contestId, body); // fixed: a new entry
      const before = await dumpDatabase(h.db);
      const now = new Date().toISOString();
      const answer = (key: string, status: number) => ({ userId: second.user.id, key, requestHash: 'h', status, body: '{}' });
      const entry = { ...stale.submission, electorate: 3495 };

      await expect(
        savePendingEntry(h.db, { id: crypto.randomUUID(), contestId, version: 1, submission: entry, enteredBy: second.user.id, enteredAt: now }, { userId: second.user.id }, answer('a', 202), false),
      ).rejects.toThrow();
      await expect(recordMismatch(h.db, { pendingId: stale.id, submission: entry, by: second.user.id, at: now }, { userId: second.user.id }, {}, answer('b', 409))).rejects.toThrow();
      const declaration = {
        electionId: h.def.id, contestId, version: 1, declaredAt: now, electorate: 3495,
        verified: entry.ballotPapersVerified, rejected: entry.rejected,
        votes: entry.votes.map((v) => ({ candidateId: v.candidate, votes: v.votes, elected: false, electedByLot: false })),
        reason: null, acceptedWarnings: [], channels: ['log'],
      };
      await expect(recordDeclaration(h.db, declaration, { userId: second.user.id }, answer('c', 201), { pendingId: stale.id, enteredBy: stale.enteredBy, enteredAt: stale.enteredAt })).rejects.toThrow();
      expect(await dumpDatabase(h.db)).toEqual(before);
      expect(await h.db.select().from(pendingDeclarations).where(eq(pendingDeclarations.contestId, contestId))).toHaveLength(1);
    });
  });
}
