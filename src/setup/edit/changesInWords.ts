// What an edit changed, in words for the audit log ("All Saints: seats 1 → 2"): each saved
// edit records exactly what it changed, and an edit that changes nothing records nothing.
import { formatNumber } from '../../domain/format';
import type { ElectionDefinition } from '../definition';

type Contest = ElectionDefinition['contests'][number];
type Candidate = Contest['candidates'][number];
type PartySeats = { party: string; seats: number }[] | undefined;

const seatsInWords = (rows: PartySeats) => (rows?.length ? rows.map((r) => `${r.party} ${formatNumber(r.seats)}`).join(', ') : 'none given');
const controlInWords = (party: string | null | undefined) => party ?? 'no overall control';
/** The name a candidate is known by, as the public pages show it. */
const knownName = (c: Candidate) => c.knownAs ?? `${c.otherNames} ${c.surname}`;

function candidateChanges(ward: string, before: Candidate, after: Candidate): string[] {
  const fields: [string, string | undefined, string | undefined][] = [
    ['surname', before.surname, after.surname],
    ['other names', before.otherNames, after.otherNames],
    ['known as', before.knownAs, after.knownAs],
    ['description', before.description, after.description],
    ['party', before.party, after.party],
  ];
  return fields.filter(([, was, now]) => was !== now).map(([what, was, now]) => `${ward}, ${knownName(after)}: ${what} ${was ?? '(none)'} → ${now ?? '(none)'}`);
}

function contestChanges(before: Contest, after: Contest): string[] {
  const ward = after.name;
  const said: string[] = [];
  if (before.name !== after.name) said.push(`Ward name: ${before.name} → ${after.name}`);
  if (before.seats !== after.seats) said.push(`${ward}: seats ${formatNumber(before.seats)} → ${formatNumber(after.seats)}`);
  if (before.electorate !== after.electorate) said.push(`${ward}: electorate ${formatNumber(before.electorate)} → ${formatNumber(after.electorate)}`);
  const [previousBefore, previousAfter] = [seatsInWords(before.previous), seatsInWords(after.previous)];
  if (previousBefore !== previousAfter) said.push(`${ward}: previous result ${previousBefore} → ${previousAfter}`);
  const beforeById = new Map(before.candidates.map((c) => [c.id, c]));
  for (const candidate of after.candidates) {
    const was = beforeById.get(candidate.id);
    if (was) said.push(...candidateChanges(ward, was, candidate));
  }
  if (before.candidates.map((c) => c.id).join('\n') !== after.candidates.map((c) => c.id).join('\n')) {
    said.push(`${ward}: ballot paper order now ${after.candidates.map((c) => c.surname).join(', ')}`);
  }
  return said;
}

function partyChanges(before: ElectionDefinition, after: ElectionDefinition): string[] {
  const said: string[] = [];
  const afterById = new Map((after.parties ?? []).filter((p) => p.id !== undefined).map((p) => [p.id, p]));
  for (const was of before.parties ?? []) {
    const now = was.id === undefined ? undefined : afterById.get(was.id);
    if (!now) said.push(`Removed the party ${was.name}`);
    else if (was.colour !== now.colour) said.push(`Colour of ${now.name}: ${was.colour ?? 'the usual'} → ${now.colour ?? 'the usual'}`);
  }
  const known = new Set((before.parties ?? []).map((p) => p.id));
  for (const added of after.parties ?? []) {
    if (added.id === undefined || !known.has(added.id)) said.push(`Added the party ${added.name}${added.colour ? ` (${added.colour})` : ''}`);
  }
  return said;
}

export function changesInWords(before: ElectionDefinition, after: ElectionDefinition): string[] {
  const said: string[] = [];
  if (before.name !== after.name) said.push(`Election name: ${before.name} → ${after.name}`);
  if (before.totalSeats !== after.totalSeats) said.push(`Seats on the whole council: ${formatNumber(before.totalSeats)} → ${formatNumber(after.totalSeats)}`);
  if (before.previousControl !== after.previousControl) {
    said.push(`Who ran the council before: ${controlInWords(before.previousControl)} → ${controlInWords(after.previousControl)}`);
  }
  const [continuingBefore, continuingAfter] = [seatsInWords(before.continuing), seatsInWords(after.continuing)];
  if (continuingBefore !== continuingAfter) said.push(`Councillors continuing: ${continuingBefore} → ${continuingAfter}`);
  said.push(...partyChanges(before, after));
  const beforeById = new Map(before.contests.map((c) => [c.id, c]));
  for (const contest of after.contests) {
    const was = beforeById.get(contest.id);
    if (was) said.push(...contestChanges(was, contest));
  }
  return said;
}
