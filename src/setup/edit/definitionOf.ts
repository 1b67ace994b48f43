// An election as stored, written back as the definition file it could have been imported
// from. Editing on Admin → Elections changes this and saves it the way an import does, so
// every rule of the file (src/setup/definition.ts) holds for an edit too, and ids stay: the
// parties', wards' and candidates' own, given explicitly, so a corrected surname keeps its
// candidate id. Imported again unchanged, it writes the same rows (test/setup/definitionOf.test.ts).
import type { ElectionSnapshot } from '../../../db/results';
import type { ElectionDefinition } from '../definition';

export function definitionOf(snapshot: ElectionSnapshot): ElectionDefinition {
  const { election } = snapshot;
  const partyName = new Map(snapshot.parties.map((p) => [p.id, p.name]));
  const named = (partyId: string) => partyName.get(partyId) ?? partyId;
  return {
    id: election.id,
    name: election.name,
    organisation: election.organisation,
    date: election.date,
    totalSeats: election.totalSeats,
    previousControl: election.previousControl === null ? null : named(election.previousControl),
    continuing: snapshot.continuing.map((c) => ({ party: named(c.partyId), seats: c.seats })),
    ...(election.countStarts ? { countStarts: election.countStarts } : {}),
    rehearsal: election.rehearsal,
    secondPairOfEyes: election.secondPairOfEyes,
    parties: snapshot.parties.map((p) => ({ name: p.name, colour: p.colour, id: p.id })),
    contests: snapshot.contests.map((c) => ({
      id: c.id,
      name: c.name,
      seats: c.seats,
      electorate: c.electorate,
      previous: c.previous.map((p) => ({ party: named(p.partyId), seats: p.seats })),
      ...(c.expectedDeclaration ? { expectedDeclaration: c.expectedDeclaration } : {}),
      candidates: [...c.candidates]
        .sort((a, b) => a.ballotOrder - b.ballotOrder)
        .map((cand) => ({
          id: cand.id,
          surname: cand.surname,
          otherNames: cand.otherNames,
          ...(cand.knownAs !== null ? { knownAs: cand.knownAs } : {}),
          description: cand.description,
          party: named(cand.partyId),
          ...(cand.dcPersonId !== null ? { dcPersonId: cand.dcPersonId } : {}),
        })),
    })),
  };
}
