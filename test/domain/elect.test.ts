import { describe, expect, it } from 'vitest';
import { electCandidates, lotWinnersProblem, type Election } from '../../src/domain/elect';
import type { CandidateVotes } from '../../src/domain/types';

/** Candidates a, b, c… in ballot order with the given votes. */
function candidates(...votes: number[]): CandidateVotes[] {
  return votes.map((v, i) => ({ id: String.fromCharCode(97 + i), partyId: 'P', votes: v }));
}

describe('electCandidates', () => {
  const cases: { why: string; votes: number[]; seats: number; lotWinners?: string[]; expected: Election }[] = [
    {
      why: 'single seat, clear winner',
      votes: [10, 20, 5],
      seats: 1,
      expected: { elected: ['b'], electedByLot: [], tie: null },
    },
    {
      why: 'three seats, elected in order of votes',
      votes: [10, 30, 20, 5],
      seats: 3,
      expected: { elected: ['b', 'c', 'a'], electedByLot: [], tie: null },
    },
    {
      why: '2 tied for the last of 3 seats, no lots yet: only the clear winners',
      votes: [50, 40, 30, 30, 10],
      seats: 3,
      expected: {
        elected: ['a', 'b'],
        electedByLot: [],
        tie: { candidates: ['c', 'd'], votes: 30, seatsToFill: 1, resolved: false },
      },
    },
    {
      why: '2 tied for the last of 3 seats, d wins the lots',
      votes: [50, 40, 30, 30, 10],
      seats: 3,
      lotWinners: ['d'],
      expected: {
        elected: ['a', 'b', 'd'],
        electedByLot: ['d'],
        tie: { candidates: ['c', 'd'], votes: 30, seatsToFill: 1, resolved: true },
      },
    },
    {
      why: '3 tied for the last 2 of 3 seats, lots entered out of ballot order',
      votes: [50, 20, 20, 20],
      seats: 3,
      lotWinners: ['d', 'b'],
      expected: {
        elected: ['a', 'b', 'd'],
        electedByLot: ['b', 'd'],
        tie: { candidates: ['b', 'c', 'd'], votes: 20, seatsToFill: 2, resolved: true },
      },
    },
    {
      why: 'single seat dead heat',
      votes: [10, 10, 3],
      seats: 1,
      expected: {
        elected: [],
        electedByLot: [],
        tie: { candidates: ['a', 'b'], votes: 10, seatsToFill: 1, resolved: false },
      },
    },
    {
      why: 'lot winners naming too many candidates leave the tie unresolved',
      votes: [50, 40, 30, 30, 10],
      seats: 3,
      lotWinners: ['c', 'd'],
      expected: {
        elected: ['a', 'b'],
        electedByLot: [],
        tie: { candidates: ['c', 'd'], votes: 30, seatsToFill: 1, resolved: false },
      },
    },
    {
      why: 'a lot winner outside the tied group leaves the tie unresolved',
      votes: [50, 40, 30, 30, 10],
      seats: 3,
      lotWinners: ['e'],
      expected: {
        elected: ['a', 'b'],
        electedByLot: [],
        tie: { candidates: ['c', 'd'], votes: 30, seatsToFill: 1, resolved: false },
      },
    },
    {
      why: 'the same lot winner twice does not fill two seats',
      votes: [50, 20, 20, 20],
      seats: 3,
      lotWinners: ['b', 'b'],
      expected: {
        elected: ['a'],
        electedByLot: [],
        tie: { candidates: ['b', 'c', 'd'], votes: 20, seatsToFill: 2, resolved: false },
      },
    },
    {
      why: 'tie among the winners does not straddle the last seat',
      votes: [50, 50, 10],
      seats: 2,
      expected: { elected: ['a', 'b'], electedByLot: [], tie: null },
    },
    {
      why: 'tie among the losers does not straddle the last seat',
      votes: [50, 10, 10],
      seats: 1,
      expected: { elected: ['a'], electedByLot: [], tie: null },
    },
    {
      why: 'lots recorded where there is no tie are ignored',
      votes: [50, 10, 10],
      seats: 1,
      lotWinners: ['b'],
      expected: { elected: ['a'], electedByLot: [], tie: null },
    },
    {
      why: 'uncontested: as many candidates as seats, all elected, no tie although all have 0 votes',
      votes: [0, 0],
      seats: 2,
      expected: { elected: ['a', 'b'], electedByLot: [], tie: null },
    },
    {
      why: 'uncontested: fewer candidates than seats',
      votes: [0],
      seats: 2,
      expected: { elected: ['a'], electedByLot: [], tie: null },
    },
  ];

  it.each(cases)('$why', ({ votes, seats, lotWinners, expected }) => {
    expect(electCandidates(candidates(...votes), seats, lotWinners)).toEqual(expected);
  });
});

describe('lotWinnersProblem', () => {
  const tieForOne = { candidates: ['c', 'd'], votes: 30, seatsToFill: 1, resolved: false };
  const tieForTwo = { candidates: ['b', 'c', 'd'], votes: 1200, seatsToFill: 2, resolved: false };

  it.each([
    { why: 'none recorded yet', tie: tieForOne, lotWinners: undefined, expected: null },
    { why: 'empty list', tie: tieForOne, lotWinners: [], expected: null },
    { why: 'one winner for one seat', tie: tieForOne, lotWinners: ['d'], expected: null },
    { why: 'two winners for two seats', tie: tieForTwo, lotWinners: ['d', 'b'], expected: null },
    { why: 'no tie, nothing recorded', tie: null, lotWinners: undefined, expected: null },
    {
      why: 'recorded without a tie',
      tie: null,
      lotWinners: ['a'],
      expected:
        'Winners of a drawing of lots are recorded, but no candidates tie for the last seat. Remove them, or check the votes.',
    },
    {
      why: 'wrong number',
      tie: tieForOne,
      lotWinners: ['c', 'd'],
      expected: '2 candidates are recorded as winning the drawing of lots, but 1 seat is decided by it.',
    },
    {
      why: 'too few',
      tie: tieForTwo,
      lotWinners: ['c'],
      expected: '1 candidate is recorded as winning the drawing of lots, but 2 seats are decided by it.',
    },
    {
      why: 'not in the tied group',
      tie: tieForOne,
      lotWinners: ['e'],
      expected: 'e did not tie on 30 votes, so cannot win the drawing of lots. The tied candidates are c and d.',
    },
    {
      why: 'not in the tied group, thousands separator',
      tie: tieForTwo,
      lotWinners: ['a', 'b'],
      expected: 'a did not tie on 1,200 votes, so cannot win the drawing of lots. The tied candidates are b, c and d.',
    },
    {
      why: 'duplicates',
      tie: tieForTwo,
      lotWinners: ['c', 'c'],
      expected: 'c is recorded more than once as winning the drawing of lots.',
    },
  ])('$why', ({ tie, lotWinners, expected }) => {
    expect(lotWinnersProblem(tie, lotWinners)).toBe(expected);
  });

  it('names candidates the way the caller asks', () => {
    const names: Record<string, string> = { c: 'Jane Smith', d: 'Ali Khan', e: 'Bob Jones' };
    expect(lotWinnersProblem(tieForOne, ['e'], (id) => names[id] ?? id)).toBe(
      'Bob Jones did not tie on 30 votes, so cannot win the drawing of lots. The tied candidates are Jane Smith and Ali Khan.',
    );
  });
});
