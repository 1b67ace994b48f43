// "Elected: ..." in four lengths, longest first: a multi-seat ward lists everyone while
// there is room, and shortens gracefully when there is not.
import { formatNumber, listInWords } from '../../domain';
import type { ElectedFact } from './facts';

export const electedLevels = 4;

/**
 * 0: "Jane Smith (Lab) 1,234 votes" / "Jane Smith (Lab) 1,234, John Doe (Con) 1,100"
 * 1: "Jane Smith (Lab) and John Doe (Con)"
 * 2: "Smith (Lab) and Doe (Con)"
 * 3: "Lab 2, Con 1" (seats by party)
 */
export function electedInWords(elected: readonly ElectedFact[], level: number): string {
  if (elected.length === 0) return 'no one';
  const lot = (c: ElectedFact) => (c.byLot ? ' after drawing lots' : '');
  switch (level) {
    case 0: {
      const votes = (c: ElectedFact) => (c.votes === null ? '' : ` ${formatNumber(c.votes)}${elected.length === 1 ? ' votes' : ''}`);
      const items = elected.map((c) => `${c.name} (${c.partyShort})${votes(c)}${lot(c)}`);
      return elected.length === 1 ? items[0]! : items.join(', ');
    }
    case 1:
      return listInWords(elected.map((c) => `${c.name} (${c.partyShort})${lot(c)}`));
    case 2:
      return listInWords(elected.map((c) => `${c.surname} (${c.partyShort})`));
    default: {
      const seats = new Map<string, number>();
      for (const c of elected) seats.set(c.partyShort, (seats.get(c.partyShort) ?? 0) + 1);
      return [...seats.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([party, n]) => `${party} ${formatNumber(n)}`)
        .join(', ');
    }
  }
}
