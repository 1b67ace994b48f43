// The election as a NIST SP 1500-100 version 2 Election Results Reporting document (JSON),
// the common format US election offices publish in, which several results tools read.
// test/fixtures/nist/ holds NIST's JSON Schema, which tests validate this against.
//
// How a UK council's night maps onto it (the schema allows no other fields):
// - the council is a GpUnit of Type "other" (OtherType "local-authority": NIST has no
//   council type), composed of the wards, each a GpUnit of Type "ward" with its electorate
//   (VotersRegistered) and ballot papers verified (VotersParticipated);
// - each ward's poll is a CandidateContest with NumberElected = VotesAllowed = seats;
// - each candidate a Candidate (with PostElectionStatus once declared) and a Person;
//   votes are VoteCounts of Type "total" for the ward;
// - ballot papers are BallotCounts per ward: verified at polling stations ("election-day"),
//   postal ("absentee-mail"), the total with the rejected total, and each of the four
//   statutory reasons for rejection as Type "other"; a paper voting for too many
//   candidates is also the contest's OtherCounts.Overvotes (NIST's word for exactly that);
// - corrections: NIST has no version field, so each contest carries its declaration
//   version as an ExternalIdentifier ("declaration-version"), and the report's Notes list
//   every correction with its reason;
// - parties are Party with their Electoral Commission register id as a "national-level"
//   ExternalIdentifier where they have one;
// - the report is "unofficial-partial" until every ward is declared (postponed ones
//   aside), then "unofficial-complete": a declaration is not a certified result.
import type { ContestSnapshot } from '../../db/results';
import { contestResult, type ContestResult } from './contestResult';
import type { ElectionView } from './electionView';
import { candidateName } from './names';
import { electoralCommissionId } from './partyIds';

type Json = Record<string, unknown>;

const text = (content: string): Json => ({
  '@type': 'ElectionResults.InternationalizedText',
  Text: [{ '@type': 'ElectionResults.LanguageString', Content: content, Language: 'en-GB' }],
});

const identifier = (type: 'national-level' | 'other', value: string, label: string): Json => ({
  '@type': 'ElectionResults.ExternalIdentifier',
  Type: type,
  ...(type === 'other' ? { OtherType: label } : { Label: label }),
  Value: value,
});

// NIST's date-time pattern has no fractional seconds.
const nistTime = (iso: string) => iso.replace(/\.\d+Z$/, 'Z');

const ids = {
  council: 'gpu-council',
  ward: (contestId: string) => `gpu-${contestId}`,
  party: (partyId: string) => `party-${partyId}`,
  person: (candidateId: string) => `person-${candidateId}`,
  candidate: (candidateId: string) => `candidate-${candidateId}`,
  contest: (contestId: string) => `contest-${contestId}`,
  selection: (candidateId: string) => `selection-${candidateId}`,
};

const countStatus: Record<ContestResult['status'], string> = {
  awaiting: 'not-processed',
  postponed: 'not-processed',
  counting: 'in-process',
  recount: 'in-process',
  declared: 'completed',
  uncontested: 'completed',
};

const rejectionReasons = [
  ['noOfficialMark', 'rejected-want-of-official-mark'],
  ['tooManyVotes', 'rejected-voting-for-too-many-candidates'],
  ['identifiable', 'rejected-voter-could-be-identified'],
  ['unmarkedOrUncertain', 'rejected-unmarked-or-void-for-uncertainty'],
] as const;

function ballotCounts(r: ContestResult): Json[] {
  if (r.ballotPapersVerified.total === null) return [];
  const gpUnit = ids.ward(r.id);
  const counts = (type: string, figures: Json) => ({ '@type': 'ElectionResults.BallotCounts', GpUnitId: gpUnit, Type: type, ...figures });
  return [
    counts('total', { BallotsCast: r.ballotPapersVerified.total, BallotsRejected: r.rejected.total }),
    counts('election-day', { BallotsCast: r.ballotPapersVerified.pollingStations }),
    counts('absentee-mail', { BallotsCast: r.ballotPapersVerified.postal }),
    ...rejectionReasons.map(([field, name]) => counts('other', { OtherType: name, BallotsRejected: r.rejected[field] })),
  ];
}

function contest(r: ContestResult, position: number): Json {
  const declared = r.version !== null;
  return {
    '@id': ids.contest(r.id),
    '@type': 'ElectionResults.CandidateContest',
    Name: r.name,
    ElectionDistrictId: ids.ward(r.id),
    NumberElected: r.seats,
    VotesAllowed: r.seats,
    VoteVariation: r.seats > 1 ? 'n-of-m' : 'plurality',
    SequenceOrder: position + 1,
    ExternalIdentifier: [
      identifier('other', r.id, 'democracy-club-ballot-paper-id'),
      ...(declared ? [identifier('other', String(r.version), 'declaration-version')] : []),
    ],
    CountStatus: [{ '@type': 'ElectionResults.CountStatus', Type: 'total', Status: countStatus[r.status] }],
    ContestSelection: r.candidates.map((c, i) => ({
      '@id': ids.selection(c.id),
      '@type': 'ElectionResults.CandidateSelection',
      CandidateIds: [ids.candidate(c.id)],
      SequenceOrder: i + 1,
      VoteCounts:
        c.votes === null ? [] : [{ '@type': 'ElectionResults.VoteCounts', GpUnitId: ids.ward(r.id), Type: 'total', Count: c.votes }],
    })),
    OtherCounts:
      r.rejected.tooManyVotes === null ? [] : [{ '@type': 'ElectionResults.OtherCounts', GpUnitId: ids.ward(r.id), Overvotes: r.rejected.tooManyVotes }],
  };
}

function candidates(r: ContestResult): Json[] {
  const decided = r.version !== null || r.status === 'uncontested';
  return r.candidates.map((c) => ({
    '@id': ids.candidate(c.id),
    '@type': 'ElectionResults.Candidate',
    BallotName: text(c.name),
    PartyId: ids.party(c.party.id),
    PersonId: ids.person(c.id),
    ...(decided ? { PostElectionStatus: c.elected ? 'winner' : 'defeated' } : {}),
  }));
}

function people(contest: ContestSnapshot): Json[] {
  return contest.candidates.map((c) => ({
    '@id': ids.person(c.id),
    '@type': 'ElectionResults.Person',
    FullName: text(candidateName(c)),
    FirstName: c.otherNames,
    LastName: c.surname,
    ...(c.knownAs ? { Nickname: c.knownAs } : {}),
    PartyId: ids.party(c.partyId),
  }));
}

function corrections(results: ContestResult[]): string | null {
  const lines = results.flatMap((r) => r.corrections.map((c) => `${r.name} version ${c.version} (${nistTime(c.at)}): ${c.reason}`));
  return lines.length ? `Corrections: ${lines.join('; ')}` : null;
}

export function nistReport({ snapshot, parties: directory, results: election }: ElectionView, vendor: string): Json {
  const { contests } = snapshot;
  const results = contests.map((c) => contestResult(snapshot.election.id, c, directory));
  const notes = corrections(results);
  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'summary-contest',
    GeneratedDate: nistTime(election.updatedAt),
    Issuer: election.organisation,
    IssuerAbbreviation: election.organisation,
    VendorApplicationId: vendor,
    SequenceStart: 1,
    SequenceEnd: 1,
    Status: election.progress.contestsDeclared >= election.progress.contestsTotal ? 'unofficial-complete' : 'unofficial-partial',
    ...(notes ? { Notes: notes } : {}),
    GpUnit: [
      {
        '@id': ids.council,
        '@type': 'ElectionResults.ReportingUnit',
        Type: 'other',
        OtherType: 'local-authority',
        Name: text(election.organisation),
        ComposingGpUnitIds: contests.map((c) => ids.ward(c.id)),
      },
      ...results.map((r) => ({
        '@id': ids.ward(r.id),
        '@type': 'ElectionResults.ReportingUnit',
        Type: 'ward',
        Name: text(r.name),
        VotersRegistered: r.electorate,
        ...(r.ballotPapersVerified.total === null ? {} : { VotersParticipated: r.ballotPapersVerified.total }),
      })),
    ],
    Party: snapshot.parties.map((p) => {
      const register = electoralCommissionId(p.id);
      return {
        '@id': ids.party(p.id),
        '@type': 'ElectionResults.Party',
        Name: text(p.name),
        Abbreviation: text(p.shortName),
        Color: p.colour.replace('#', '').toLowerCase(),
        ...(register ? { ExternalIdentifier: [identifier('national-level', register, 'Electoral Commission register')] } : {}),
      };
    }),
    Person: contests.flatMap(people),
    Election: [
      {
        '@type': 'ElectionResults.Election',
        Name: text(election.name),
        // Democracy Club marks by-elections with ".by." in the id; the rest are scheduled.
        Type: /\.by\./.test(election.id) ? 'special' : 'general',
        StartDate: election.date,
        EndDate: election.date,
        ElectionScopeId: ids.council,
        ExternalIdentifier: [identifier('other', election.id, 'democracy-club-election-id')],
        Candidate: results.flatMap(candidates),
        Contest: results.map(contest),
        BallotCounts: results.flatMap(ballotCounts),
      },
    ],
  };
}
