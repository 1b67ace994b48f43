// Which election is current, on fresh databases (a D1 in the Workers pool is one per test
// file, so "the site's first election" can only be tried here): the first election written
// to a site is current, later ones are not until an admin says so, a database from before
// the flag falls back to the latest by date, and a replayed export never takes the flag from
// the site's own current election.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { currentElectionId, makeCurrent } from '../../db/currentElection';
import { openSqlite } from '../../db/sqlite';
import { elections } from '../../db/schema';
import { exportElection } from '../../src/archive/exportElection';
import { replayElection } from '../../src/archive/replayElection';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';

const flagged = async (db: ReturnType<typeof openSqlite>['db']) =>
  (await db.select({ id: elections.id }).from(elections).where(eq(elections.current, true))).map((e) => e.id);

describe('the current election', () => {
  it("is the site's first election, until an admin makes another current", async () => {
    const { db } = openSqlite(':memory:');
    expect(await currentElectionId(db)).toBeNull();
    const first = freshMedway();
    const later = freshMedway({ date: '2031-05-01' });
    await importElection(db, first);
    await importElection(db, later);
    // Importing the first again (its definition updated) leaves the flag where it is.
    await importElection(db, { ...later, name: 'Medway 2031, corrected' });
    expect(await flagged(db)).toEqual([first.id]);
    expect(await currentElectionId(db)).toBe(first.id);

    expect(await makeCurrent(db, later.id, {})).toBe('made');
    expect(await makeCurrent(db, later.id, {})).toBe('already');
    expect(await makeCurrent(db, 'no-such-election', {})).toBe('missing');
    expect(await flagged(db)).toEqual([later.id]);
  });

  it('with none marked (a database from before the flag), is the latest by date', async () => {
    const { db } = openSqlite(':memory:');
    const older = freshMedway();
    const newer = freshMedway({ date: '2031-05-01' });
    await importElection(db, older);
    await importElection(db, newer);
    await db.update(elections).set({ current: false });
    expect(await currentElectionId(db)).toBe(newer.id);
  });

  it('at most one is current, whatever writes it: the database refuses a second', async () => {
    const { db } = openSqlite(':memory:');
    const [a, b] = [freshMedway(), freshMedway()];
    await importElection(db, a);
    await importElection(db, b);
    await expect(db.update(elections).set({ current: true }).where(eq(elections.id, b.id))).rejects.toThrow(/UNIQUE constraint failed/);
    expect(await flagged(db)).toEqual([a.id]);
  });

  it("is a replayed election only on a site that had none: never taken from the site's own", async () => {
    const source = openSqlite(':memory:').db;
    const night = freshMedway();
    await importElection(source, night);
    const file = (await exportElection(source, night.id))!;
    expect(file.tables.elections[0]!.current).toBe(true);

    const empty = openSqlite(':memory:').db;
    await replayElection(empty, file, {});
    expect(await flagged(empty)).toEqual([night.id]);

    const busy = openSqlite(':memory:').db;
    const own = freshMedway();
    await importElection(busy, own);
    await replayElection(busy, file, {});
    expect(await flagged(busy)).toEqual([own.id]);
  });
});
