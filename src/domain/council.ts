// The whole council: composition, who controls it, and how far the night has got.
import { countOf, formatNumber } from './format';
import { compareIds } from './order';
import { hasResult, type ContestStatus } from './contestStatus';
import type { PartySeats } from './types';

export function majorityNeeded(totalSeats: number): number {
  return Math.floor(totalSeats / 2) + 1;
}

export interface PartyTotal {
  partyId: string;
  seatsWon: number;
  /** Councillors not up for election this time (councils elected by thirds or halves). */
  seatsContinuing: number;
  seatsTotal: number;
}

/** Seats won tonight plus continuing seats, per party; most seats first, then by party id. */
export function councilComposition(won: readonly PartySeats[], continuing: readonly PartySeats[]): PartyTotal[] {
  const totals = new Map<string, PartyTotal>();
  const entry = (partyId: string): PartyTotal => {
    let total = totals.get(partyId);
    if (total === undefined) {
      total = { partyId, seatsWon: 0, seatsContinuing: 0, seatsTotal: 0 };
      totals.set(partyId, total);
    }
    return total;
  };
  for (const { partyId, seats } of won) entry(partyId).seatsWon += seats;
  for (const { partyId, seats } of continuing) entry(partyId).seatsContinuing += seats;
  for (const total of totals.values()) total.seatsTotal = total.seatsWon + total.seatsContinuing;
  return [...totals.values()].sort((a, b) => b.seatsTotal - a.seatsTotal || compareIds(a.partyId, b.partyId));
}

export interface Control {
  status: 'undecided' | 'majority' | 'noc';
  /** The majority party; while undecided, the party with most seats (null if level or none). */
  partyId: string | null;
  /** Against previousControl, once decided; null while undecided. */
  change: 'gain' | 'hold' | null;
  /** While undecided: seats the leading party still needs for a majority. */
  seatsShort: number | null;
}

export interface ControlInput {
  totalSeats: number;
  composition: readonly PartyTotal[];
  /** Seats in contests not yet declared; the caller leaves postponed contests out. */
  seatsUndeclared: number;
  /** Party id that controlled the council before; null if it was under no overall control. */
  previousControl: string | null;
}

export function councilControl(input: ControlInput): Control {
  const needed = majorityNeeded(input.totalSeats);
  const [first, second] = [...input.composition].sort((a, b) => b.seatsTotal - a.seatsTotal);
  const mostSeats = first?.seatsTotal ?? 0;

  if (first !== undefined && first.seatsTotal >= needed) {
    return {
      status: 'majority',
      partyId: first.partyId,
      change: input.previousControl === first.partyId ? 'hold' : 'gain',
      seatsShort: null,
    };
  }
  // No overall control is certain once even the leader taking every undeclared seat falls short
  // (which includes every seat being declared). A party with no seats yet can do no better than the
  // leader, so checking the leader covers everyone.
  if (mostSeats + input.seatsUndeclared < needed) {
    return { status: 'noc', partyId: null, change: input.previousControl === null ? 'hold' : 'gain', seatsShort: null };
  }
  const leader = first !== undefined && first.seatsTotal > 0 && first.seatsTotal !== second?.seatsTotal ? first : null;
  return {
    status: 'undecided',
    partyId: leader?.partyId ?? null,
    change: null,
    seatsShort: leader === null ? null : needed - leader.seatsTotal,
  };
}

/**
 * Headline wording:
 * - "Labour gain from Conservative", "Labour gain from no overall control", "Conservative hold";
 * - "No overall control, gain from Conservative", "No overall control, no change";
 * - undecided: "Labour need 4 more for a majority" (British usage: parties take a plural verb),
 *   or "No party has a majority yet" when no single party leads.
 */
export function describeControl(
  control: Control,
  name: (partyId: string) => string,
  previousControl: string | null,
): string {
  const previously = previousControl === null ? 'no overall control' : name(previousControl);
  switch (control.status) {
    case 'majority': {
      const party = name(control.partyId ?? '');
      return control.change === 'hold' ? `${party} hold` : `${party} gain from ${previously}`;
    }
    case 'noc':
      return control.change === 'hold' ? 'No overall control, no change' : `No overall control, gain from ${previously}`;
    case 'undecided':
      if (control.partyId === null || control.seatsShort === null) return 'No party has a majority yet';
      return `${name(control.partyId)} need ${formatNumber(control.seatsShort)} more for a majority`;
  }
}

export interface Progress {
  /** Declared or uncontested (elected unopposed counts as declared from the start). */
  contestsDeclared: number;
  /** All contests except postponed ones, which will be polled another day. */
  contestsTotal: number;
  seatsDeclared: number;
  seatsContested: number;
}

interface ContestSeats {
  seats: number;
  status: ContestStatus;
}

export function progress(contests: readonly ContestSeats[]): Progress {
  const tonight = contests.filter((c) => c.status !== 'postponed');
  const declared = tonight.filter((c) => hasResult(c.status));
  return {
    contestsDeclared: declared.length,
    contestsTotal: tonight.length,
    seatsDeclared: sumSeats(declared),
    seatsContested: sumSeats(tonight),
  };
}

/** Seats still to come tonight: neither declared (or uncontested) nor postponed. */
export function seatsUndeclared(contests: readonly ContestSeats[]): number {
  return sumSeats(contests.filter((c) => c.status !== 'postponed' && !hasResult(c.status)));
}

/** "31 of 59 seats declared" */
export function describeProgress(p: Progress): string {
  return `${formatNumber(p.seatsDeclared)} of ${countOf(p.seatsContested, 'seat', 'seats')} declared`;
}

/** "17 of 24 wards declared"; the noun varies by council ("divisions" for a county). */
export function describeContestProgress(p: Progress, contestNoun: { singular: string; plural: string } = { singular: 'ward', plural: 'wards' }): string {
  return `${formatNumber(p.contestsDeclared)} of ${countOf(p.contestsTotal, contestNoun.singular, contestNoun.plural)} declared`;
}

function sumSeats(contests: readonly ContestSeats[]): number {
  return contests.reduce((sum, c) => sum + c.seats, 0);
}
