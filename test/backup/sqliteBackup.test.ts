// The SQLite backup, made while declarations keep arriving: through the server's own
// connection (Admin → Export) and through another one (the CLI while the server runs). Either
// way the copy opens, passes SQLite's integrity check, and holds the database as it stood at
// one moment: every version it holds has all its votes and the election stamp of the last.
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { backupToFile, sqliteBackup } from '../../src/backup/sqliteBackup';
import { harness } from '../support/harness';

/** A server's database with an election, a declared ward, and a long audit log so the copy takes many steps. */
async function busyDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'declare-backup-'));
  const path = join(dir, 'declare.db');
  const handle = openSqlite(path);
  const h = await harness(async () => handle.db);
  const insert = handle.sqlite.prepare(`insert into audit_log (at, action, entity, entity_id, detail) values (?, 'padding', 'test', ?, ?)`);
  handle.sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(new Date().toISOString(), String(i), JSON.stringify({ note: 'x'.repeat(200) }));
  })();
  const { contestId, body } = await h.medwaySubmission('All Saints');
  expect((await h.declare(contestId, body)).status).toBe(201);
  // Corrections move the winner's votes up, so no figure ever ties and every one is accepted.
  const top = body.votes.reduce((best, v, i, all) => (v.votes > all[best]!.votes ? i : best), 0);
  /** Corrections of All Saints, one after another, until told to stop; how many were made. */
  function keepCorrecting() {
    let stop = false;
    let made = 0;
    const done = (async () => {
      while (!stop) {
        const votes = body.votes.map((v, i) => (i === top ? { ...v, votes: v.votes + made + 1 } : v));
        const res = await h.declare(contestId, { ...body, votes, acceptWarnings: true, reason: `Recounted bundle ${made + 1}` });
        expect(res.status).toBe(201);
        made += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return { made: () => made, stop: async () => ((stop = true), await done, made) };
  }
  return { dir, path, handle, h, contestId, keepCorrecting };
}

/** What the copy holds of the ward, checked for a torn state. */
function checkCopy(file: string, contestId: string, electionId: string, candidates: number) {
  const copy = new Database(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const versions = copy.prepare('select version, created_at as createdAt from declarations where contest_id = ? order by version').all(contestId) as { version: number; createdAt: string }[];
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
    for (const { version } of versions) {
      expect(copy.prepare('select count(*) as n from declaration_votes where contest_id = ? and version = ?').get(contestId, version)).toEqual({ n: candidates });
    }
    // The election's stamp is written with each version: the copy's is its last version's.
    const { updatedAt } = copy.prepare('select updated_at as updatedAt from elections where id = ?').get(electionId) as { updatedAt: string };
    expect(updatedAt).toBe(versions.at(-1)!.createdAt);
    return versions.length;
  } finally {
    copy.close();
  }
}

describe('the SQLite backup, while a writer writes', () => {
  it("through the server's connection, in steps between its requests", async () => {
    const { dir, handle, h, contestId, keepCorrecting } = await busyDatabase();
    const candidates = (await h.contest('All Saints')).candidates.length;
    const writer = keepCorrecting();
    const before = writer.made();
    const made = await sqliteBackup(handle.sqlite)();
    const file = join(dir, 'downloaded.sqlite');
    await pipeline(Readable.fromWeb(made.body as never), createWriteStream(file));
    const during = writer.made() - before;
    const total = await writer.stop();
    // Declarations went on while the copy was made, and it holds one moment of them.
    expect(during).toBeGreaterThan(0);
    const versions = checkCopy(file, contestId, h.def.id, candidates);
    expect(versions).toBeGreaterThanOrEqual(1 + before);
    expect(versions).toBeLessThanOrEqual(1 + total);
    handle.close();
  });

  it('through a connection of its own (the CLI), in one step, however busy the server', async () => {
    const { dir, path, handle, h, contestId, keepCorrecting } = await busyDatabase();
    const candidates = (await h.contest('All Saints')).candidates.length;
    const writer = keepCorrecting();
    const other = new Database(path, { fileMustExist: true });
    const file = join(dir, 'cli.sqlite');
    // Started once the writer is under way, so every step may meet a write.
    while (writer.made() < 3) await new Promise((resolve) => setImmediate(resolve));
    await backupToFile(other, file, { inOneStep: true });
    other.close();
    const total = await writer.stop();
    const versions = checkCopy(file, contestId, h.def.id, candidates);
    expect(versions).toBeGreaterThanOrEqual(1 + 3);
    expect(versions).toBeLessThanOrEqual(1 + total);
    handle.close();
  });
});
