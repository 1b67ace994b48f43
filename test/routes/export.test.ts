import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { createApp } from '../../src/app';
import { sqliteBackup } from '../../src/backup/sqliteBackup';
import { harness, signIn, testPassword } from '../support/harness';
import { exportSuite } from './export.suite';

const memory = async () => openSqlite(':memory:').db;
exportSuite('better-sqlite3', memory, memory);

describe('Admin → Export on Node: the SQLite backup', () => {
  it('downloads a consistent copy of the database file, with no-store, and removes its temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'declare-backup-route-'));
    const handle = openSqlite(join(dir, 'declare.db'));
    const temp = mkdtempSync(join(tmpdir(), 'declare-backup-temp-'));
    const h = await harness(async () => handle.db);
    const app = createApp({ db: () => handle.db, backup: sqliteBackup(handle.sqlite, { tempDir: temp }) });
    const { contestId, body } = await h.medwaySubmission('All Saints');
    expect((await h.declare(contestId, body)).status).toBe(201);
    const admin = await h.userWithToken('admin');
    const browser = await signIn(app, admin.user.name, testPassword, '/admin/export');
    expect(await (await browser.get('/admin/export')).text()).toContain('Download a SQLite backup');

    const res = await browser.get('/admin/backup');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="declare-backup-\d{4}-\d\d-\d\dT\d{6}Z\.sqlite"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const copy = join(dir, 'downloaded.sqlite');
    writeFileSync(copy, bytes);
    const opened = new Database(copy, { readonly: true });
    expect(opened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(opened.prepare('select count(*) as n from declarations where contest_id = ?').get(contestId)).toEqual({ n: 1 });
    opened.close();
    // The temporary copy is gone once sent.
    await expect.poll(() => readdirSync(temp)).toEqual([]);
    handle.close();
  });
});
