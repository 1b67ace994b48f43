// What a post says about one declaration, gathered from the election as it stood when the
// declaration was recorded. The words come later (compose.ts); these are the facts.
import type { ElectionSnapshot } from '../../../db/results';
import { describeChanges, formatNumber } from '../../domain';
import { contestResult, contestSeatChanges, type ContestResult } from '../../results/contestResult';
import { electionResults } from '../../results/electionResults';
import { partyDirectory } from '../../results/names';
import { snapshotAsOf, type DeclarationRef } from './asOf';

export interface ElectedFact {
  name: string;
  surname: string;
  partyShort: string;
  votes: number | null;
  byLot: boolean;
}

export interface DeclarationFacts {
  electionId: string;
  contestId: string;
  ward: string;
  version: number;
  seats: number;
  /** The correction's reason; null on version 1. */
  reason: string | null;
  /** "Labour gain from Conservative", or "Independent win" without previous data. */
  result: string;
  /** "Lab gain from Con", as on the results page. */
  summary: string;
  /** Most votes first. */
  elected: ElectedFact[];
  majority: number | null;
  turnoutPercent: number | null;
  /** "Lab 28 seats, 30 needed for a majority"; null before any party has a seat. */
  council: string | null;
  /** The public result of this version, for machine readers (the webhook). */
  contest: ContestResult;
}

/** Null when the declaration is not in the snapshot (it belongs to another election). */
export function declarationFacts(snapshot: ElectionSnapshot, ref: DeclarationRef): DeclarationFacts | null {
  const asOf = snapshotAsOf(snapshot, ref);
  const contest = asOf?.contests.find((c) => c.id === ref.contestId);
  if (!asOf || !contest) return null;
  const parties = partyDirectory(asOf.parties);
  const result = contestResult(asOf.election.id, contest, parties);
  const byId = new Map(contest.candidates.map((c) => [c.id, c]));
  const version = contest.versions.at(-1)!;
  const changes = contestSeatChanges(contest);
  const elected = result.candidates
    .filter((c) => c.elected)
    .map((c) => ({ name: c.name, surname: byId.get(c.id)?.surname ?? c.name, partyShort: parties.shortName(c.party.id), votes: c.votes, byLot: c.electedByLot }));
  return {
    electionId: asOf.election.id,
    contestId: contest.id,
    ward: contest.name,
    version: ref.version,
    seats: contest.seats,
    reason: version.reason,
    result: changes ? describeChanges(changes, parties.name) : winsInWords(parties, result),
    summary: result.summary,
    elected,
    majority: result.majority,
    turnoutPercent: result.turnoutPercent,
    council: councilInWords(asOf),
    contest: result,
  };
}

/** Without previous data: "Independent win", "Labour win both seats", "Labour win all 3 seats", "Labour win 2 seats, Conservative 1". */
function winsInWords(parties: ReturnType<typeof partyDirectory>, result: ContestResult): string {
  const seats = new Map<string, number>();
  for (const c of result.candidates) if (c.elected) seats.set(c.party.id, (seats.get(c.party.id) ?? 0) + 1);
  const ranked = [...seats.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [first, ...rest] = ranked;
  if (!first) return 'No one elected';
  if (result.seats === 1) return `${parties.name(first[0])} win`;
  if (!rest.length) return `${parties.name(first[0])} win ${first[1] === 2 ? 'both' : `all ${formatNumber(first[1])}`} seats`;
  const others = rest.map(([party, n]) => `${parties.name(party)} ${formatNumber(n)}`).join(', ');
  return `${parties.name(first[0])} win ${formatNumber(first[1])} ${first[1] === 1 ? 'seat' : 'seats'}, ${others}`;
}

/** The council-wide state in a few words, from the public election results. */
function councilInWords(snapshot: ElectionSnapshot): string | null {
  const results = electionResults(snapshot);
  const { control, seats } = results;
  const leader = control.party ? results.parties.find((p) => p.id === control.party!.id) : undefined;
  switch (control.status) {
    case 'majority':
      return `${control.summary} with ${formatNumber(leader?.seatsTotal ?? 0)} of ${formatNumber(seats.total)} seats`;
    case 'noc':
      return control.summary;
    case 'undecided':
      if (!leader) return results.parties.some((p) => p.seatsTotal > 0) ? `no party leads, ${formatNumber(seats.majorityNeeded)} needed for a majority` : null;
      return `${leader.shortName} ${formatNumber(leader.seatsTotal)} ${leader.seatsTotal === 1 ? 'seat' : 'seats'}, ${formatNumber(seats.majorityNeeded)} needed for a majority`;
  }
}
