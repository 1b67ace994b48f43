import { describe, expect, it } from 'vitest';
import { checkDeclaration, type Check } from '../../src/domain/checks';
import type { CountFigures } from '../../src/domain/types';

const noRejected = { noOfficialMark: 0, tooManyVotes: 0, identifiable: 0, unmarkedOrUncertain: 0 };

/** A contest whose figures add up, to be spoilt one way per case. */
function figures(overrides: Partial<CountFigures> & { votes?: number[] }): CountFigures {
  const { votes = [500, 300], ...rest } = overrides;
  return {
    seats: 1,
    electorate: 2000,
    ballotPapersVerified: { pollingStations: 600, postal: 200 },
    rejected: noRejected,
    candidates: votes.map((v, i) => ({ id: String.fromCharCode(97 + i), partyId: 'P', votes: v })),
    ...rest,
  };
}

describe('checkDeclaration', () => {
  const cases: { why: string; figures: CountFigures; expected: Check[] }[] = [
    {
      why: 'a candidate above the ballot papers verified (a digit typed twice)',
      figures: figures({ votes: [5000, 300], seats: 2, ballotPapersVerified: { pollingStations: 3000, postal: 1000 }, electorate: 8000 }),
      expected: [
        { code: 'votes-above-verified', blocking: false, message: 'a has 5,000 votes, more than the 4,000 ballot papers verified. Check for a slipped digit.' },
        { code: 'votes-out-of-line', blocking: false, message: 'a has 5,000 votes, 16 times the next highest (b, 300). Check for an extra digit.' },
      ],
    },
    {
      why: 'the winner ten times the runner-up, in a two-seat ward whose papers allow it',
      figures: figures({ seats: 2, votes: [3000, 300, 280], ballotPapersVerified: { pollingStations: 3000, postal: 500 }, electorate: 8000 }),
      expected: [{ code: 'votes-out-of-line', blocking: false, message: 'a has 3,000 votes, 10 times the next highest (b, 300). Check for an extra digit.' }],
    },
    {
      why: 'the winner nine times the runner-up: a landslide, not a slip',
      figures: figures({ seats: 2, votes: [2700, 300, 280], ballotPapersVerified: { pollingStations: 3000, postal: 500 }, electorate: 8000 }),
      expected: [],
    },
    { why: 'a runner-up with no votes is no yardstick', figures: figures({ seats: 2, votes: [700, 0] }), expected: [] },
    {
      why: 'rejected papers above 5% of those verified',
      figures: figures({ seats: 2, votes: [700, 600], rejected: { ...noRejected, unmarkedOrUncertain: 41 } }),
      expected: [
        { code: 'rejected-high', blocking: false, message: '41 rejected ballot papers are 5.13% of the 800 verified, and more than 5% is unusual. Check each reason\'s figure.' },
      ],
    },
    { why: 'rejected papers at exactly 5%', figures: figures({ seats: 2, votes: [700, 600], rejected: { ...noRejected, unmarkedOrUncertain: 40 } }), expected: [] },
    { why: 'single seat that adds up', figures: figures({}), expected: [] },
    {
      why: 'single seat: votes + rejected short of verified',
      figures: figures({
        votes: [500, 460],
        rejected: { ...noRejected, tooManyVotes: 4, unmarkedOrUncertain: 1 },
        ballotPapersVerified: { pollingStations: 600, postal: 370 },
      }),
      expected: [
        {
          code: 'votes-plus-rejected-mismatch',
          blocking: false,
          message:
            'Votes (960) plus rejected ballot papers (5) come to 965, but 970 ballot papers were verified: a difference of 5.',
        },
      ],
    },
    {
      why: 'single seat: votes + rejected more than verified, with thousands',
      figures: figures({
        votes: [700, 500],
        rejected: { ...noRejected, noOfficialMark: 10 },
        ballotPapersVerified: { pollingStations: 1000, postal: 205 },
      }),
      expected: [
        {
          code: 'votes-plus-rejected-mismatch',
          blocking: false,
          message:
            'Votes (1,200) plus rejected ballot papers (10) come to 1,210, but 1,205 ballot papers were verified: a difference of 5.',
        },
      ],
    },
    {
      why: 'two seats, votes at the most possible (every voter used both votes)',
      figures: figures({
        seats: 2,
        votes: [990, 990],
        rejected: { ...noRejected, identifiable: 10 },
        ballotPapersVerified: { pollingStations: 1000, postal: 0 },
      }),
      expected: [],
    },
    {
      why: 'two seats, fewer votes than papers: voters need not use every vote',
      figures: figures({ seats: 2, votes: [300, 200, 100] }),
      expected: [],
    },
    {
      why: 'two seats, one vote more than possible',
      figures: figures({
        seats: 2,
        votes: [991, 990],
        rejected: { ...noRejected, identifiable: 10 },
        ballotPapersVerified: { pollingStations: 1000, postal: 0 },
      }),
      expected: [
        {
          code: 'votes-exceed-possible',
          blocking: false,
          message:
            'Votes come to 1,981, but 990 valid ballot papers (1,000 verified less 10 rejected) with 2 votes each allow at most 1,980: 1 too many.',
        },
      ],
    },
    {
      why: 'turnout exactly 100% is possible',
      figures: figures({ electorate: 800 }),
      expected: [],
    },
    {
      why: 'turnout over 100%',
      figures: figures({ votes: [501, 500], electorate: 1000, ballotPapersVerified: { pollingStations: 1001, postal: 0 } }),
      expected: [
        {
          code: 'turnout-over-100',
          blocking: false,
          message: '1,001 ballot papers were verified but the electorate is 1,000: a turnout of 100.10%, which is not possible.',
        },
      ],
    },
    {
      why: 'over 100% by less than a rounding step still warns (100.004% shows as 100.00%)',
      figures: figures({
        votes: [20001, 5000],
        electorate: 25000,
        ballotPapersVerified: { pollingStations: 25001, postal: 0 },
      }),
      expected: [
        {
          code: 'turnout-over-100',
          blocking: false,
          message: '25,001 ballot papers were verified but the electorate is 25,000: a turnout of 100.00%, which is not possible.',
        },
      ],
    },
    {
      why: 'zero electorate with ballot papers verified',
      figures: figures({ electorate: 0 }),
      expected: [
        {
          code: 'turnout-over-100',
          blocking: false,
          message: '800 ballot papers were verified but the electorate is 0: a turnout of more than 100%, which is not possible.',
        },
      ],
    },
    {
      why: 'unresolved tie for the last of 3 seats blocks',
      figures: figures({ seats: 3, votes: [300, 250, 200, 200, 50] }),
      expected: [
        {
          code: 'tie-needs-lots',
          blocking: true,
          message: 'c and d tie on 200 votes for the last seat. Draw lots, then record who won before declaring.',
        },
      ],
    },
    {
      why: 'unresolved three-way tie for the last 2 seats',
      figures: figures({ seats: 3, votes: [300, 200, 200, 200] }),
      expected: [
        {
          code: 'tie-needs-lots',
          blocking: true,
          message: 'b, c and d tie on 200 votes for the last 2 seats. Draw lots, then record who won before declaring.',
        },
      ],
    },
    {
      why: 'tie resolved by lot: nothing to report',
      figures: figures({ seats: 3, votes: [300, 250, 200, 200, 50], lotWinners: ['c'] }),
      expected: [],
    },
    {
      why: 'bad lot winners block, and the tie still needs lots',
      figures: figures({ seats: 3, votes: [300, 250, 200, 200, 50], lotWinners: ['e'] }),
      expected: [
        {
          code: 'lot-winners-invalid',
          blocking: true,
          message: 'e did not tie on 200 votes, so cannot win the drawing of lots. The tied candidates are c and d.',
        },
        {
          code: 'tie-needs-lots',
          blocking: true,
          message: 'c and d tie on 200 votes for the last seat. Draw lots, then record who won before declaring.',
        },
      ],
    },
    {
      why: 'lot winners recorded without a tie block',
      figures: figures({ lotWinners: ['b'] }),
      expected: [
        {
          code: 'lot-winners-invalid',
          blocking: true,
          message:
            'Winners of a drawing of lots are recorded, but no candidates tie for the last seat. Remove them, or check the votes.',
        },
      ],
    },
    {
      why: 'several problems at once, arithmetic first',
      figures: figures({ votes: [400, 400], electorate: 700 }),
      expected: [
        {
          code: 'turnout-over-100',
          blocking: false,
          message: '800 ballot papers were verified but the electorate is 700: a turnout of 114.29%, which is not possible.',
        },
        {
          code: 'tie-needs-lots',
          blocking: true,
          message: 'a and b tie on 400 votes for the last seat. Draw lots, then record who won before declaring.',
        },
      ],
    },
  ];

  it.each(cases)('$why', ({ figures, expected }) => {
    expect(checkDeclaration(figures)).toEqual(expected);
  });

  it.each([
    { why: 'figures as in the statement', statement: { pollingStations: 600, postal: 200 }, expected: [] },
    { why: 'no statement published', statement: null, expected: [] },
    {
      why: 'postal papers changed since the statement',
      statement: { pollingStations: 600, postal: 180 },
      expected: [
        {
          code: 'verified-differs-from-statement',
          blocking: false,
          message: 'The verified ballot papers (800: 600 from polling stations, 200 postal) differ from the verification statement published earlier (780: 600 and 180).',
        },
      ],
    },
  ])('checks the figures against the verification statement: $why', ({ statement, expected }) => {
    expect(checkDeclaration(figures({}), { statement })).toEqual(expected);
  });

  it('names candidates the way the caller asks', () => {
    const names: Record<string, string> = { a: 'Jane Smith', b: 'Ali Khan' };
    const checks = checkDeclaration(figures({ votes: [400, 400] }), { candidateName: (id) => names[id] ?? id });
    expect(checks.map((c) => c.message)).toEqual([
      'Jane Smith and Ali Khan tie on 400 votes for the last seat. Draw lots, then record who won before declaring.',
    ]);
  });
});
