// The public result of one contest (ward), as `GET /api/v1/elections/:e/contests/:c`
// returns it and as the pages render it. Field names are a public contract: see README.
import {
  contestChanges,
  describeChanges,
  majority,
  percentTo2dp,
  rejectedTotal,
  turnoutPercent,
  verificationStatementOf,
  verifiedTotal,
  type BallotPapers,
} from '../domain';
import type { ContestSnapshot, DeclarationVersion } from '../../db/results';
import { candidateName, type PartyDirectory } from './names';
import type { candidateResultSchema, contestResultSchema } from './publicSchemas';
import type { z } from 'zod';

// The shapes are defined once, as zod schemas (publicSchemas.ts), for the OpenAPI document.
export type CandidateResult = z.infer<typeof candidateResultSchema>;
export type ContestResult = z.infer<typeof contestResultSchema>;

export function latestVersion(contest: ContestSnapshot): DeclarationVersion | null {
  return contest.versions.at(-1) ?? null;
}

/** The candidate ids elected in a contest as it stands: uncontested ones are all elected. */
export function electedIds(contest: ContestSnapshot): string[] {
  if (contest.status === 'uncontested') return contest.candidates.map((c) => c.id);
  const latest = latestVersion(contest);
  if (!latest) return [];
  return [...latest.votes].filter((v) => v.elected).sort((a, b) => b.votes - a.votes).map((v) => v.candidateId);
}

/** Gain/hold/loss in the contest, or null when it is not decided or has no previous data. */
export function contestSeatChanges(contest: ContestSnapshot) {
  const elected = new Set(electedIds(contest));
  if (elected.size === 0) return null;
  const electedParties = contest.candidates.filter((c) => elected.has(c.id)).map((c) => c.partyId);
  return contestChanges(contest.previous, electedParties);
}

export function contestSummary(contest: ContestSnapshot, parties: PartyDirectory): string {
  switch (contest.status) {
    case 'awaiting':
      return 'Awaiting result';
    case 'counting':
      return 'Counting';
    case 'recount':
      return 'Recount';
    case 'postponed':
      return 'Poll postponed';
    case 'declared': {
      const changes = contestSeatChanges(contest);
      return changes ? describeChanges(changes, parties.shortName) : seatsByParty(contest, parties, ' win');
    }
    case 'uncontested': {
      const changes = contestSeatChanges(contest);
      return changes
        ? `${describeChanges(changes, parties.shortName)} (elected unopposed)`
        : `${seatsByParty(contest, parties, '')} elected unopposed`;
    }
  }
}

/** "Lab 2, Con 1" (or "Ind win" for one seat), used when there is no previous data. */
function seatsByParty(contest: ContestSnapshot, parties: PartyDirectory, win: string): string {
  const elected = new Set(electedIds(contest));
  const seats = new Map<string, number>();
  for (const c of contest.candidates) if (elected.has(c.id)) seats.set(c.partyId, (seats.get(c.partyId) ?? 0) + 1);
  if (contest.seats === 1 && seats.size === 1) return `${parties.shortName([...seats.keys()][0]!)}${win}`;
  return [...seats.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([party, n]) => `${parties.shortName(party)} ${n}`)
    .join(', ');
}

/**
 * The ward's verified ballot papers as they stand: the declaration's, or before it the
 * verification statement published ahead of the count; null when neither is in.
 */
export function knownBallotPapers(contest: ContestSnapshot): BallotPapers | null {
  const latest = contest.status === 'declared' ? latestVersion(contest) : null;
  if (latest) return { pollingStations: latest.verifiedPollingStations, postal: latest.verifiedPostal };
  if (contest.status === 'uncontested' || contest.status === 'postponed') return null;
  return verificationStatementOf(contest)?.papers ?? null;
}

/** The ward's electorate as it stands: the declaration's, else the definition's. */
export function currentElectorate(contest: ContestSnapshot): number {
  return (contest.status === 'declared' ? latestVersion(contest)?.electorate : undefined) ?? contest.electorate;
}

export function contestResult(electionId: string, contest: ContestSnapshot, parties: PartyDirectory): ContestResult {
  const latest = contest.status === 'declared' ? latestVersion(contest) : null;
  const elected = new Set(electedIds(contest));
  const votesOf = new Map(latest?.votes.map((v) => [v.candidateId, v]) ?? []);
  const valid = latest ? latest.votes.reduce((sum, v) => sum + v.votes, 0) : null;

  const candidates: CandidateResult[] = contest.candidates.map((c) => {
    const party = parties.get(c.partyId);
    const counted = votesOf.get(c.id);
    return {
      id: c.id,
      name: candidateName(c),
      description: c.description,
      party: { id: c.partyId, name: party?.name ?? c.partyId, colour: party?.colour ?? '#8C8C8C' },
      votes: counted?.votes ?? null,
      sharePercent: counted && valid !== null ? (valid > 0 ? percentTo2dp(counted.votes, valid) : 0) : null,
      elected: elected.has(c.id),
      electedByLot: counted?.electedByLot ?? false,
    };
  });
  // Declared: by votes, as the returning officer reads them; otherwise ballot-paper order.
  if (latest) candidates.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));

  const papers = knownBallotPapers(contest);
  const verified = papers ? verifiedTotal(papers) : null;
  const rejected = latest
    ? {
        noOfficialMark: latest.rejectedNoOfficialMark,
        tooManyVotes: latest.rejectedTooManyVotes,
        identifiable: latest.rejectedIdentifiable,
        unmarkedOrUncertain: latest.rejectedUnmarkedOrUncertain,
      }
    : null;
  const electorate = currentElectorate(contest);

  return {
    id: contest.id,
    electionId,
    name: contest.name,
    seats: contest.seats,
    status: contest.status,
    electorate,
    declaredAt: latest?.declaredAt ?? null,
    version: latest?.version ?? null,
    ballotPapersVerified: {
      pollingStations: papers?.pollingStations ?? null,
      postal: papers?.postal ?? null,
      total: verified,
    },
    verifiedAt: verificationStatementOf(contest)?.at ?? null,
    expectedDeclaration: contest.expectedDeclaration,
    rejected: {
      noOfficialMark: rejected?.noOfficialMark ?? null,
      tooManyVotes: rejected?.tooManyVotes ?? null,
      identifiable: rejected?.identifiable ?? null,
      unmarkedOrUncertain: rejected?.unmarkedOrUncertain ?? null,
      total: rejected ? rejectedTotal(rejected) : null,
    },
    turnoutPercent: verified !== null ? turnoutPercent(verified, electorate) : null,
    validVotes: valid,
    majority: latest
      ? majority(
          latest.votes.map((v) => ({ id: v.candidateId, partyId: '', votes: v.votes })),
          [...elected],
        )
      : null,
    summary: contestSummary(contest, parties),
    candidates,
    corrections: contest.versions
      .filter((v) => v.version > 1)
      .map((v) => ({ version: v.version, at: v.createdAt, reason: v.reason ?? '' })),
  };
}
