// Gain / hold in one contest: the seats each party wins tonight against the seats it held there
// before (the "previous" winners supplied at setup).
import { formatNumber } from './format';
import { compareIds } from './order';
import type { PartySeats } from './types';

export interface SeatGain {
  partyId: string;
  /** The party the seats were taken from; '' when nobody lost them (see contestChanges). */
  fromPartyId: string;
  seats: number;
}

export interface SeatChanges {
  holds: PartySeats[];
  gains: SeatGain[];
  losses: PartySeats[];
}

/**
 * Null when there is no previous data (null, undefined, or no seats at all): then we say nothing,
 * rather than calling every seat a gain.
 *
 * Each party holds min(won, held). Gaining parties are paired with losing parties deterministically:
 * gainers in order of most seats gained then party id, each taking from losers in order of most
 * seats lost then party id. If there are now more seats than before (a boundary change), the gains
 * left with no loser to pair with have fromPartyId ''; if fewer, some losses pair with no gain and
 * appear only in `losses`, which always gives each losing party's full loss.
 */
export function contestChanges(
  previous: readonly PartySeats[] | null | undefined,
  electedPartyIds: readonly string[],
): SeatChanges | null {
  if (!previous || previous.every((p) => p.seats === 0)) return null;

  const held = seatsByParty(previous);
  const won = seatsByParty(electedPartyIds.map((partyId) => ({ partyId, seats: 1 })));
  const parties = [...new Set([...held.keys(), ...won.keys()])];

  const holds: PartySeats[] = [];
  const gainers: PartySeats[] = [];
  const losses: PartySeats[] = [];
  for (const partyId of parties) {
    const w = won.get(partyId) ?? 0;
    const h = held.get(partyId) ?? 0;
    if (Math.min(w, h) > 0) holds.push({ partyId, seats: Math.min(w, h) });
    if (w > h) gainers.push({ partyId, seats: w - h });
    if (h > w) losses.push({ partyId, seats: h - w });
  }
  holds.sort(mostSeatsFirst);
  gainers.sort(mostSeatsFirst);
  losses.sort(mostSeatsFirst);

  const unpairedLosses = losses.map((l) => ({ ...l }));
  const gains: SeatGain[] = [];
  for (const gainer of gainers) {
    let toPair = gainer.seats;
    for (const loser of unpairedLosses) {
      if (toPair === 0) break;
      const seats = Math.min(toPair, loser.seats);
      if (seats === 0) continue;
      gains.push({ partyId: gainer.partyId, fromPartyId: loser.partyId, seats });
      loser.seats -= seats;
      toPair -= seats;
    }
    if (toPair > 0) gains.push({ partyId: gainer.partyId, fromPartyId: '', seats: toPair });
  }
  return { holds, gains, losses };
}

/**
 * Wording, deterministic and short enough for a results ticker:
 * - single-seat contest: "Lab gain from Con", "Con hold";
 * - several seats: counts on every part, gains first (the news), then holds:
 *   "Lab gain 2 from Con, Con hold 1";
 * - a gain from nobody (more seats than before): "Lab gain" / "Lab gain 1";
 * - a loss nobody gained (fewer seats than before): "Con loss 1", last.
 * Empty string when nothing was elected and nothing held.
 */
export function describeChanges(changes: SeatChanges, shortName: (partyId: string) => string): string {
  const seatsNow = [...changes.holds, ...changes.gains].reduce((sum, p) => sum + p.seats, 0);
  const count = (seats: number) => (seatsNow > 1 ? ` ${formatNumber(seats)}` : '');

  const gained = changes.gains.map(
    (g) => `${shortName(g.partyId)} gain${count(g.seats)}${g.fromPartyId === '' ? '' : ` from ${shortName(g.fromPartyId)}`}`,
  );
  const held = changes.holds.map((h) => `${shortName(h.partyId)} hold${count(h.seats)}`);
  const lostToNobody = changes.losses
    .map((l) => ({ ...l, seats: l.seats - seatsGainedFrom(changes, l.partyId) }))
    .filter((l) => l.seats > 0)
    .map((l) => `${shortName(l.partyId)} loss ${formatNumber(l.seats)}`);
  return [...gained, ...held, ...lostToNobody].join(', ');
}

function seatsGainedFrom(changes: SeatChanges, partyId: string): number {
  return changes.gains.filter((g) => g.fromPartyId === partyId).reduce((sum, g) => sum + g.seats, 0);
}

function seatsByParty(entries: readonly PartySeats[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { partyId, seats } of entries) totals.set(partyId, (totals.get(partyId) ?? 0) + seats);
  return totals;
}

function mostSeatsFirst(a: PartySeats, b: PartySeats): number {
  return b.seats - a.seats || compareIds(a.partyId, b.partyId);
}
