// A ward's verification statement: the ballot papers verified before the count (from the
// polling stations and by post), published with its time. A contest keeps it in three
// columns, written together (db/verification.ts) and cleared together (a rehearsal's reset);
// this is the one place that reads them, so every screen, feed and check agrees on whether
// there is a statement.
import type { BallotPapers } from './types';

export interface VerificationStatement {
  papers: BallotPapers;
  /** When it was (last) published, ISO 8601 in UTC. */
  at: string;
}

/** The columns a contest keeps its statement in (db/schema.ts `contests`). */
export interface StatementColumns {
  verifiedPollingStations: number | null;
  verifiedPostal: number | null;
  verifiedAt: string | null;
}

/**
 * The statement published for this contest, or null when there is none. A contest with only
 * some of the columns set (which no write makes) counts as having none, rather than showing
 * half a statement. Zero is a figure like any other: a ward can verify no postal votes.
 */
export function verificationStatementOf(contest: StatementColumns): VerificationStatement | null {
  const { verifiedPollingStations: pollingStations, verifiedPostal: postal, verifiedAt: at } = contest;
  if (pollingStations === null || postal === null || at === null) return null;
  return { papers: { pollingStations, postal }, at };
}
