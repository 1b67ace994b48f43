// The sign-in throttle in the real Node server: the address it counts is the socket's, so a
// guesser cannot claim a new address with every guess by sending a header (on Workers,
// Cloudflare sets CF-Connecting-IP itself; on Node anyone can send it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { createUser } from '../../db/users';
import { hashPassword } from '../../src/auth/password';
import { formBody } from '../support/harness';
import { slowProcesses, startNodeServer, stopServers } from '../support/processes';

afterAll(stopServers);

describe('signing in to the Node server', { timeout: slowProcesses }, () => {
  it('counts guesses by the connection, whatever address a header claims', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-throttle-')), 'declare.db');
    const setup = openSqlite(dbPath);
    await createUser(setup.db, { name: 'sam', role: 'officer', passwordHash: await hashPassword('the right one') });
    setup.close();
    const { port } = await startNodeServer({ DB_PATH: dbPath, HOST: '127.0.0.1', SOCIAL_LOG: 'off' });
    const base = `http://127.0.0.1:${port}`;
    const attempt = (password: string, claimed: string) =>
      fetch(`${base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': claimed, 'x-forwarded-for': claimed },
        body: formBody({ name: 'sam', password, next: '/officer' }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt(`guess ${i}`, `192.0.2.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await attempt('the right one', '192.0.2.99');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(/Too many wrong passwords for this account\. Try again in \d+ seconds/);
  });
});
