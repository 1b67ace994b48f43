// The figures of one contest as the Returning Officer declares them.
import { percentTo2dp } from './percent';
import type { BallotPapers, CandidateVotes, Rejected } from './types';

export function rejectedTotal(r: Rejected): number {
  return r.noOfficialMark + r.tooManyVotes + r.identifiable + r.unmarkedOrUncertain;
}

export function verifiedTotal(v: BallotPapers): number {
  return v.pollingStations + v.postal;
}

/**
 * Ballot papers verified (rejected included) ÷ electorate, as a 2 dp percentage: Medway and
 * Electoral Commission practice. Null when there is no electorate to divide by (not yet entered).
 */
export function turnoutPercent(verifiedTotal: number, electorate: number): number | null {
  if (electorate === 0) return null;
  return percentTo2dp(verifiedTotal, electorate);
}

/**
 * Turnout across the wards whose ballot papers are known so far (verified or declared): all
 * their ballot papers over all their electors, so a big ward weighs more than a small one.
 * Null until one ward is known.
 */
export function turnoutSoFar(wards: readonly { electorate: number; ballotPapers: number | null }[]): { percent: number; wards: number } | null {
  const known = wards.filter((w): w is { electorate: number; ballotPapers: number } => w.ballotPapers !== null && w.electorate > 0);
  if (known.length === 0) return null;
  const papers = known.reduce((sum, w) => sum + w.ballotPapers, 0);
  const electors = known.reduce((sum, w) => sum + w.electorate, 0);
  return { percent: percentTo2dp(papers, electors), wards: known.length };
}

export function validVotes(candidates: readonly Pick<CandidateVotes, 'votes'>[]): number {
  return candidates.reduce((sum, c) => sum + c.votes, 0);
}

/**
 * Each candidate's percentage of all valid votes, 2 dp, keyed by candidate id. In multi-seat
 * contests voters have several votes, so these are shares of votes, not of voters.
 * With no votes at all (nothing counted yet) every share is 0 rather than undefined.
 */
export function voteShares(candidates: readonly CandidateVotes[]): Map<string, number> {
  const total = validVotes(candidates);
  return new Map(candidates.map((c) => [c.id, total === 0 ? 0 : percentTo2dp(c.votes, total)]));
}

/**
 * Single seat: winner's votes − runner-up's. N seats (convention): lowest elected − highest not
 * elected; the single-seat rule is the N = 1 case of the same thing.
 * Null when there is nobody on one side to compare (everyone or no one elected).
 */
export function majority(candidates: readonly CandidateVotes[], elected: readonly string[]): number | null {
  const electedIds = new Set(elected);
  const electedVotes = candidates.filter((c) => electedIds.has(c.id)).map((c) => c.votes);
  const notElectedVotes = candidates.filter((c) => !electedIds.has(c.id)).map((c) => c.votes);
  if (electedVotes.length === 0 || notElectedVotes.length === 0) return null;
  return Math.min(...electedVotes) - Math.max(...notElectedVotes);
}
