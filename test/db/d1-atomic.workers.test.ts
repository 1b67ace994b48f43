// What the shared code assumes of D1, checked on D1 itself (inside workerd): a batch is
// all-or-nothing, foreign keys are enforced, and a statement takes at most 100 bound
// parameters.
import { env } from 'cloudflare:test';
import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { chunkRows, commitAtomically, readTogether, type Db } from '../../db/client';
import * as schema from '../../db/schema';
import { elections, parties } from '../../db/schema';

const open = (): Db => drizzle(env.DB, { schema });

function election(id: string): typeof elections.$inferInsert {
  return {
    id,
    name: `Test election ${id}`,
    organisation: 'Test Council',
    date: '2023-05-04',
    totalSeats: 59,
    updatedAt: new Date().toISOString(),
  };
}

const uniqueId = (label: string) => `${label}-${crypto.randomUUID()}`;

/** The messages of the error `work` fails with and of its causes (drizzle wraps D1's error). */
async function failure(work: PromiseLike<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join('\n');
  }
  throw new Error('expected the statement to fail, and it succeeded');
}

describe('D1 through drizzle', () => {
  it('writes an election and reads it back', async () => {
    const db = open();
    const id = uniqueId('local.medway');
    const [inserted] = await db.insert(elections).values(election(id)).returning();
    expect(inserted).toMatchObject({ id, totalSeats: 59, previousControl: null });
    // The column default (strftime in SQL) ran inside D1.
    expect(inserted!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const read = await db.select().from(elections).where(eq(elections.id, id));
    expect(read).toEqual([inserted]);
  });

  it('commitAtomically commits every statement of a batch', async () => {
    const db = open();
    const [a, b] = [uniqueId('a'), uniqueId('b')];
    await commitAtomically(db, [db.insert(elections).values(election(a)), db.insert(elections).values(election(b))]);
    const rows = await db.select({ id: elections.id }).from(elections).where(inArray(elections.id, [a, b]));
    expect(rows.map((r) => r.id).sort()).toEqual([a, b].sort());
  });

  it('commitAtomically rolls the whole batch back when a later statement breaks a primary key', async () => {
    const db = open();
    const taken = uniqueId('taken');
    const fresh = uniqueId('fresh');
    await db.insert(elections).values(election(taken));

    expect(
      await failure(
        commitAtomically(db, [
          db.insert(elections).values(election(fresh)),
          db.insert(elections).values({ ...election(taken), name: 'Clash' }),
        ]),
      ),
    ).toMatch(/UNIQUE constraint failed: elections\.id/);

    // The first insert ran before the clash, and must not have survived it.
    expect(await db.select().from(elections).where(eq(elections.id, fresh))).toEqual([]);
    const [kept] = await db.select().from(elections).where(eq(elections.id, taken));
    expect(kept?.name).toBe(`Test election ${taken}`);
  });

  it('enforces foreign keys (D1 has them on, unlike a bare SQLite connection)', async () => {
    const db = open();
    const orphan = { electionId: uniqueId('no-such-election'), id: 'PP53', name: 'Labour', shortName: 'Lab', colour: '#E4003B' };
    expect(await failure(db.insert(parties).values(orphan))).toMatch(/FOREIGN KEY constraint failed/);
  });

  it('refuses more than 100 bound parameters in one statement, and chunkRows keeps inserts under it', async () => {
    const db = open();
    const prefix = uniqueId('bulk');
    // Drizzle binds every column it is given and each boolean default (rehearsal, second pair
    // of eyes, automatic updates from the count, current): 10 per election row here.
    const rows = Array.from({ length: 20 }, (_, i) => election(`${prefix}-${i}`));
    expect(await failure(db.insert(elections).values(rows))).toMatch(/too many SQL variables/i);

    for (const chunk of chunkRows(rows, 10)) await db.insert(elections).values(chunk);
    const stored = await db.select({ id: elections.id }).from(elections).where(inArray(elections.id, rows.map((r) => r.id)));
    expect(stored).toHaveLength(rows.length);
  });

  it('readTogether answers several queries in one batch, in order', async () => {
    const db = open();
    const id = uniqueId('together');
    await db.insert(elections).values(election(id));
    const [byId, none] = await readTogether(db, [
      db.select().from(elections).where(eq(elections.id, id)),
      db.select().from(elections).where(eq(elections.id, uniqueId('missing'))),
    ]);
    expect(byId.map((r) => r.id)).toEqual([id]);
    expect(none).toEqual([]);
  });
});
