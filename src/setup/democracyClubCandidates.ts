// An election definition from Democracy Club's candidates CSV, the open data most councils'
// statements of persons nominated end up in (candidates.democracyclub.org.uk/data/). One row
// per candidacy; the columns are DC's own names (DemocracyClub/yournextrepresentative,
// ynr/apps/data_exports/csv_fields.py, read 2026-11-30): the core ones `person_id,
// person_name, election_id, ballot_paper_id, election_date, election_current, party_name,
// party_id, post_label, cancelled_poll, seats_contested`, and from the optional ones we use
// `sopn_last_name`, `sopn_first_names` (the name as on the ballot paper),
// `party_description_text`, `organisation_name` and, if a results export is given,
// `total_electorate`. Any other column is ignored.
import type { ElectionDefinition } from './definition';
import { parseCsv } from './csv';

const required = ['person_id', 'person_name', 'election_id', 'ballot_paper_id', 'election_date', 'party_name', 'post_label', 'seats_contested'] as const;

export interface DemocracyClubReading {
  definition: ElectionDefinition | null;
  /** What stops the import, each naming its row (as a spreadsheet numbers it) and column. */
  problems: string[];
  /** What a person should look at before confirming. */
  warnings: string[];
}

export interface CouncilDetails {
  /** The council's name, when the file has no organisation_name. */
  organisation?: string;
  /** Seats on the whole council (continuing seats included); default: the seats contested. */
  totalSeats?: number;
}

/** DC writes the whole name; the ballot paper gives surname and other names. */
function splitName(full: string): { surname: string; otherNames: string } {
  const words = full.trim().split(/\s+/);
  if (words.length === 1) return { surname: words[0]!, otherNames: '' };
  return { surname: words.at(-1)!, otherNames: words.slice(0, -1).join(' ') };
}

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

export function definitionFromDemocracyClub(text: string, council: CouncilDetails = {}): DemocracyClubReading {
  const rows = parseCsv(text);
  const problems: string[] = [];
  const warnings: string[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = required.filter((column) => !header.includes(column));
  if (rows.length === 0 || missing.length > 0) {
    problems.push(
      rows.length === 0
        ? 'The file is empty.'
        : `This is not a Democracy Club candidates CSV: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`,
    );
    return { definition: null, problems, warnings };
  }
  const column = new Map(header.map((name, i) => [name, i]));
  const cell = (row: string[], name: string) => (column.has(name) ? (row[column.get(name)!] ?? '').trim() : '');
  const records = rows.slice(1).map((row, i) => ({ row, line: i + 2 }));
  if (records.length === 0) problems.push('The file has a header but no candidates.');

  const electionIds = [...new Set(records.map((r) => cell(r.row, 'election_id')))];
  if (electionIds.length > 1) {
    problems.push(`The file holds ${electionIds.length} elections (${electionIds.join(', ')}): download the CSV of one election and upload that.`);
  }
  const withoutSopn = records.filter((r) => !cell(r.row, 'sopn_last_name')).length;
  if (withoutSopn > 0) {
    warnings.push(
      `${withoutSopn} candidate${withoutSopn > 1 ? 's have' : ' has'} no sopn_last_name: the surname is taken as the last word of person_name. Check the names against the ballot papers.`,
    );
  }

  const contests = new Map<string, NonNullable<ElectionDefinition['contests']>[number]>();
  for (const { row, line } of records) {
    const where = (name: string) => `row ${line}, ${name}`;
    const ballot = cell(row, 'ballot_paper_id');
    const personName = cell(row, 'person_name');
    const partyName = cell(row, 'party_name');
    const seats = wholeNumber(cell(row, 'seats_contested'));
    if (!ballot) problems.push(`${where('ballot_paper_id')}: is empty`);
    if (!personName) problems.push(`${where('person_name')}: is empty`);
    if (!partyName) problems.push(`${where('party_name')}: is empty (an independent candidate's party is "Independent")`);
    if (seats === null || seats < 1) problems.push(`${where('seats_contested')}: must be a whole number of at least 1, not "${cell(row, 'seats_contested')}"`);
    if (!ballot || !personName || !partyName || seats === null || seats < 1) continue;

    const electorateText = cell(row, 'total_electorate');
    const electorate = electorateText ? wholeNumber(electorateText) : 0;
    if (electorate === null) problems.push(`${where('total_electorate')}: must be a whole number, not "${electorateText}"`);

    let contest = contests.get(ballot);
    if (!contest) {
      contest = { id: ballot, name: cell(row, 'post_label') || ballot, seats, electorate: electorate ?? 0, candidates: [] };
      contests.set(ballot, contest);
    } else if (contest.seats !== seats) {
      problems.push(`${where('seats_contested')}: ${ballot} has ${contest.seats} seats on an earlier row but ${seats} here`);
    }
    const sopnSurname = cell(row, 'sopn_last_name');
    const name = sopnSurname ? { surname: sopnSurname, otherNames: cell(row, 'sopn_first_names') } : splitName(personName);
    const personId = cell(row, 'person_id');
    contest.candidates.push({
      surname: name.surname,
      otherNames: name.otherNames,
      description: cell(row, 'party_description_text') || partyName,
      party: partyName,
      ...(/^\d{1,12}$/.test(personId) ? { dcPersonId: personId } : {}),
    });
  }
  const noElectorate = [...contests.values()].filter((c) => c.electorate === 0).length;
  if (noElectorate > 0) {
    warnings.push(
      `${noElectorate} ward${noElectorate > 1 ? 's have' : ' has'} no electorate (the candidates CSV does not carry it): turnout shows once the officer enters it with the result, or edit the definition first.`,
    );
  }
  if (problems.length > 0) return { definition: null, problems, warnings };

  // Ballot papers list candidates alphabetically by surname, then other names.
  for (const contest of contests.values()) {
    contest.candidates.sort((a, b) => a.surname.localeCompare(b.surname, 'en-GB') || a.otherNames.localeCompare(b.otherNames, 'en-GB'));
  }
  const first = records[0]!.row;
  const electionId = cell(first, 'election_id');
  const organisation = cell(first, 'organisation_name') || council.organisation || electionId;
  const seatsContested = [...contests.values()].reduce((sum, c) => sum + c.seats, 0);
  const definition: ElectionDefinition = {
    id: electionId,
    name: `${organisation} elections ${cell(first, 'election_date').slice(0, 4)}`,
    organisation,
    date: cell(first, 'election_date'),
    totalSeats: council.totalSeats ?? seatsContested,
    contests: [...contests.values()],
  };
  return { definition, problems, warnings };
}
