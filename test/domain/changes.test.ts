import { describe, expect, it } from 'vitest';
import { contestChanges, describeChanges, type SeatChanges } from '../../src/domain/changes';
import type { PartySeats } from '../../src/domain/types';

const shortNames: Record<string, string> = { PP53: 'Lab', PP52: 'Con', PP90: 'LD', PP63: 'Green', ind: 'Ind' };
const shortName = (partyId: string) => shortNames[partyId] ?? `?${partyId}`;

describe('contestChanges and describeChanges', () => {
  const cases: {
    why: string;
    previous: PartySeats[];
    elected: string[];
    expected: SeatChanges;
    words: string;
  }[] = [
    {
      why: 'single seat hold',
      previous: [{ partyId: 'PP52', seats: 1 }],
      elected: ['PP52'],
      expected: { holds: [{ partyId: 'PP52', seats: 1 }], gains: [], losses: [] },
      words: 'Con hold',
    },
    {
      why: 'single seat gain',
      previous: [{ partyId: 'PP52', seats: 1 }],
      elected: ['PP53'],
      expected: {
        holds: [],
        gains: [{ partyId: 'PP53', fromPartyId: 'PP52', seats: 1 }],
        losses: [{ partyId: 'PP52', seats: 1 }],
      },
      words: 'Lab gain from Con',
    },
    {
      why: 'three seats, two gained and one held',
      previous: [{ partyId: 'PP52', seats: 3 }],
      elected: ['PP53', 'PP52', 'PP53'],
      expected: {
        holds: [{ partyId: 'PP52', seats: 1 }],
        gains: [{ partyId: 'PP53', fromPartyId: 'PP52', seats: 2 }],
        losses: [{ partyId: 'PP52', seats: 2 }],
      },
      words: 'Lab gain 2 from Con, Con hold 1',
    },
    {
      why: 'three seats all held',
      previous: [
        { partyId: 'PP53', seats: 2 },
        { partyId: 'PP52', seats: 1 },
      ],
      elected: ['PP53', 'PP52', 'PP53'],
      expected: {
        holds: [
          { partyId: 'PP53', seats: 2 },
          { partyId: 'PP52', seats: 1 },
        ],
        gains: [],
        losses: [],
      },
      words: 'Lab hold 2, Con hold 1',
    },
    {
      why: 'equal gains and losses pair in party id order',
      previous: [
        { partyId: 'PP90', seats: 1 },
        { partyId: 'PP52', seats: 2 },
      ],
      elected: ['PP63', 'PP52', 'PP53'],
      expected: {
        holds: [{ partyId: 'PP52', seats: 1 }],
        gains: [
          { partyId: 'PP53', fromPartyId: 'PP52', seats: 1 },
          { partyId: 'PP63', fromPartyId: 'PP90', seats: 1 },
        ],
        losses: [
          { partyId: 'PP52', seats: 1 },
          { partyId: 'PP90', seats: 1 },
        ],
      },
      words: 'Lab gain 1 from Con, Green gain 1 from LD, Con hold 1',
    },
    {
      why: 'the biggest gainer takes from the biggest loser first',
      previous: [
        { partyId: 'PP52', seats: 1 },
        { partyId: 'PP90', seats: 2 },
      ],
      elected: ['PP53', 'ind', 'PP53'],
      expected: {
        holds: [],
        gains: [
          { partyId: 'PP53', fromPartyId: 'PP90', seats: 2 },
          { partyId: 'ind', fromPartyId: 'PP52', seats: 1 },
        ],
        losses: [
          { partyId: 'PP90', seats: 2 },
          { partyId: 'PP52', seats: 1 },
        ],
      },
      words: 'Lab gain 2 from LD, Ind gain 1 from Con',
    },
    {
      why: 'one gain split across two losers',
      previous: [
        { partyId: 'PP52', seats: 1 },
        { partyId: 'PP90', seats: 1 },
      ],
      elected: ['PP53', 'PP53'],
      expected: {
        holds: [],
        gains: [
          { partyId: 'PP53', fromPartyId: 'PP52', seats: 1 },
          { partyId: 'PP53', fromPartyId: 'PP90', seats: 1 },
        ],
        losses: [
          { partyId: 'PP52', seats: 1 },
          { partyId: 'PP90', seats: 1 },
        ],
      },
      words: 'Lab gain 1 from Con, Lab gain 1 from LD',
    },
    {
      why: 'boundary change, one seat more than before: the extra gain is from nobody',
      previous: [{ partyId: 'PP52', seats: 1 }],
      elected: ['PP52', 'PP53'],
      expected: {
        holds: [{ partyId: 'PP52', seats: 1 }],
        gains: [{ partyId: 'PP53', fromPartyId: '', seats: 1 }],
        losses: [],
      },
      words: 'Lab gain 1, Con hold 1',
    },
    {
      why: 'boundary change, one seat fewer than before: a loss nobody gained',
      previous: [
        { partyId: 'PP52', seats: 2 },
        { partyId: 'PP53', seats: 1 },
      ],
      elected: ['PP53', 'PP53'],
      expected: {
        holds: [{ partyId: 'PP53', seats: 1 }],
        gains: [{ partyId: 'PP53', fromPartyId: 'PP52', seats: 1 }],
        losses: [{ partyId: 'PP52', seats: 2 }],
      },
      words: 'Lab gain 1 from Con, Lab hold 1, Con loss 1',
    },
    {
      why: 'previous seats listed per councillor are added up',
      previous: [
        { partyId: 'PP52', seats: 1 },
        { partyId: 'PP52', seats: 1 },
      ],
      elected: ['PP52', 'PP52'],
      expected: { holds: [{ partyId: 'PP52', seats: 2 }], gains: [], losses: [] },
      words: 'Con hold 2',
    },
  ];

  it.each(cases)('$why', ({ previous, elected, expected, words }) => {
    const changes = contestChanges(previous, elected);
    expect(changes).toEqual(expected);
    expect(describeChanges(expected, shortName)).toBe(words);
  });

  it.each([
    { why: 'null', previous: null },
    { why: 'undefined', previous: undefined },
    { why: 'empty', previous: [] },
    { why: 'no seats', previous: [{ partyId: 'PP52', seats: 0 }] },
  ])('no previous data ($why): null, so nothing is said', ({ previous }) => {
    expect(contestChanges(previous, ['PP53'])).toBeNull();
  });

  it('says nothing when nothing was elected or held', () => {
    expect(describeChanges({ holds: [], gains: [], losses: [] }, shortName)).toBe('');
  });
});
