// Starting the real server process (`npm start`) with what an operator may get wrong: a
// DB_PATH that cannot be used, and no PUBLIC_URL in production.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/sqlite';
import { loadDemoIfEmpty } from '../src/demo';
import { runScript, serverEntry, slowProcesses, startNodeServer, stopServers } from './support/processes';

afterEach(stopServers);

const dir = mkdtempSync(join(tmpdir(), 'declare-startup-'));
const startWith = (dbPath: string) => runScript(serverEntry, [], { DB_PATH: dbPath, PORT: '1', HOST: '127.0.0.1', WEB_CONCURRENCY: '1' });

/** A real database with the demo election in it, as a night's file would be. */
async function realDatabase(name: string): Promise<string> {
  const path = join(dir, name);
  const handle = openSqlite(path);
  await loadDemoIfEmpty(handle.db);
  handle.close();
  return path;
}

// Root writes to any file whatever its mode; an immutable file it cannot. Undone after.
const immutable: string[] = [];
function makeReadOnly(path: string): boolean {
  try {
    if (process.getuid?.() === 0) execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
    else execFileSync('chmod', ['a-w', path]);
    immutable.push(path);
    return true;
  } catch {
    return false;
  }
}
afterAll(() => {
  for (const path of immutable) execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
});

describe('starting with a DB_PATH that cannot be used', { timeout: slowProcesses }, () => {
  const cases: [string, () => Promise<string>, string][] = [
    ['a directory', async () => mkdirSync(join(dir, 'a-folder.db'), { recursive: true }) ?? join(dir, 'a-folder.db'), 'is a directory, not a database file'],
    [
      'a file of another kind',
      async () => {
        writeFileSync(join(dir, 'notes.db'), 'These are my notes, not a database.\n'.repeat(200));
        return join(dir, 'notes.db');
      },
      'is not a SQLite database (corrupt or another kind of file)',
    ],
    [
      'a truncated database',
      async () => {
        const path = join(dir, 'truncated.db');
        copyFileSync(await realDatabase('whole.db'), path);
        truncateSync(path, 3 * 4096);
        return path;
      },
      'is not a SQLite database (corrupt or another kind of file)',
    ],
  ];

  it.each(cases)('%s: says so in one line naming the path, and exits with 1', async (_what, make, says) => {
    const path = await make();
    const started = await startWith(path);
    expect(started.code).toBe(1);
    expect(started.stderr.trim()).toBe(`DB_PATH ${path} ${says}`);
    expect(started.stdout).not.toContain('Declare is running');
  });

  it('a read-only database: says it cannot be written, and exits with 1', async () => {
    const path = await realDatabase('read-only.db');
    expect(makeReadOnly(path), 'this machine can make a file read-only (chattr as root, chmod otherwise)').toBe(true);
    const started = await startWith(path);
    expect(started.code).toBe(1);
    expect(started.stderr.trim()).toBe(`DB_PATH ${path} cannot be written (read-only)`);
  });
});

describe('starting without PUBLIC_URL', { timeout: slowProcesses }, () => {
  it('links the feeds to the server itself, never to an address a request names', async () => {
    const { port } = await startNodeServer({ DB_PATH: join(dir, 'feeds.db'), HOST: '127.0.0.1' });
    const feed = await new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v1/elections/local.medway.2023-05-04/declarations.atom', headers: { host: 'evil.example' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ headers: res.headers, body }));
      });
      req.on('error', reject).end();
    });
    expect(feed.body).toContain(`href="http://localhost:${port}/elections/local.medway.2023-05-04"`);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.headers['cache-control']).toMatch(/^public, /);
  });

  it('warns at start-up in production', async () => {
    const server = await startNodeServer({ DB_PATH: join(dir, 'production.db'), HOST: '127.0.0.1', NODE_ENV: 'production' });
    await expect.poll(() => server.output()).toContain(`PUBLIC_URL is not set: links in feeds and posts go to http://localhost:${server.port}`);
  });
});
