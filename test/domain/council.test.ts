import { describe, expect, it } from 'vitest';
import {
  councilComposition,
  councilControl,
  describeContestProgress,
  describeControl,
  describeProgress,
  majorityNeeded,
  progress,
  seatsUndeclared,
  type Control,
  type PartyTotal,
} from '../../src/domain/council';
import type { ContestStatus } from '../../src/domain/contestStatus';

const partyNames: Record<string, string> = { lab: 'Labour', con: 'Conservative', ind: 'Independent', ld: 'Liberal Democrats' };
const name = (partyId: string) => partyNames[partyId] ?? `?${partyId}`;

/** Composition from seat totals, all won tonight. */
function seats(totals: Record<string, number>): PartyTotal[] {
  return councilComposition(
    Object.entries(totals).map(([partyId, s]) => ({ partyId, seats: s })),
    [],
  );
}

describe('majorityNeeded', () => {
  it.each([
    [59, 30],
    [60, 31],
    [55, 28],
    [1, 1],
    [2, 2],
    [3, 2],
  ])('%d seats → %d', (total, expected) => {
    expect(majorityNeeded(total)).toBe(expected);
  });
});

describe('councilComposition', () => {
  it('adds seats won and continuing per party, most seats first', () => {
    expect(
      councilComposition(
        [
          { partyId: 'lab', seats: 2 },
          { partyId: 'con', seats: 1 },
          { partyId: 'lab', seats: 1 },
        ],
        [
          { partyId: 'con', seats: 3 },
          { partyId: 'ind', seats: 1 },
        ],
      ),
    ).toEqual([
      { partyId: 'con', seatsWon: 1, seatsContinuing: 3, seatsTotal: 4 },
      { partyId: 'lab', seatsWon: 3, seatsContinuing: 0, seatsTotal: 3 },
      { partyId: 'ind', seatsWon: 0, seatsContinuing: 1, seatsTotal: 1 },
    ]);
  });

  it('orders parties level on seats by party id', () => {
    expect(
      councilComposition(
        [
          { partyId: 'ld', seats: 2 },
          { partyId: 'con', seats: 2 },
        ],
        [],
      ).map((p) => p.partyId),
    ).toEqual(['con', 'ld']);
  });

  it('is empty before anything is won', () => {
    expect(councilComposition([], [])).toEqual([]);
  });
});

describe('councilControl and describeControl', () => {
  const cases: {
    why: string;
    totalSeats?: number;
    composition: PartyTotal[];
    seatsUndeclared: number;
    previousControl: string | null;
    expected: Control;
    words: string;
  }[] = [
    {
      why: 'majority reached, taken from another party',
      composition: seats({ lab: 30, con: 20 }),
      seatsUndeclared: 9,
      previousControl: 'con',
      expected: { status: 'majority', partyId: 'lab', change: 'gain', seatsShort: null },
      words: 'Labour gain from Conservative',
    },
    {
      why: 'majority kept',
      composition: seats({ con: 31, lab: 20 }),
      seatsUndeclared: 8,
      previousControl: 'con',
      expected: { status: 'majority', partyId: 'con', change: 'hold', seatsShort: null },
      words: 'Conservative hold',
    },
    {
      why: 'majority won from no overall control',
      composition: seats({ lab: 33, con: 22, ind: 4 }),
      seatsUndeclared: 0,
      previousControl: null,
      expected: { status: 'majority', partyId: 'lab', change: 'gain', seatsShort: null },
      words: 'Labour gain from no overall control',
    },
    {
      why: 'NOC early: 25 + 4 undeclared cannot reach 30',
      composition: seats({ lab: 25, con: 25, ind: 5 }),
      seatsUndeclared: 4,
      previousControl: 'con',
      expected: { status: 'noc', partyId: null, change: 'gain', seatsShort: null },
      words: 'No overall control, gain from Conservative',
    },
    {
      why: 'not NOC yet while the leader could just reach it: 25 + 5 = 30',
      composition: seats({ lab: 25, con: 24, ind: 5 }),
      seatsUndeclared: 5,
      previousControl: 'con',
      expected: { status: 'undecided', partyId: 'lab', change: null, seatsShort: 5 },
      words: 'Labour need 5 more for a majority',
    },
    {
      why: 'NOC when everything is declared and nobody has 30',
      composition: seats({ lab: 29, con: 25, ind: 5 }),
      seatsUndeclared: 0,
      previousControl: 'con',
      expected: { status: 'noc', partyId: null, change: 'gain', seatsShort: null },
      words: 'No overall control, gain from Conservative',
    },
    {
      why: 'NOC again after NOC',
      composition: seats({ lab: 29, con: 25, ind: 5 }),
      seatsUndeclared: 0,
      previousControl: null,
      expected: { status: 'noc', partyId: null, change: 'hold', seatsShort: null },
      words: 'No overall control, no change',
    },
    {
      why: 'undecided with a leader',
      composition: seats({ lab: 26, con: 20 }),
      seatsUndeclared: 13,
      previousControl: 'con',
      expected: { status: 'undecided', partyId: 'lab', change: null, seatsShort: 4 },
      words: 'Labour need 4 more for a majority',
    },
    {
      why: 'undecided, one short',
      composition: seats({ con: 29, lab: 20 }),
      seatsUndeclared: 10,
      previousControl: 'con',
      expected: { status: 'undecided', partyId: 'con', change: null, seatsShort: 1 },
      words: 'Conservative need 1 more for a majority',
    },
    {
      why: 'undecided, level at the top',
      composition: seats({ lab: 20, con: 20, ind: 1 }),
      seatsUndeclared: 18,
      previousControl: 'con',
      expected: { status: 'undecided', partyId: null, change: null, seatsShort: null },
      words: 'No party has a majority yet',
    },
    {
      why: 'nothing declared yet',
      composition: [],
      seatsUndeclared: 59,
      previousControl: 'con',
      expected: { status: 'undecided', partyId: null, change: null, seatsShort: null },
      words: 'No party has a majority yet',
    },
    {
      why: 'continuing councillors count towards the majority (55 seats, 28 needed)',
      totalSeats: 55,
      composition: councilComposition([{ partyId: 'lab', seats: 10 }], [
        { partyId: 'lab', seats: 18 },
        { partyId: 'con', seats: 20 },
      ]),
      seatsUndeclared: 7,
      previousControl: 'con',
      expected: { status: 'majority', partyId: 'lab', change: 'gain', seatsShort: null },
      words: 'Labour gain from Conservative',
    },
  ];

  it.each(cases)('$why', ({ totalSeats = 59, composition, seatsUndeclared, previousControl, expected, words }) => {
    const control = councilControl({ totalSeats, composition, seatsUndeclared, previousControl });
    expect(control).toEqual(expected);
    expect(describeControl(control, name, previousControl)).toBe(words);
  });
});

describe('progress', () => {
  const night: { seats: number; status: ContestStatus }[] = [
    { seats: 3, status: 'declared' },
    { seats: 1, status: 'uncontested' },
    { seats: 2, status: 'counting' },
    { seats: 3, status: 'awaiting' },
    { seats: 2, status: 'recount' },
    { seats: 1, status: 'postponed' },
  ];

  it('counts declared and uncontested as declared, and leaves postponed contests out', () => {
    expect(progress(night)).toEqual({ contestsDeclared: 2, contestsTotal: 5, seatsDeclared: 4, seatsContested: 11 });
  });

  it('gives the seats still to come tonight', () => {
    expect(seatsUndeclared(night)).toBe(7);
  });

  it.each([
    { p: { contestsDeclared: 17, contestsTotal: 24, seatsDeclared: 31, seatsContested: 59 }, seats: '31 of 59 seats declared', wards: '17 of 24 wards declared' },
    { p: { contestsDeclared: 0, contestsTotal: 1, seatsDeclared: 0, seatsContested: 1 }, seats: '0 of 1 seat declared', wards: '0 of 1 ward declared' },
    { p: { contestsDeclared: 900, contestsTotal: 1200, seatsDeclared: 1000, seatsContested: 1234 }, seats: '1,000 of 1,234 seats declared', wards: '900 of 1,200 wards declared' },
  ])('$seats; $wards', ({ p, seats, wards }) => {
    expect(describeProgress(p)).toBe(seats);
    expect(describeContestProgress(p)).toBe(wards);
  });

  it('names contests the way the council does', () => {
    const p = { contestsDeclared: 3, contestsTotal: 81, seatsDeclared: 3, seatsContested: 81 };
    expect(describeContestProgress(p, { singular: 'division', plural: 'divisions' })).toBe('3 of 81 divisions declared');
  });
});
