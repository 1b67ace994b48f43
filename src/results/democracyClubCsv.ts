// Every candidate's result under Democracy Club's column names, so a newsroom can put our
// figures beside Democracy Club's candidate data (or load them into tools built for it)
// without renaming a column.
//
// The columns and their order are those of Democracy Club's results CSV
// (candidates.democracyclub.org.uk/data/, `field_group=results`), as its own code lists
// them: DemocracyClub/yournextrepresentative, ynr/apps/data_exports/csv_fields.py and the
// expected header in ynr/apps/data_exports/tests/test_data_exports.py (read 2026-11-30).
// Our own columns follow theirs, after `results_source`.
import type { ElectionSnapshot } from '../../db/results';
import { contestResult, type CandidateResult, type ContestResult } from './contestResult';
import { partyDirectory } from './names';
import { democracyClubPartyId } from './partyIds';
import { csvDocument, type CsvValue } from './resultsCsv';

export const democracyClubColumns = [
  'person_id', 'person_name', 'election_id', 'ballot_paper_id', 'election_date', 'election_current',
  'party_name', 'party_id', 'post_label', 'cancelled_poll', 'seats_contested',
  'votes_cast', 'elected', 'tied_vote_winner', 'rank', 'turnout_reported', 'spoilt_ballots',
  'total_electorate', 'turnout_percentage', 'results_source',
] as const;

/** Ours, after Democracy Club's: what their format has no column for. */
export const extraColumns = [
  'candidate_id', 'our_party_id', 'description', 'status', 'version', 'declared_at', 'share_percent',
  'ballot_papers_polling_stations', 'ballot_papers_postal', 'rejected_no_official_mark',
  'rejected_too_many_votes', 'rejected_identifiable', 'rejected_unmarked_or_uncertain', 'majority',
] as const;

/** Democracy Club's export writes booleans as PostgreSQL does. */
const flag = (value: boolean | null) => (value === null ? null : value ? 't' : 'f');

/** 1 for the most votes; equal votes share a rank (1, 2, 2, 4). Null before a result. */
function rankOf(candidate: CandidateResult, result: ContestResult): number | null {
  if (candidate.votes === null) return null;
  return 1 + result.candidates.filter((other) => (other.votes ?? -1) > candidate.votes!).length;
}

/**
 * `wardUrl` gives each ward's page on our site, the source of its result. `person_id` is the
 * candidate's Democracy Club person id where the definition file gave one (`dcPersonId`).
 */
export function democracyClubCsv(snapshot: ElectionSnapshot, wardUrl: (contestId: string) => string): string {
  const parties = partyDirectory(snapshot.parties);
  const { election } = snapshot;
  const rows: CsvValue[][] = [];
  for (const contest of snapshot.contests) {
    const r = contestResult(election.id, contest, parties);
    const declared = r.version !== null;
    const personIds = new Map(contest.candidates.map((c) => [c.id, c.dcPersonId]));
    for (const c of r.candidates) {
      rows.push([
        personIds.get(c.id) ?? null, c.name, election.id, r.id, election.date,
        // Whether Democracy Club counts the election as current is theirs to say.
        null,
        c.party.name, democracyClubPartyId(c.party.id), r.name, flag(r.status === 'postponed'), r.seats,
        c.votes, flag(declared || r.status === 'uncontested' ? c.elected : null),
        flag(declared ? c.electedByLot : null), rankOf(c, r), r.ballotPapersVerified.total, r.rejected.total,
        r.electorate, r.turnoutPercent, declared ? wardUrl(r.id) : null,
        c.id, c.party.id, c.description, r.status, r.version, r.declaredAt, c.sharePercent,
        r.ballotPapersVerified.pollingStations, r.ballotPapersVerified.postal, r.rejected.noOfficialMark,
        r.rejected.tooManyVotes, r.rejected.identifiable, r.rejected.unmarkedOrUncertain, r.majority,
      ]);
    }
  }
  const header = [...democracyClubColumns, ...extraColumns];
  return csvDocument([header, ...rows]);
}
