// Every candidate's result as CSV, for journalists' spreadsheets after the night.
import type { ElectionSnapshot } from '../../db/results';
import { contestResult } from './contestResult';
import { partyDirectory } from './names';

export const csvColumns = [
  'election_id', 'contest_id', 'contest_name', 'seats', 'status', 'version', 'declared_at',
  'electorate', 'ballot_papers_verified', 'rejected', 'turnout_percent',
  'candidate_id', 'candidate_name', 'description', 'party_id', 'party_name',
  'votes', 'share_percent', 'elected', 'elected_by_lot',
] as const;

/**
 * One CSV cell. Quoted when it holds a comma, quote or line break; and a text that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe, since
 * candidate names and descriptions are typed by people.
 */
export type CsvValue = string | number | boolean | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the header first) as a CSV document: every cell through csvCell, CRLF line ends. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function resultsCsv(snapshot: ElectionSnapshot): string {
  const parties = partyDirectory(snapshot.parties);
  const rows: (string | number | boolean | null)[][] = [];
  for (const contest of snapshot.contests) {
    const r = contestResult(snapshot.election.id, contest, parties);
    for (const c of r.candidates) {
      rows.push([
        r.electionId, r.id, r.name, r.seats, r.status, r.version, r.declaredAt,
        r.electorate, r.ballotPapersVerified.total, r.rejected.total, r.turnoutPercent,
        c.id, c.name, c.description, c.party.id, c.party.name,
        c.votes, c.sharePercent, c.elected, c.electedByLot,
      ]);
    }
  }
  return csvDocument([csvColumns, ...rows]);
}
