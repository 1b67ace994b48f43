// Recording a declared result. Everything a declaration causes (the version, its votes,
// the ward's status, the election's change stamp, the queued posts and subscriber
// deliveries, the audit entry, the idempotency key with its answer, and the end of any entry
// awaiting confirmation) commits in one atomic write, or none of it does.
import { eq } from 'drizzle-orm';
import type { SettableStatus } from '../src/domain/contestStatus';
import { auditStatement, type Actor } from './audit';
import { chunkRows, commitAtomically, type Db, type Statement } from './client';
import { whilePending } from './pendingDeclarations';
import { contests, declarations, declarationVotes, elections, outbox, pendingDeclarations } from './schema';
import { storedAnswerStatement, type StoredAnswer } from './storedAnswers';
import { queueForSubscribers } from './subscribers';

export interface NewDeclaration {
  electionId: string;
  contestId: string;
  version: number;
  declaredAt: string;
  electorate: number;
  verified: { pollingStations: number; postal: number };
  rejected: { noOfficialMark: number; tooManyVotes: number; identifiable: number; unmarkedOrUncertain: number };
  votes: { candidateId: string; votes: number; elected: boolean; electedByLot: boolean }[];
  reason: string | null;
  acceptedWarnings: string[];
  /** Social channels to queue a post on, one outbox row each. */
  channels: string[];
  /** Whether newsroom subscribers get it: yes unless false (a rehearsal). */
  toSubscribers?: boolean;
}

/** The stored row of a declaration version, as the reads will return it. */
export function declarationRow(d: NewDeclaration, userId: string | null, createdAt: string): typeof declarations.$inferSelect {
  return {
    contestId: d.contestId,
    version: d.version,
    declaredAt: d.declaredAt,
    electorate: d.electorate,
    verifiedPollingStations: d.verified.pollingStations,
    verifiedPostal: d.verified.postal,
    rejectedNoOfficialMark: d.rejected.noOfficialMark,
    rejectedTooManyVotes: d.rejected.tooManyVotes,
    rejectedIdentifiable: d.rejected.identifiable,
    rejectedUnmarkedOrUncertain: d.rejected.unmarkedOrUncertain,
    reason: d.reason,
    acceptedWarnings: d.acceptedWarnings,
    userId,
    createdAt,
  };
}

export function voteRowsOf(d: NewDeclaration): (typeof declarationVotes.$inferSelect)[] {
  return d.votes.map((v) => ({ contestId: d.contestId, version: d.version, ...v }));
}

/** The entry awaiting confirmation that a declaration publishes (a second pair of eyes). */
export interface ConfirmedEntry {
  pendingId: string;
  enteredBy: string;
  enteredAt: string;
}

/**
 * Commits a declaration. Two writers racing for the same version both build their
 * statements, and the (contest, version) primary key lets exactly one commit: the other
 * fails whole, with nothing written. A confirmed entry commits only while it is still the
 * entry awaiting confirmation (not fixed in the meantime); any entry of the ward still
 * awaiting confirmation ends with the declaration.
 */
export async function recordDeclaration(
  db: Db,
  d: NewDeclaration,
  actor: Actor,
  answer: StoredAnswer | null,
  confirmed: ConfirmedEntry | null = null,
): Promise<void> {
  const now = new Date().toISOString();
  const row = declarationRow(d, actor.userId ?? null, now);
  const statements: Statement[] = [db.insert(declarations).values(row)];
  const voteRows = voteRowsOf(d);
  for (const chunk of chunkRows(voteRows, 6)) statements.push(db.insert(declarationVotes).values(chunk));
  statements.push(
    db.update(contests).set({ status: 'declared', updatedAt: now }).where(eq(contests.id, d.contestId)),
    db.update(elections).set({ updatedAt: now }).where(eq(elections.id, d.electionId)),
  );
  if (d.channels.length) {
    statements.push(
      db.insert(outbox).values(
        d.channels.map((channel) => ({
          id: crypto.randomUUID(),
          contestId: d.contestId,
          version: d.version,
          channel,
          nextAttemptAt: now,
          updatedAt: now,
        })),
      ),
    );
  }
  // Newsroom subscribers: one delivery each, in this same write.
  if (d.toSubscribers !== false) statements.push(queueForSubscribers(db, { contestId: d.contestId, version: d.version }, now));
  statements.push(
    auditStatement(
      db,
      actor,
      {
        action: d.version === 1 ? 'declaration.create' : 'declaration.correct',
        entity: 'contest',
        entityId: confirmed ? whilePending(confirmed.pendingId) : d.contestId,
        detail: {
          version: d.version,
          reason: d.reason,
          acceptedWarnings: d.acceptedWarnings,
          votes: d.votes,
          // Both officers: the one who entered it, and the one whose matching entry published it.
          ...(confirmed ? { enteredBy: confirmed.enteredBy, enteredAt: confirmed.enteredAt, confirmedBy: actor.userId ?? null } : {}),
        },
      },
      now,
    ),
    db.delete(pendingDeclarations).where(eq(pendingDeclarations.contestId, d.contestId)),
  );
  if (answer) statements.push(storedAnswerStatement(db, answer));
  await commitAtomically(db, statements);
}

/**
 * Sets a ward's progress status; the caller checks the move is allowed. `also` adds what the
 * change causes besides (an automatic update from the count), in the same write and at the
 * same time.
 */
export async function setContestStatus(
  db: Db,
  electionId: string,
  contestId: string,
  status: SettableStatus,
  actor: Actor,
  answer: StoredAnswer | null = null,
  also: (now: string) => Statement[] = () => [],
) {
  const now = new Date().toISOString();
  const statements: Statement[] = [
    db.update(contests).set({ status, updatedAt: now }).where(eq(contests.id, contestId)),
    db.update(elections).set({ updatedAt: now }).where(eq(elections.id, electionId)),
    auditStatement(db, actor, { action: 'contest.status', entity: 'contest', entityId: contestId, detail: { status } }, now),
    ...also(now),
  ];
  if (answer) statements.push(storedAnswerStatement(db, answer));
  await commitAtomically(db, statements);
}
