// The setup CLI against a real database file. Most tests call its run() in this process
// (the same command line, output and exit code, without a second or two of process start-up
// each); a few run it as the real process an operator starts (`npm run cli`), so the entry
// file, its exit codes and its streams are tested as they are used.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/audit';
import { recordDeclaration } from '../../db/declarations';
import { loadElection } from '../../db/results';
import { openSqlite } from '../../db/sqlite';
import { findUserByName, userForApiToken } from '../../db/users';
import { verifyPassword } from '../../src/auth/password';
import { hashToken } from '../../src/auth/secrets';
import { medwayFile } from '../fixtures';
import { cliInProcess } from '../support/cli';
import { dumpDatabase } from '../support/harness';
import { runScript, slowProcesses } from '../support/processes';

const cliIn = (dbPath: string, ...args: string[]) => cliInProcess(args, { DB_PATH: dbPath });

/** `npm run cli` as a real process. */
const cliProcess = (dbPath: string, ...args: string[]) => runScript('src/cli/main.ts', args, { DB_PATH: dbPath });

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'declare-cli-'));
  const medway = join(dir, 'medway.json');
  writeFileSync(medway, JSON.stringify(medwayFile));
  return { dir, dbPath: join(dir, 'declare.db'), medway };
}

async function dumpOf(dbPath: string) {
  const handle = openSqlite(dbPath);
  try {
    return await dumpDatabase(handle.db);
  } finally {
    handle.close();
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

describe('npm run cli -- import', () => {
  it('imports the Medway file, then updates it on a second import', { timeout: slowProcesses }, async () => {
    const w = workspace();
    const first = await cliProcess(w.dbPath, 'import', w.medway);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Imported Medway Council local elections 2023 \(local\.medway\.2023-05-04\): 24 contests, 186 candidates/);
    const again = await cliProcess(w.dbPath, 'import', w.medway);
    expect(again.stdout).toMatch(/^Updated Medway Council local elections 2023/);
    const handle = openSqlite(w.dbPath);
    expect((await loadElection(handle.db, 'local.medway.2023-05-04'))?.contests).toHaveLength(24);
    handle.close();
  });

  const malformed: [string, (f: any) => unknown, RegExp][] = [
    ['a candidate without a surname', (f) => { delete f.contests[0].candidates[1].surname; return f; }, /contests\[0\]\.candidates\[1\]\.surname: surname must be text/],
    ['a negative electorate', (f) => { f.contests[2].electorate = -5; return f; }, /contests\[2\]\.electorate: electorate cannot be negative/],
    ['a date in the wrong form', (f) => ({ ...f, date: '4 May 2023' }), /date: date must be written YYYY-MM-DD/],
    ['a contest id used twice', (f) => { f.contests[1].id = f.contests[0].id; return f; }, /contests\[1\]\.id: contest id local\.medway\.all-saints\.2023-05-04 is used twice/],
    ['more seats than the council has', (f) => ({ ...f, totalSeats: 50 }), /totalSeats: totalSeats is 50, but the contests and continuing councillors add up to 59 seats/],
    ['a bad party colour', (f) => ({ ...f, parties: [{ name: 'Labour', colour: 'red' }] }), /parties\[0\]\.colour: colour must be written like #1a2b3c/],
    [
      "a party twice in a ward's previous result",
      (f) => { f.contests[0].previous = [{ party: 'Labour', seats: 1 }, { party: 'Labour', seats: 1 }]; return f; },
      /contests\[0\]\.previous\[1\]\.party: Labour is given twice in the previous result of All Saints: give its seats once/,
    ],
    [
      'a party twice among the councillors continuing',
      (f) => ({ ...f, totalSeats: 61, continuing: [{ party: 'Labour', seats: 1 }, { party: 'Labour', seats: 1 }] }),
      /continuing\[1\]\.party: Labour is given twice among the councillors continuing: give its seats once/,
    ],
    [
      "another election's ward ids",
      (f) => ({ ...f, id: 'local.medway.2023-05-04.copy' }),
      /contests\[0\]\.id: contest id local\.medway\.all-saints\.2023-05-04 is already a ward of Medway Council local elections 2023: give this election's wards ids of their own/,
    ],
    [
      "another election's candidate id",
      (f) => {
        const copy = { ...f, id: 'local.medway.2023-05-04.copy', contests: f.contests.map((c: any) => ({ ...c, id: `${c.id}.copy` })) };
        copy.contests[2].candidates[0].id = 'local.medway.all-saints.2023-05-04:hyde-bernard-edward';
        return copy;
      },
      /contests\[2\]\.candidates\[0\]\.id: candidate id local\.medway\.all-saints\.2023-05-04:hyde-bernard-edward is already a candidate in Medway Council local elections 2023: give this election's candidates ids of their own/,
    ],
  ];

  it.each(malformed)('rejects %s, naming the field, and changes nothing', async (_what, spoil, message) => {
    const w = workspace();
    await cliIn(w.dbPath, 'import', w.medway);
    const before = await dumpOf(w.dbPath);
    const bad = join(w.dir, 'bad.json');
    const file = structuredClone(medwayFile) as any;
    file.name = 'Renamed';
    writeFileSync(bad, JSON.stringify(spoil(file)));
    const result = await cliIn(w.dbPath, 'import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was changed/);
    expect(result.stderr).toMatch(message);
    expect(await dumpOf(w.dbPath)).toEqual(before);
  });

  it('warns when two party names differ only in punctuation or capitals, and imports them as two parties', async () => {
    const w = workspace();
    const file = structuredClone(medwayFile);
    file.contests[0]!.candidates[0]!.party = "Residents' Association";
    file.contests[1]!.candidates[0]!.party = 'Residents Association';
    writeFileSync(w.medway, JSON.stringify(file));
    const result = await cliIn(w.dbPath, 'import', w.medway);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported Medway Council local elections 2023');
    expect(result.stdout).toContain(
      `Check the file: "Residents' Association" and "Residents Association" differ only in punctuation, spacing or capitals; they are imported as 2 different parties (residents-association, residents-association-2).`,
    );
  });

  it('says when a file is not JSON or does not exist', async () => {
    const w = workspace();
    const bad = join(w.dir, 'bad.json');
    writeFileSync(bad, '{"id": ');
    expect((await cliIn(w.dbPath, 'import', bad)).stderr).toMatch(/The file is not valid JSON/);
    expect((await cliIn(w.dbPath, 'import', join(w.dir, 'missing.json'))).stderr).toMatch(/Cannot read .*missing\.json: no such file/);
  });

  it('refuses to change a definition once results are entered', { timeout: slowProcesses }, async () => {
    const w = workspace();
    await cliIn(w.dbPath, 'import', w.medway);
    const handle = openSqlite(w.dbPath);
    const contest = (await loadElection(handle.db, 'local.medway.2023-05-04'))!.contests[0]!;
    await recordDeclaration(
      handle.db,
      {
        electionId: 'local.medway.2023-05-04', contestId: contest.id, version: 1, declaredAt: new Date().toISOString(), electorate: 3495,
        verified: { pollingStations: 634, postal: 331 }, rejected: { noOfficialMark: 0, tooManyVotes: 4, identifiable: 0, unmarkedOrUncertain: 1 },
        votes: contest.candidates.map((c, i) => ({ candidateId: c.id, votes: i, elected: i === 6, electedByLot: false })),
        reason: null, acceptedWarnings: [], channels: [],
      },
      {},
      null,
    );
    handle.close();
    const result = await cliProcess(w.dbPath, 'import', w.medway);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Results have already been entered for local\.medway\.2023-05-04/);
  });
});

describe('npm run cli -- user add / token add', () => {
  it('creates an officer and prints a working password alone on the last line', { timeout: slowProcesses }, async () => {
    const w = workspace();
    const result = await cliProcess(w.dbPath, 'user', 'add', 'sam', '--role', 'officer');
    expect(result.code).toBe(0);
    const password = lastLine(result.stdout);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const handle = openSqlite(w.dbPath);
    const user = await findUserByName(handle.db, 'sam');
    handle.close();
    expect(user?.role).toBe('officer');
    expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', user!.passwordHash)).toBe(false);
  });

  it('prints an API token for the user alone on the last line', async () => {
    const w = workspace();
    await cliIn(w.dbPath, 'user', 'add', 'count-pc', '--role', 'officer');
    const result = await cliIn(w.dbPath, 'token', 'add', 'count-pc');
    const token = lastLine(result.stdout);
    // Never begins with "-", which `--token <it>` would read as an option.
    expect(token).toMatch(/^declare_[A-Za-z0-9_-]{43}$/);
    const handle = openSqlite(w.dbPath);
    expect((await userForApiToken(handle.db, await hashToken(token)))?.name).toBe('count-pc');
    handle.close();
  });

  it('explains a wrong role, an unknown user and a duplicate name', async () => {
    const w = workspace();
    expect((await cliIn(w.dbPath, 'user', 'add', 'sam', '--role', 'boss')).stderr).toMatch(/--role must be officer or admin/);
    expect((await cliIn(w.dbPath, 'token', 'add', 'nobody')).stderr).toMatch(/There is no user called nobody/);
    await cliIn(w.dbPath, 'user', 'add', 'sam', '--role', 'admin');
    const dup = await cliIn(w.dbPath, 'user', 'add', 'sam', '--role', 'officer');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/There is already a user called sam/);
    expect((await cliIn(w.dbPath, 'frobnicate')).stderr).toMatch(/Usage:/);
  });
});

describe('npm run cli -- token revoke / user disable, enable, unlock', () => {
  const tokenWorks = async (dbPath: string, token: string) => {
    const handle = openSqlite(dbPath);
    try {
      return (await userForApiToken(handle.db, await hashToken(token)))?.name ?? null;
    } finally {
      handle.close();
    }
  };
  const trailOf = async (dbPath: string, name: string) => {
    const handle = openSqlite(dbPath);
    try {
      return (await auditTrail(handle.db, 'user', (await findUserByName(handle.db, name))!.id)).map((e) => e.action);
    } finally {
      handle.close();
    }
  };

  it('revokes a token by its label, then all of a user\'s tokens, saying which', async () => {
    const w = workspace();
    await cliIn(w.dbPath, 'user', 'add', 'count-pc', '--role', 'officer');
    const laptop = lastLine((await cliIn(w.dbPath, 'token', 'add', 'count-pc', '--label', 'laptop')).stdout);
    const spare = lastLine((await cliIn(w.dbPath, 'token', 'add', 'count-pc', '--label', 'spare')).stdout);

    const one = await cliIn(w.dbPath, 'token', 'revoke', 'count-pc', '--label', 'laptop');
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Revoked 1 API token of count-pc: laptop.');
    expect(await tokenWorks(w.dbPath, laptop)).toBeNull();
    expect(await tokenWorks(w.dbPath, spare)).toBe('count-pc');

    const none = await cliIn(w.dbPath, 'token', 'revoke', 'count-pc', '--label', 'laptop');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('count-pc has no API token labelled laptop still in force; nothing was changed.');
    const all = await cliIn(w.dbPath, 'token', 'revoke', 'count-pc');
    expect(all.stdout).toContain('Revoked 1 API token of count-pc: spare.');
    expect(await tokenWorks(w.dbPath, spare)).toBeNull();
    expect(await trailOf(w.dbPath, 'count-pc')).toEqual(['token.revoke', 'token.revoke', 'token.create', 'token.create', 'user.create']);
  });

  it('disables a user (their token stops), enables them again, and unlocks sign-in, each audited', async () => {
    const w = workspace();
    await cliIn(w.dbPath, 'user', 'add', 'sam', '--role', 'officer');
    const token = lastLine((await cliIn(w.dbPath, 'token', 'add', 'sam')).stdout);
    const off = await cliIn(w.dbPath, 'user', 'disable', 'sam');
    expect(off.stdout).toContain('Disabled sam: their sessions and API tokens no longer work.');
    expect(await tokenWorks(w.dbPath, token)).toBeNull();
    const on = await cliIn(w.dbPath, 'user', 'enable', 'sam');
    expect(on.stdout).toContain('Enabled sam: they can sign in again, and their API tokens work again.');
    expect(await tokenWorks(w.dbPath, token)).toBe('sam');
    const unlock = await cliIn(w.dbPath, 'user', 'unlock', 'sam');
    expect(unlock.stdout).toContain('Sign-in for sam is unlocked.');
    expect(await trailOf(w.dbPath, 'sam')).toEqual(['user.unlock', 'user.enable', 'user.disable', 'token.create', 'user.create']);
    const nobody = await cliIn(w.dbPath, 'user', 'disable', 'nobody');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('There is no user called nobody');
  });
});

describe('npm run cli -- ... --sql <file>', () => {
  it('writes the same change as SQL that sets up another database the same way', async () => {
    const w = workspace();
    const sql = join(w.dir, 'd1.sql');
    await cliIn(w.dbPath, 'import', w.medway, '--sql', sql);
    const admin = await cliIn(w.dbPath, 'user', 'add', 'alice', '--role', 'admin', '--sql', sql);
    expect(admin.stdout).toContain(`SQL appended to ${sql}: apply it with npx wrangler d1 execute DB --remote --file ${sql}`);
    const token = lastLine((await cliIn(w.dbPath, 'token', 'add', 'alice', '--sql', sql)).stdout);
    const refused = await cliIn(w.dbPath, 'user', 'add', 'alice', '--role', 'admin', '--sql', sql);
    expect(refused.code).toBe(1);

    // A fresh database standing in for D1: the real migrations, then the SQL file.
    const other = openSqlite(join(w.dir, 'other.db'));
    other.sqlite.exec(readFileSync(sql, 'utf8'));
    // Everything the same, but the times rows were created there, which is when they were.
    const withoutCreatedAt = (dump: Record<string, unknown[]>) =>
      Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, rows.map((r) => ({ ...(r as object), created_at: undefined }))]));
    expect(withoutCreatedAt(await dumpDatabase(other.db))).toEqual(withoutCreatedAt(await dumpOf(w.dbPath)));
    expect((await userForApiToken(other.db, await hashToken(token)))?.name).toBe('alice');
    expect(await verifyPassword(lastLine(admin.stdout), (await findUserByName(other.db, 'alice'))!.passwordHash)).toBe(true);
    other.close();
  });
});
