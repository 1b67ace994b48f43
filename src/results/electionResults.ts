// The public state of a whole election, as `GET /api/v1/elections/:id` returns it and as
// the results page renders it. Field names are a public contract: see README.
import {
  councilComposition,
  councilControl,
  describeControl,
  majorityNeeded,
  percentTo2dp,
  progress,
  seatsUndeclared,
  turnoutPercent,
  turnoutSoFar,
  verifiedTotal,
  type PartySeats,
} from '../domain';
import type { z } from 'zod';
import type { ElectionSnapshot } from '../../db/results';
import { contestSeatChanges, contestSummary, currentElectorate, electedIds, knownBallotPapers, latestVersion } from './contestResult';
import { publicUpdates } from './countUpdates';
import { partyDirectory } from './names';
import type { contestHeadlineSchema, electionResultsSchema, partyRefSchema, partyStandingSchema } from './publicSchemas';

// The shapes are defined once, as zod schemas (publicSchemas.ts), for the OpenAPI document.
export type PartyRef = z.infer<typeof partyRefSchema>;
export type PartyStanding = z.infer<typeof partyStandingSchema>;
export type ContestHeadline = z.infer<typeof contestHeadlineSchema>;
export type ElectionResults = z.infer<typeof electionResultsSchema>;

export function electionResults(snapshot: ElectionSnapshot): ElectionResults {
  const { election } = snapshot;
  const parties = partyDirectory(snapshot.parties);
  const candidateParty = new Map(snapshot.contests.flatMap((c) => c.candidates.map((cand) => [cand.id, cand.partyId])));

  const won = new Map<string, number>();
  const gains = new Map<string, number>();
  const losses = new Map<string, number>();
  const votes = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);

  // Gains and losses are only known where the definition says who held the seats before.
  const changesKnown = snapshot.contests.some((c) => c.previous.some((p) => p.seats > 0));
  let declaredWithoutPrevious = 0;

  const contests: ContestHeadline[] = snapshot.contests.map((contest) => {
    const elected = electedIds(contest);
    for (const id of elected) add(won, candidateParty.get(id)!, 1);
    const changes = contestSeatChanges(contest);
    if (elected.length > 0 && changes === null) declaredWithoutPrevious += 1;
    for (const g of changes?.gains ?? []) add(gains, g.partyId, g.seats);
    for (const l of changes?.losses ?? []) add(losses, l.partyId, l.seats);
    const latest = contest.status === 'declared' ? latestVersion(contest) : null;
    for (const v of latest?.votes ?? []) add(votes, candidateParty.get(v.candidateId)!, v.votes);
    const papers = knownBallotPapers(contest);
    return {
      id: contest.id,
      name: contest.name,
      seats: contest.seats,
      status: contest.status,
      declaredAt: latest?.declaredAt ?? null,
      version: latest?.version ?? null,
      summary: contestSummary(contest, parties),
      elected,
      turnoutPercent: papers ? turnoutPercent(verifiedTotal(papers), currentElectorate(contest)) : null,
      expectedDeclaration: contest.expectedDeclaration,
    };
  });
  const turnout = turnoutSoFar(
    snapshot.contests.map((c) => {
      const papers = knownBallotPapers(c);
      return { electorate: currentElectorate(c), ballotPapers: papers ? verifiedTotal(papers) : null };
    }),
  );

  const wonSeats: PartySeats[] = [...won].map(([partyId, seats]) => ({ partyId, seats }));
  const composition = councilComposition(wonSeats, snapshot.continuing);
  const control = councilControl({
    totalSeats: election.totalSeats,
    composition,
    seatsUndeclared: seatsUndeclared(snapshot.contests),
    previousControl: election.previousControl,
  });
  const totals = new Map(composition.map((t) => [t.partyId, t]));
  const votesCast = [...votes.values()].reduce((sum, n) => sum + n, 0);
  const ref = (id: string): PartyRef => ({ id, name: parties.name(id), colour: parties.colour(id) });

  const standings: PartyStanding[] = snapshot.parties
    .map((p) => ({
      ...ref(p.id),
      shortName: p.shortName,
      seatsWon: totals.get(p.id)?.seatsWon ?? 0,
      seatsContinuing: totals.get(p.id)?.seatsContinuing ?? 0,
      seatsTotal: totals.get(p.id)?.seatsTotal ?? 0,
      gains: changesKnown ? (gains.get(p.id) ?? 0) : null,
      losses: changesKnown ? (losses.get(p.id) ?? 0) : null,
      votes: votes.get(p.id) ?? 0,
      voteSharePercent: votesCast > 0 ? percentTo2dp(votes.get(p.id) ?? 0, votesCast) : null,
    }))
    .sort((a, b) => b.seatsTotal - a.seatsTotal || b.votes - a.votes || a.name.localeCompare(b.name));

  return {
    id: election.id,
    name: election.name,
    organisation: election.organisation,
    date: election.date,
    updatedAt: election.updatedAt,
    seats: { total: election.totalSeats, majorityNeeded: majorityNeeded(election.totalSeats) },
    progress: progress(snapshot.contests),
    rehearsal: election.rehearsal,
    countStarts: election.countStarts,
    turnout: turnout && { percent: turnout.percent, contests: turnout.wards },
    declaredWithoutPrevious,
    control: {
      status: control.status,
      party: control.partyId ? ref(control.partyId) : null,
      change: control.change,
      summary: describeControl(control, parties.name, election.previousControl),
    },
    parties: standings,
    contests,
    updates: publicUpdates(snapshot),
  };
}
