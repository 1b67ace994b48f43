// The outbox's migrations keep every row a council has when it upgrades mid-night:
// - 0009 and 0010 add update_id and rebuild the outbox (contest_id becomes optional, for
//   updates from the count), with no update id made up for an existing row;
// - 0012 renames the state "dead" to "failed", changing nothing else.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { migrationsFolder } from '../../db/sqlite';

const before = mkdtempSync(join(tmpdir(), 'declare-migrations-'));
afterAll(() => rmSync(before, { recursive: true, force: true }));

/** The migrations folder as it was up to migration `last`. */
function migrationsUpTo(last: number): string {
  cpSync(migrationsFolder, before, { recursive: true });
  const journalPath = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return before;
}

const contestId = 'local.medway.all-saints.2023-05-04';

/** A database migrated up to `last`, with an election and a ward as that schema has them (the import writes today's columns). */
function databaseAt(last: number) {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsUpTo(last) });
  sqlite.prepare(`INSERT INTO elections (id, name, organisation, date, total_seats, updated_at) VALUES ('local.medway.2023-05-04', 'Medway', 'Medway Council', '2023-05-04', 59, '2023-05-05T00:00:00.000Z')`).run();
  sqlite
    .prepare(`INSERT INTO contests (id, election_id, name, seats, electorate, position, updated_at) VALUES (?, 'local.medway.2023-05-04', 'All Saints', 1, 3495, 0, '2023-05-05T00:00:00.000Z')`)
    .run(contestId);
  return { sqlite, db };
}

describe('the outbox migration for updates from the count', () => {
  it('keeps existing rows whole, with no update id, and then takes rows of updates', () => {
    const { sqlite, db } = databaseAt(8);
    sqlite
      .prepare(`INSERT INTO outbox (id, contest_id, version, channel, status, next_attempt_at, updated_at, body, remote_id) VALUES (?, ?, 1, 'x', 'posted', ?, ?, 'All Saints ward: Ind win.', '1650000000000000001')`)
      .run('row-1', contestId, '2023-05-05T01:00:00.000Z', '2023-05-05T01:00:01.000Z');
    const old = sqlite.prepare('SELECT * FROM outbox').all();

    migrate(db, { migrationsFolder });
    const rows = sqlite.prepare('SELECT * FROM outbox').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const { update_id: updateId, ...rest } = rows[0]!;
    expect(updateId).toBeNull();
    expect(rest).toEqual(old[0]);
    // A row about an update from the count, with no ward, now fits.
    sqlite
      .prepare(`INSERT INTO outbox (id, update_id, version, channel, next_attempt_at, updated_at) VALUES ('row-2', 'an-update', 1, 'x', ?, ?)`)
      .run('2023-05-05T01:00:00.000Z', '2023-05-05T01:00:00.000Z');
    expect(() =>
      sqlite.prepare(`INSERT INTO outbox (id, update_id, version, channel, next_attempt_at, updated_at) VALUES ('row-3', 'an-update', 1, 'x', 'a', 'b')`).run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('the outbox migration from "dead" to "failed"', () => {
  it('renames the state of every post that gave up, keeping the row, and leaves the others as they were', () => {
    const { sqlite, db } = databaseAt(11);
    const row = sqlite.prepare(
      `INSERT INTO outbox (id, contest_id, version, channel, status, attempts, next_attempt_at, updated_at, body, last_error, uncertain) VALUES (?, ?, 1, ?, ?, ?, '2023-05-05T01:00:00.000Z', '2023-05-05T01:05:00.000Z', 'All Saints ward: Ind win.', ?, ?)`,
    );
    row.run('gave-up', contestId, 'x', 'dead', 8, 'X answered 503 (gave up after 8 attempts)', 1);
    row.run('refused', contestId, 'mastodon', 'dead', 1, 'Mastodon refused the post (401): The access token is invalid', 0);
    for (const [i, status] of ['pending', 'held', 'sending', 'posted', 'cancelled'].entries()) row.run(`kept-${status}`, contestId, `channel-${i}`, status, 0, null, 0);
    const before = sqlite.prepare('SELECT * FROM outbox ORDER BY id').all() as Record<string, unknown>[];

    migrate(db, { migrationsFolder });
    const after = sqlite.prepare('SELECT * FROM outbox ORDER BY id').all() as Record<string, unknown>[];
    expect(after).toEqual(before.map((r) => (r.status === 'dead' ? { ...r, status: 'failed' } : r)));
    expect(after.filter((r) => r.status === 'failed').map((r) => r.id)).toEqual(['gave-up', 'refused']);
  });
});
