// What an election definition may not name twice: a ward id, a candidate, a party in the
// parties list, in a ward's previous result or among the councillors continuing, and a party
// id for two different parties. The database keeps each of these once (a primary key), so a
// file naming one twice used to fail at the write with the database's own words, after a
// preview that said nothing; merging them instead would lose a name, a colour or seats
// without a word. Found here, each is refused by field in words an admin understands,
// before anything is written (src/setup/definition.ts calls this).
import { candidateName } from '../results/names';
import { candidateId } from './candidateId';
import { PartyRegister } from './partyRegister';

export interface NamedTwice {
  path: (string | number)[];
  message: string;
}

/** The parts of a definition that name things, as the schema has read them. */
interface Naming {
  previousControl?: string | null;
  continuing?: { party: string }[];
  parties?: { name: string; id?: string; colour?: string }[];
  contests: {
    id: string;
    name: string;
    previous?: { party: string }[];
    candidates: { id?: string; surname: string; otherNames: string; knownAs?: string; party: string }[];
  }[];
}

export function namedTwice(def: Naming): NamedTwice[] {
  // The parties as the import will know them (src/setup/importElection.ts): the parties list
  // first, so its ids and colours count, then every other name. "Labour" and "Labour Party"
  // are one party (PP53); two names the file gives one id are one party too.
  const register = new PartyRegister();
  return [
    ...partiesListedTwice(def.parties ?? [], register),
    ...contestIdsTwice(def.contests),
    ...candidatesTwice(def.contests),
    ...def.contests.flatMap((c, i) => seatsGivenTwice(c.previous ?? [], register, ['contests', i, 'previous'], `in the previous result of ${c.name}`)),
    ...seatsGivenTwice(def.continuing ?? [], register, ['continuing'], 'among the councillors continuing'),
    ...partyIdsShared(def, register),
  ];
}

/** "Labour is given twice in ...", or for another name of the same party "Labour Party is the same party as Labour, already given in ...". */
function twice(name: string, first: string, verb: string, where: string): string {
  return name === first ? `${name} is ${verb} twice ${where}` : `${name} is the same party as ${first}, already ${verb} ${where}`;
}

/** One party in two rows of the parties list: which colour or id would it have? */
function partiesListedTwice(parties: NonNullable<Naming['parties']>, register: PartyRegister): NamedTwice[] {
  const seen = new Map<string, { name: string; publishedAs: string }>();
  return parties.flatMap((p, row) => {
    const party = register.partyCalled(p.name, p);
    const first = seen.get(party.id);
    if (!first) {
      seen.set(party.id, { name: p.name, publishedAs: party.name });
      return [];
    }
    // Two different parties under one id are partyIdsShared's to say.
    if (first.publishedAs !== party.name) return [];
    return [{ path: ['parties', row, 'name'], message: `${twice(p.name, first.name, 'listed', 'in parties')}: list each party once` }];
  });
}

function contestIdsTwice(contests: Naming['contests']): NamedTwice[] {
  const seen = new Set<string>();
  return contests.flatMap((c, i) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      return [];
    }
    return [{ path: ['contests', i, 'id'], message: `contest id ${c.id} is used twice` }];
  });
}

/** A candidate listed twice, or two candidates given one id: a declaration could not tell them apart. */
function candidatesTwice(contests: Naming['contests']): NamedTwice[] {
  const seen = new Map<string, { ward: string; name: string; ownId: boolean }>();
  const wards = new Set<string>();
  return contests.flatMap((c, i) => {
    // A ward whose id is used twice is said once (contestIdsTwice), not once more per candidate.
    if (wards.has(c.id)) return [];
    wards.add(c.id);
    return c.candidates.flatMap((cand, row) => {
      const id = candidateId(c.id, cand);
      const name = candidateName({ knownAs: cand.knownAs ?? null, otherNames: cand.otherNames, surname: cand.surname });
      const first = seen.get(id);
      if (!first) {
        seen.set(id, { ward: c.name, name, ownId: cand.id !== undefined });
        return [];
      }
      const path = ['contests', i, 'candidates', row, cand.id !== undefined ? 'id' : 'surname'];
      if (!first.ownId && cand.id === undefined) {
        return [{ path, message: `${name} is listed twice in ${c.name}: list each candidate once, or give two people of the same name an "id" each` }];
      }
      return [{ path, message: `candidate id ${id} is given to ${first.name} in ${first.ward} too: give each candidate an id of their own` }];
    });
  });
}

/** One party's seats in two rows (a ward's previous result, the councillors continuing): which is right? */
function seatsGivenTwice(rows: { party: string }[], register: PartyRegister, path: (string | number)[], where: string): NamedTwice[] {
  const seen = new Map<string, string>();
  return rows.flatMap((row, i) => {
    const id = register.idOf(row.party);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, row.party);
      return [];
    }
    return [{ path: [...path, i, 'party'], message: `${twice(row.party, first, 'given', where)}: give its seats once` }];
  });
}

/**
 * Two different parties with one id, as when the parties list gives "Greens of Medway" the id
 * PP53 while candidates stand for Labour (PP53 on the register of parties): one party's
 * candidates would be published under the other's name. Said once per id, on the parties
 * list's row that gave it when there is one, since that is the id to change.
 */
function partyIdsShared(def: Naming, register: PartyRegister): NamedTwice[] {
  const named: { name: string; path: (string | number)[]; given?: { id?: string; colour?: string } }[] = [
    ...(def.parties ?? []).map((p, row) => ({ name: p.name, path: ['parties', row, p.id !== undefined ? 'id' : 'name'], given: p })),
    ...def.contests.flatMap((c, i) => [
      ...(c.previous ?? []).map((p, row) => ({ name: p.party, path: ['contests', i, 'previous', row, 'party'] })),
      ...c.candidates.map((cand, row) => ({ name: cand.party, path: ['contests', i, 'candidates', row, 'party'] })),
    ]),
    ...(def.continuing ?? []).map((p, row) => ({ name: p.party, path: ['continuing', row, 'party'] })),
    ...(def.previousControl ? [{ name: def.previousControl, path: ['previousControl'] }] : []),
  ];
  const holder = new Map<string, { publishedAs: string; path: (string | number)[]; givenId: boolean }>();
  const said = new Set<string>();
  return named.flatMap(({ name, path, given }) => {
    const party = register.partyCalled(name, given);
    const givenId = given?.id !== undefined;
    const first = holder.get(party.id);
    if (!first) {
      holder.set(party.id, { publishedAs: party.name, path, givenId });
      return [];
    }
    if (first.publishedAs === party.name || said.has(party.id)) return [];
    said.add(party.id);
    return [
      {
        path: first.givenId && !givenId ? first.path : path,
        message: `party id ${party.id} would stand for both ${first.publishedAs} and ${party.name}: give each party an id of its own`,
      },
    ];
  });
}
