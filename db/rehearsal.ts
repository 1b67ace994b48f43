// A rehearsal's life: marked at import (or by an admin before any result), reset after the
// practice (every result, status, verification and queued post gone; the definition and the
// accounts kept), then made the real election, once. Each step in one atomic write, audited.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { hasUpdates } from './countUpdates';
import { contests, countUpdates, declarations, declarationVotes, elections, outbox, pendingDeclarations } from './schema';
import { electionRowById } from './results';
import { countDeclarations } from './setup';

export class RehearsalError extends Error {}


/** Removes the practice night: results (every version, and entries awaiting confirmation), updates from the count, statuses, verification statements and posts. */
export async function resetRehearsal(db: Db, electionId: string, actor: Actor) {
  const election = await electionRowById(db, electionId);
  if (!election?.rehearsal) throw new RehearsalError('Only a rehearsal can be reset: this election is the real one, and its results stay.');
  const now = new Date().toISOString();
  const wards = db.select({ id: contests.id }).from(contests).where(eq(contests.electionId, electionId));
  const updates = db.select({ id: countUpdates.id }).from(countUpdates).where(eq(countUpdates.electionId, electionId));
  await commitAtomically(db, [
    db.delete(outbox).where(inArray(outbox.contestId, wards)),
    // Updates from the count, every version, and their posts.
    db.delete(outbox).where(inArray(outbox.updateId, updates)),
    db.delete(countUpdates).where(eq(countUpdates.electionId, electionId)),
    db.delete(declarationVotes).where(inArray(declarationVotes.contestId, wards)),
    db.delete(declarations).where(inArray(declarations.contestId, wards)),
    db.delete(pendingDeclarations).where(inArray(pendingDeclarations.contestId, wards)),
    db.update(contests).set({ verifiedPollingStations: null, verifiedPostal: null, verifiedAt: null, updatedAt: now }).where(eq(contests.electionId, electionId)),
    // Uncontested wards keep their status: their candidates are elected unopposed, rehearsal or not.
    db.update(contests).set({ status: 'awaiting' }).where(and(eq(contests.electionId, electionId), ne(contests.status, 'uncontested'))),
    db.update(elections).set({ updatedAt: now }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'election.rehearsal.reset', entity: 'election', entityId: electionId, detail: {} }, now),
  ]);
}

/** Marks an election as a rehearsal (true) or as the real one (false): only while it has no results. */
export async function setRehearsal(db: Db, electionId: string, rehearsal: boolean, actor: Actor) {
  const election = await electionRowById(db, electionId);
  if (!election) throw new RehearsalError('There is no such election.');
  if (election.rehearsal === rehearsal) throw new RehearsalError(rehearsal ? 'This election is already a rehearsal.' : 'This election is already the real one.');
  if ((await countDeclarations(db, electionId)) > 0) {
    throw new RehearsalError(
      rehearsal
        ? 'Results have been entered for this election, so it cannot become a rehearsal.'
        : 'The rehearsal still has results: reset it first, so no practice figure is published as real.',
    );
  }
  if (await hasUpdates(db, electionId)) {
    throw new RehearsalError(
      rehearsal
        ? 'Updates from the count have been published for this election, so it cannot become a rehearsal.'
        : 'The rehearsal still has updates from the count: reset it first, so no practice update is published as real.',
    );
  }
  const now = new Date().toISOString();
  await commitAtomically(db, [
    db.update(elections).set({ rehearsal, updatedAt: now }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: rehearsal ? 'election.rehearsal.start' : 'election.rehearsal.end', entity: 'election', entityId: electionId, detail: {} }, now),
  ]);
}
