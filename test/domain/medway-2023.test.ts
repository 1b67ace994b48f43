// Every figure Medway Council declared on 4 May 2023 must come out of the product's own arithmetic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDeclaration,
  councilComposition,
  councilControl,
  describeControl,
  describeProgress,
  electCandidates,
  majorityNeeded,
  progress,
  rejectedTotal,
  seatsUndeclared,
  turnoutPercent,
  verifiedTotal,
  type CandidateVotes,
  type ContestStatus,
  type CountFigures,
  type PartySeats,
} from '../../src/domain/index';

interface DeclaredCandidate {
  knownAs: string;
  party: string;
  votes: number;
  elected: boolean;
}

interface DeclaredContest {
  id: string;
  name: string;
  seats: number;
  electorate: number;
  ballotPapersVerified: { pollingStations: number; postal: number; total: number };
  turnoutPercent: number;
  rejected: CountFigures['rejected'] & { total: number };
  candidates: DeclaredCandidate[];
}

interface DeclaredElection {
  totalSeats: number;
  previousControl: string;
  contests: DeclaredContest[];
}

const medway = JSON.parse(
  readFileSync(new URL('../../db/demo/medway-2023.json', import.meta.url), 'utf8'),
) as DeclaredElection;

// Candidates are identified by ballot position; parties by the `party` name, for this test only.
function candidateVotes(contest: DeclaredContest): CandidateVotes[] {
  return contest.candidates.map((c, i) => ({ id: `${contest.id}#${i}`, partyId: c.party, votes: c.votes }));
}

function figures(contest: DeclaredContest): CountFigures {
  const { pollingStations, postal } = contest.ballotPapersVerified;
  const { noOfficialMark, tooManyVotes, identifiable, unmarkedOrUncertain } = contest.rejected;
  return {
    seats: contest.seats,
    electorate: contest.electorate,
    ballotPapersVerified: { pollingStations, postal },
    rejected: { noOfficialMark, tooManyVotes, identifiable, unmarkedOrUncertain },
    candidates: candidateVotes(contest),
  };
}

/** Party of each candidate the product elects in this contest. */
function partiesElected(contest: DeclaredContest): string[] {
  const candidates = candidateVotes(contest);
  const partyOf = new Map(candidates.map((c) => [c.id, c.partyId]));
  return electCandidates(candidates, contest.seats).elected.map((id) => partyOf.get(id) ?? '?');
}

function seatsPerParty(partyIds: readonly string[]): PartySeats[] {
  return partyIds.map((partyId) => ({ partyId, seats: 1 }));
}

function decimalsOf(n: number): number {
  return (String(n).split('.')[1] ?? '').length;
}

/**
 * The council prints turnout to 2 dp, but a figure may be given to fewer decimals: JSON drops
 * trailing zeros (31.90 arrives as 31.9), and for Rochester West and Borstal the council printed
 * 38.9 where 3,366 / 8,651 is 38.909…, which we give as 38.91. So the declared figure matches if our
 * 2 dp value, rounded (half away from zero) to as many decimals as the declared figure has, equals it.
 */
function turnoutMatchesDeclared(computed: number, declared: number): boolean {
  const decimals = decimalsOf(declared);
  if (decimals >= 2) return computed === declared;
  const hundredths = Math.round(computed * 100); // exact: computed is a whole number of hundredths
  const step = 10 ** (2 - decimals);
  return Math.round(hundredths / step) * step === Math.round(declared * 100);
}

describe('Medway 2023: the data set', () => {
  it('has 24 wards and 59 seats', () => {
    expect(medway.contests).toHaveLength(24);
    expect(medway.contests.reduce((sum, c) => sum + c.seats, 0)).toBe(59);
    expect(medway.totalSeats).toBe(59);
  });
});

describe.each(medway.contests)('Medway 2023: $name', (contest) => {
  it('elects exactly the candidates declared elected, with no tie', () => {
    const election = electCandidates(candidateVotes(contest), contest.seats);
    const declaredElected = candidateVotes(contest).filter((_, i) => contest.candidates[i]?.elected);
    expect([...election.elected].sort()).toEqual(declaredElected.map((c) => c.id).sort());
    expect(election.tie).toBeNull();
  });

  it('reproduces the rejected total from the four reasons', () => {
    expect(rejectedTotal(figures(contest).rejected)).toBe(contest.rejected.total);
  });

  it('reproduces the verified total from polling stations and postal', () => {
    expect(verifiedTotal(contest.ballotPapersVerified)).toBe(contest.ballotPapersVerified.total);
  });

  it('reproduces the declared turnout', () => {
    const computed = turnoutPercent(verifiedTotal(contest.ballotPapersVerified), contest.electorate);
    expect(computed).not.toBeNull();
    expect(turnoutMatchesDeclared(computed ?? NaN, contest.turnoutPercent)).toBe(true);
  });

  it('passes every check before declaring (so nothing blocks it)', () => {
    // Stronger than "nothing blocking": these real declarations add up, so there are no warnings either.
    expect(checkDeclaration(figures(contest))).toEqual([]);
  });
});

describe('Medway 2023: turnout to 2 dp', () => {
  it('differs from the printed figure only where the council printed fewer decimals', () => {
    const differing = medway.contests
      .filter((c) => turnoutPercent(verifiedTotal(c.ballotPapersVerified), c.electorate) !== c.turnoutPercent)
      .map((c) => [c.name, turnoutPercent(verifiedTotal(c.ballotPapersVerified), c.electorate), c.turnoutPercent]);
    expect(differing).toEqual([['Rochester West and Borstal', 38.91, 38.9]]);
  });
});

describe('Medway 2023: the council', () => {
  const won = seatsPerParty(medway.contests.flatMap(partiesElected));
  const composition = councilComposition(won, []);

  it('is Labour 33, Conservative 22, Independent 4', () => {
    expect(composition.map((p) => [p.partyId, p.seatsTotal])).toEqual([
      ['Labour', 33],
      ['Conservative', 22],
      ['Independent', 4],
    ]);
  });

  it('needs 30 of 59 for a majority', () => {
    expect(majorityNeeded(medway.totalSeats)).toBe(30);
  });

  it('is a Labour gain from Conservative', () => {
    const previousControl = medway.previousControl;
    expect(previousControl).toBe('Conservative');
    const control = councilControl({ totalSeats: medway.totalSeats, composition, seatsUndeclared: 0, previousControl });
    expect(control).toEqual({ status: 'majority', partyId: 'Labour', change: 'gain', seatsShort: null });
    expect(describeControl(control, (partyId) => partyId, previousControl)).toBe('Labour gain from Conservative');
  });
});

describe('Medway 2023: replaying the night ward by ward', () => {
  const replay = medway.contests.map((_, declaredSoFar) => {
    const statuses = medway.contests.map((c, i) => ({
      seats: c.seats,
      status: (i <= declaredSoFar ? 'declared' : 'awaiting') as ContestStatus,
    }));
    const declared = medway.contests.slice(0, declaredSoFar + 1);
    const composition = councilComposition(seatsPerParty(declared.flatMap(partiesElected)), []);
    const control = councilControl({
      totalSeats: medway.totalSeats,
      composition,
      seatsUndeclared: seatsUndeclared(statuses),
      previousControl: medway.previousControl,
    });
    // Counted from the declared "elected" marks, independently of the product's own election.
    const labourDeclared = declared.flatMap((c) => c.candidates).filter((c) => c.elected && c.party === 'Labour').length;
    return { ward: declared.at(-1)?.name, control, labourDeclared, progress: progress(statuses) };
  });

  it('stays undecided until Labour reaches 30, and becomes a Labour majority there', () => {
    const firstMajority = replay.findIndex((step) => step.control.status === 'majority');
    const labourReaches30 = replay.findIndex((step) => step.labourDeclared >= 30);
    expect(labourReaches30).toBeGreaterThan(0);
    expect(firstMajority).toBe(labourReaches30);
    expect(replay.slice(0, firstMajority).map((step) => step.control.status)).toEqual(
      Array(firstMajority).fill('undecided'),
    );
    expect(replay[firstMajority]?.ward).toBe('Watling');
    expect(replay[firstMajority]?.control).toEqual({ status: 'majority', partyId: 'Labour', change: 'gain', seatsShort: null });
  });

  it('shows Labour short of a majority just before', () => {
    const before = replay.find((step) => step.ward === 'Twydall');
    // After Twydall Labour have 28 of the 30 needed.
    expect(before?.control).toEqual({ status: 'undecided', partyId: 'Labour', change: null, seatsShort: 2 });
  });

  it('counts seats declared as it goes', () => {
    expect(replay.map((step) => describeProgress(step.progress))[0]).toBe('1 of 59 seats declared');
    expect(replay.map((step) => describeProgress(step.progress)).at(-1)).toBe('59 of 59 seats declared');
  });
});
