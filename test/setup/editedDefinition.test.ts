// The edit forms' foundation, on a real migrated database: an election read back as its
// definition file imports as the very same rows (so saving a form changes only what the form
// changed), a save that changes nothing writes nothing, and a save made on a stale reading
// is refused inside the write itself.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadElection } from '../../db/results';
import { DefinitionChangedError, replaceElectionDefinition } from '../../db/setup';
import { openSqlite } from '../../db/sqlite';
import { elections } from '../../db/schema';
import { electionDefinition } from '../../src/setup/definition';
import { definitionOf } from '../../src/setup/edit/definitionOf';
import { saveEditedDefinition } from '../../src/setup/edit/editedDefinition';
import { definitionRows, importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { dumpDatabase } from '../support/harness';

/** Medway with every optional part of a definition filled in. */
function fullMedway() {
  const def = freshMedway({ totalSeats: 62, countStarts: '2023-05-04T23:00:00+01:00', secondPairOfEyes: true });
  def.continuing = [{ party: 'Labour Party', seats: 3 }];
  def.parties = [{ name: 'Heritage Party', colour: '#123456', id: 'PP2' }, { name: 'Ελληνική Λύση' }];
  const [first, second] = def.contests;
  first!.previous = [{ party: 'Conservative', seats: 1 }];
  first!.expectedDeclaration = '2023-05-05T02:30:00+01:00';
  first!.candidates[0] = { ...first!.candidates[0]!, dcPersonId: '70391', knownAs: undefined };
  second!.previous = [{ party: 'Labour', seats: 2 }, { party: 'UK Independence Party', seats: 1 }];
  // As an import has it: checked, times in UTC.
  return electionDefinition.parse(def);
}

describe("an election's definition read back from the database", () => {
  it('imports as the same rows it was read from', async () => {
    const { db } = openSqlite(':memory:');
    const def = fullMedway();
    await importElection(db, def);
    const snapshot = (await loadElection(db, def.id))!;
    const again = definitionRows(definitionOf(snapshot), snapshot.election.updatedAt);
    const sorted = <T>(rows: T[]) => [...rows].map((r) => JSON.stringify(r)).sort();
    const stored = definitionRows(def, snapshot.election.updatedAt);
    expect(sorted(again.parties)).toEqual(sorted(stored.parties));
    expect(sorted(again.candidates)).toEqual(sorted(stored.candidates));
    expect(sorted(again.previousSeats)).toEqual(sorted(stored.previousSeats));
    expect(again.continuing).toEqual(stored.continuing);
    expect(again.contests).toEqual(stored.contests);
    expect(again.election).toEqual(stored.election);
  });

  it('saved unchanged, writes nothing at all, not even an audit entry', async () => {
    const { db } = openSqlite(':memory:');
    const def = fullMedway();
    await importElection(db, def);
    const snapshot = (await loadElection(db, def.id))!;
    const before = await dumpDatabase(db);
    const definition = definitionOf(snapshot);
    const outcome = await saveEditedDefinition(db, definition, { draft: definition, problems: [], fieldOf: () => null }, snapshot.election.updatedAt, {});
    expect(outcome).toEqual({ saved: true, changes: [] });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('refuses inside the write a save read before another change, and writes nothing', async () => {
    const { db } = openSqlite(':memory:');
    const def = fullMedway();
    await importElection(db, def);
    const snapshot = (await loadElection(db, def.id))!;
    // Someone else's change lands between this reading and its write.
    await db.update(elections).set({ updatedAt: '2030-01-01T00:00:00.000Z' }).where(eq(elections.id, def.id));
    const before = await dumpDatabase(db);
    const { warnings: _warnings, ...rows } = definitionRows({ ...definitionOf(snapshot), totalSeats: 70 });
    await expect(
      replaceElectionDefinition(db, rows, {}, { audit: { action: 'election.edit', detail: {} }, unchangedSince: snapshot.election.updatedAt }),
    ).rejects.toThrow(DefinitionChangedError);
    expect(await dumpDatabase(db)).toEqual(before);
  });
});
