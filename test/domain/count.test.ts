import { describe, expect, it } from 'vitest';
import {
  majority,
  rejectedTotal,
  turnoutPercent,
  turnoutSoFar,
  validVotes,
  verifiedTotal,
  voteShares,
} from '../../src/domain/count';
import type { CandidateVotes } from '../../src/domain/types';

/** Candidates a, b, c… with the given votes, all of party P. */
function candidates(...votes: number[]): CandidateVotes[] {
  return votes.map((v, i) => ({ id: String.fromCharCode(97 + i), partyId: 'P', votes: v }));
}

describe('rejectedTotal', () => {
  it.each([
    { rejected: { noOfficialMark: 0, tooManyVotes: 0, identifiable: 0, unmarkedOrUncertain: 0 }, expected: 0 },
    { rejected: { noOfficialMark: 1, tooManyVotes: 2, identifiable: 3, unmarkedOrUncertain: 4 }, expected: 10 },
    { rejected: { noOfficialMark: 0, tooManyVotes: 4, identifiable: 0, unmarkedOrUncertain: 1 }, expected: 5 },
    { rejected: { noOfficialMark: 7, tooManyVotes: 0, identifiable: 0, unmarkedOrUncertain: 0 }, expected: 7 },
    { rejected: { noOfficialMark: 0, tooManyVotes: 0, identifiable: 3, unmarkedOrUncertain: 0 }, expected: 3 },
  ])('$expected from $rejected', ({ rejected, expected }) => {
    expect(rejectedTotal(rejected)).toBe(expected);
  });
});

describe('verifiedTotal', () => {
  it.each([
    { pollingStations: 634, postal: 331, expected: 965 },
    { pollingStations: 0, postal: 12, expected: 12 },
    { pollingStations: 2269, postal: 0, expected: 2269 },
  ])('$pollingStations + $postal = $expected', ({ pollingStations, postal, expected }) => {
    expect(verifiedTotal({ pollingStations, postal })).toBe(expected);
  });
});

describe('turnoutPercent', () => {
  it.each([
    { verified: 965, electorate: 3495, expected: 27.61 },
    { verified: 0, electorate: 3495, expected: 0 },
    { verified: 1, electorate: 3, expected: 33.33 },
    { verified: 2, electorate: 3, expected: 66.67 },
    { verified: 201, electorate: 20000, expected: 1.01 },
    { verified: 1001, electorate: 1000, expected: 100.1 },
    { verified: 10, electorate: 0, expected: null },
    { verified: 0, electorate: 0, expected: null },
  ])('$verified of $electorate → $expected', ({ verified, electorate, expected }) => {
    expect(turnoutPercent(verified, electorate)).toBe(expected);
  });
});

describe('validVotes', () => {
  it.each([
    { votes: [], expected: 0 },
    { votes: [295], expected: 295 },
    { votes: [34, 118, 49, 190, 22, 295, 252], expected: 960 },
  ])('$votes → $expected', ({ votes, expected }) => {
    expect(validVotes(candidates(...votes))).toBe(expected);
  });
});

describe('voteShares', () => {
  it.each([
    { votes: [1, 1, 1], expected: { a: 33.33, b: 33.33, c: 33.33 } },
    { votes: [1, 2], expected: { a: 33.33, b: 66.67 } },
    { votes: [3, 1], expected: { a: 75, b: 25 } },
    { votes: [1, 31], expected: { a: 3.13, b: 96.88 } }, // 3.125 and 96.875: both halves round up
    { votes: [0, 0], expected: { a: 0, b: 0 } },
    { votes: [0, 7], expected: { a: 0, b: 100 } },
    { votes: [], expected: {} },
  ])('$votes → $expected', ({ votes, expected }) => {
    expect(Object.fromEntries(voteShares(candidates(...votes)))).toEqual(expected);
  });
});

describe('majority', () => {
  it.each([
    { why: 'single seat: winner − runner-up', votes: [100, 500, 300], elected: ['b'], expected: 200 },
    { why: 'single seat won by one vote', votes: [41, 40], elected: ['a'], expected: 1 },
    {
      why: 'three seats: lowest elected (700) − highest not elected (650)',
      votes: [900, 800, 700, 600, 650],
      elected: ['a', 'b', 'c'],
      expected: 50,
    },
    { why: 'tie settled by lot: 0', votes: [50, 30, 30], elected: ['a', 'c'], expected: 0 },
    { why: 'everyone elected (uncontested): nothing to compare', votes: [0, 0], elected: ['a', 'b'], expected: null },
    { why: 'nobody elected yet', votes: [10, 10], elected: [], expected: null },
  ])('$why', ({ votes, elected, expected }) => {
    expect(majority(candidates(...votes), elected)).toBe(expected);
  });
});

describe('turnoutSoFar', () => {
  it.each([
    { why: 'nothing known yet', wards: [{ electorate: 3000, ballotPapers: null }], expected: null },
    { why: 'one ward', wards: [{ electorate: 4000, ballotPapers: 1000 }, { electorate: 3000, ballotPapers: null }], expected: { percent: 25, wards: 1 } },
    {
      why: 'weighted by electors, not an average of percentages (25% and 50% make 30%, not 37.5%)',
      wards: [{ electorate: 8000, ballotPapers: 2000 }, { electorate: 2000, ballotPapers: 1000 }],
      expected: { percent: 30, wards: 2 },
    },
    { why: 'rounded to 2 dp like every turnout', wards: [{ electorate: 3495, ballotPapers: 1060 }], expected: { percent: 30.33, wards: 1 } },
    { why: 'a ward with no electorate is left out', wards: [{ electorate: 0, ballotPapers: 0 }], expected: null },
  ])('$why', ({ wards, expected }) => {
    expect(turnoutSoFar(wards)).toEqual(expected);
  });
});
