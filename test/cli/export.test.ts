// `npm run cli -- export`, `import --replay` and `backup` against real database files: through
// the CLI's run() in this process, and once as the real process an operator starts.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { createApp } from '../../src/app';
import { dumpDatabaseFile } from '../support/dumpFile';
import { harness } from '../support/harness';
import { cliInProcess } from '../support/cli';
import { runScript, slowProcesses } from '../support/processes';

const cliIn = (dbPath: string, ...args: string[]) => cliInProcess(args, { DB_PATH: dbPath });
/** `npm run cli` as a real process. */
const cliProcess = (dbPath: string, ...args: string[]) => runScript('src/cli/main.ts', args, { DB_PATH: dbPath });

/** A database file with a night on it: two wards declared, one corrected. */
async function nightOnFile() {
  const dir = mkdtempSync(join(tmpdir(), 'declare-cli-export-'));
  const dbPath = join(dir, 'declare.db');
  const handle = openSqlite(dbPath);
  const h = await harness(async () => handle.db);
  for (const name of ['All Saints', 'Fort Pitt']) {
    const { contestId, body } = await h.medwaySubmission(name);
    expect((await h.declare(contestId, body)).status).toBe(201);
  }
  const { contestId, body } = await h.medwaySubmission('All Saints');
  const corrected = { ...body, votes: body.votes.map((v) => (v.votes === 252 ? { ...v, votes: 262 } : v)), acceptWarnings: true, reason: 'Wallace bundle of 10 missed' };
  expect((await h.declare(contestId, corrected)).status).toBe(201);
  const results = await (await h.app.request(`/api/v1/elections/${h.def.id}`)).text();
  handle.close();
  return { dir, dbPath, electionId: h.def.id, results };
}

describe('npm run cli -- export, import --replay, backup', () => {
  it('exports an election to a new file, replays it into an empty database once, and the results read the same', async () => {
    const { dir, dbPath, electionId, results } = await nightOnFile();
    const file = join(dir, 'night.json');
    const exported = await cliIn(dbPath, 'export', electionId, file);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported Medway Council local elections 2023 (${electionId}) to ${file}: 24 wards, 3 declarations`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'declare-export', version: 1, electionId });

    // Never over an earlier file, never of an election that is not there.
    const written = readFileSync(file, 'utf8');
    const again = await cliIn(dbPath, 'export', electionId, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${file} already exists: choose a new name, so that no earlier export is overwritten. Nothing was written.`);
    expect(readFileSync(file, 'utf8')).toBe(written);
    const unknown = await cliIn(dbPath, 'export', 'local.nowhere.2023-05-04', join(dir, 'nowhere.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no election local.nowhere.2023-05-04 in this database. Nothing was written.');
    expect(existsSync(join(dir, 'nowhere.json'))).toBe(false);

    const emptyPath = join(dir, 'empty.db');
    const replayed = await cliIn(emptyPath, 'import', '--replay', file);
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toContain(`Replayed Medway Council local elections 2023 (${electionId}): 24 wards, 3 declarations`);
    const handle = openSqlite(emptyPath);
    const answer = await (await createApp({ db: () => handle.db }).request(`/api/v1/elections/${electionId}`)).text();
    handle.close();
    expect(answer).toBe(results);

    const before = await dumpDatabaseFile(emptyPath);
    const second = await cliIn(emptyPath, 'import', '--replay', file);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${file} was not replayed; nothing was changed:`);
    expect(second.stderr).toContain('is already on this site. A replay only loads an election the site does not have yet');
    expect(await dumpDatabaseFile(emptyPath)).toEqual(before);
  });

  it('refuses a file that is not an export, naming the problem, and changes nothing', async () => {
    const { dir } = await nightOnFile();
    const emptyPath = join(dir, 'empty.db');
    const medway = join(process.cwd(), 'db/demo/medway-2023.json');
    const refused = await cliIn(emptyPath, 'import', '--replay', medway);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The file is not an export of Declare (its "format" is not "declare-export")');
    expect((await dumpDatabaseFile(emptyPath)).elections).toEqual([]);
  });

  it('records a replay as SQL for D1 with --sql, which builds the same election elsewhere', async () => {
    const { dir, dbPath, electionId, results } = await nightOnFile();
    const file = join(dir, 'night.json');
    expect((await cliIn(dbPath, 'export', electionId, file)).code).toBe(0);
    const sql = join(dir, 'replay.sql');
    const mirror = await cliIn(join(dir, 'mirror.db'), 'import', '--replay', file, '--sql', sql);
    expect(mirror.code).toBe(0);
    expect(mirror.stdout).toContain(`SQL appended to ${sql}`);
    // Applied to a database of its own, as wrangler d1 execute would apply it.
    const elsewhere = openSqlite(join(dir, 'elsewhere.db'));
    elsewhere.sqlite.exec(readFileSync(sql, 'utf8'));
    const answer = await (await createApp({ db: () => elsewhere.db }).request(`/api/v1/elections/${electionId}`)).text();
    elsewhere.close();
    expect(answer).toBe(results);
  });

  it('backs up the database to a new file that opens and holds the declarations', { timeout: slowProcesses }, async () => {
    const { dir, dbPath, electionId } = await nightOnFile();
    const file = join(dir, 'backup.sqlite');
    const result = await cliProcess(dbPath, 'backup', file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Backed up ${dbPath} to ${file}.`);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const declared = copy
      .prepare('select count(*) as n from declarations join contests on contests.id = declarations.contest_id where contests.election_id = ?')
      .get(electionId);
    copy.close();
    expect(declared).toEqual({ n: 3 });
    const again = await cliIn(dbPath, 'backup', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists: choose a new name, so that no earlier backup is overwritten.');
  });
});
