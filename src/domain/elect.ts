// Who is elected: the N candidates with most votes, with ties across the last seat settled by lot.
import { countOf, formatNumber, listInWords } from './format';
import type { CandidateVotes } from './types';

/**
 * Candidates level on votes across the last seat(s): more of them than seats left to fill, so the
 * Returning Officer draws lots. Still reported once resolved, so the result can say
 * "elected after drawing lots".
 */
export interface TieAcrossLastSeat {
  /** The tied candidates' ids, in ballot order. */
  candidates: string[];
  votes: number;
  /** Seats left for the tied group after the clear winners. */
  seatsToFill: number;
  /** True once lot winners fitting this tie have been recorded. */
  resolved: boolean;
}

export interface Election {
  /** Ordered by votes, most first; while a tie is unresolved, only the clear winners. */
  elected: string[];
  /** Those of `elected` who won the drawing of lots. */
  electedByLot: string[];
  tie: TieAcrossLastSeat | null;
}

export function electCandidates(
  candidates: readonly CandidateVotes[],
  seats: number,
  lotWinners?: readonly string[],
): Election {
  // Stable sort: equal votes keep ballot order, so the output is deterministic.
  const ranked = [...candidates].sort((a, b) => b.votes - a.votes);
  const lastSeat = ranked[seats - 1];
  const firstLoser = ranked[seats];
  // Uncontested (candidates ≤ seats) or a clear gap at the boundary: no lots needed, whatever ties
  // there are higher or lower down the order.
  if (lastSeat === undefined || firstLoser === undefined || firstLoser.votes !== lastSeat.votes) {
    return { elected: ranked.slice(0, seats).map((c) => c.id), electedByLot: [], tie: null };
  }

  const tiedVotes = lastSeat.votes;
  const clearWinners = ranked.filter((c) => c.votes > tiedVotes).map((c) => c.id);
  const tiedGroup = candidates.filter((c) => c.votes === tiedVotes).map((c) => c.id);
  const unresolved: TieAcrossLastSeat = {
    candidates: tiedGroup,
    votes: tiedVotes,
    seatsToFill: seats - clearWinners.length,
    resolved: false,
  };
  const lotsSettleIt =
    lotWinners !== undefined && lotWinners.length > 0 && lotWinnersProblem(unresolved, lotWinners) === null;
  if (!lotsSettleIt) {
    return { elected: clearWinners, electedByLot: [], tie: unresolved };
  }
  // Listed in ballot order, not entry order, so re-entering the same winners gives the same result.
  const winners = new Set(lotWinners);
  const electedByLot = tiedGroup.filter((id) => winners.has(id));
  return {
    elected: [...clearWinners, ...electedByLot],
    electedByLot,
    tie: { ...unresolved, resolved: true },
  };
}

/**
 * Why the recorded lot winners cannot settle the contest, in words for the count officer; null when
 * they fit (or none are recorded yet: that is an unresolved tie, not a wrong entry).
 * Lot winners recorded where there is no tie are a problem too: most likely the votes were
 * corrected after the lots were entered, and the officer should clear them deliberately.
 */
export function lotWinnersProblem(
  tie: TieAcrossLastSeat | null,
  lotWinners: readonly string[] | undefined,
  candidateName: (id: string) => string = (id) => id,
): string | null {
  if (lotWinners === undefined || lotWinners.length === 0) return null;
  if (tie === null) {
    return 'Winners of a drawing of lots are recorded, but no candidates tie for the last seat. Remove them, or check the votes.';
  }
  const named = (ids: readonly string[]) => listInWords(ids.map(candidateName));
  const duplicates = unique(lotWinners.filter((id, i) => lotWinners.indexOf(id) !== i));
  if (duplicates.length > 0) {
    return `${named(duplicates)} ${duplicates.length === 1 ? 'is' : 'are'} recorded more than once as winning the drawing of lots.`;
  }
  const outsiders = lotWinners.filter((id) => !tie.candidates.includes(id));
  if (outsiders.length > 0) {
    return `${named(outsiders)} did not tie on ${formatNumber(tie.votes)} votes, so cannot win the drawing of lots. The tied candidates are ${named(tie.candidates)}.`;
  }
  if (lotWinners.length !== tie.seatsToFill) {
    return `${countOf(lotWinners.length, 'candidate is', 'candidates are')} recorded as winning the drawing of lots, but ${countOf(tie.seatsToFill, 'seat is', 'seats are')} decided by it.`;
  }
  return null;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
