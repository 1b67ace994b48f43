// `WEB_CONCURRENCY=2 npm start`: two server processes on one port and one SQLite file
// (src/nodeCluster.ts). A declaration made through either shows on the pages both serve
// within 5 s, and each is posted exactly once, by the one process that runs the dispatcher.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/sqlite';
import { startAllFakes, type Fakes } from './social/fakes/all';
import { expectExactlyOnePostPerRow } from './social/exactlyOnce';
import { medwayNight, medwayWardNames } from './social/medwayNight';
import { textOf } from './support/pageText';
import { slowProcesses, startNodeServer, stopServers } from './support/processes';

let fakes: Fakes | undefined;
afterAll(async () => {
  stopServers();
  await fakes?.close();
});

/**
 * A request on a connection of its own (no keep-alive): the primary hands each new
 * connection to the next process in turn, so consecutive requests reach both.
 */
function once(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The server processes under the cluster's primary. */
const workersOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);

describe('WEB_CONCURRENCY=2: two processes, one port, one file', { timeout: slowProcesses }, () => {
  it('shows a declaration made through either process on the pages of both within 5 s, and posts it exactly once', async () => {
    fakes = await startAllFakes();
    const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-cluster-')), 'declare.db');
    const setup = openSqlite(dbPath);
    const night = await medwayNight(async () => setup.db);
    const wards = medwayWardNames.slice(0, 6);
    const submissions = await Promise.all(wards.map((ward) => night.medwaySubmission(ward)));
    setup.close();

    const server = await startNodeServer({ ...fakes.env, DB_PATH: dbPath, HOST: '127.0.0.1', WEB_CONCURRENCY: '2', SOCIAL_LOG: 'off', SOCIAL_POLL_MS: '500' });
    expect(workersOf(server.child.pid!)).toHaveLength(2);
    // Both processes listening: the second can start a moment after the first line.
    await expect.poll(async () => (await Promise.all([0, 1].map(() => once(server.port, '/healthz')))).map((r) => r.status), { timeout: 15_000 }).toEqual([200, 200]);

    const live = `/elections/${encodeURIComponent(night.def.id)}/live`;
    for (const [i, ward] of wards.entries()) {
      const { contestId, body } = submissions[i]!;
      const posted = await once(server.port, `/api/v1/contests/${encodeURIComponent(contestId)}/declaration`, {
        method: 'POST',
        headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ ...body, acceptWarnings: true }),
      });
      expect(posted.status, ward).toBe(201);
      const declaredAt = Date.now();
      // Four requests in a row, each on a new connection, so two to each process: all show it.
      const shown = `${i + 1} of 24 wards declared`;
      await expect
        .poll(async () => (await Promise.all([0, 1, 2, 3].map(() => once(server.port, live)))).every((r) => textOf(r.text).includes(shown)), {
          timeout: 5_000,
          interval: 50,
          message: `${ward} on the pages of both processes`,
        })
        .toBe(true);
      expect(Date.now() - declaredAt).toBeLessThan(5_000);
    }

    // Every platform posts each of the six once, though either process took the declaration.
    const rows = () => {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('select channel, status, body, link, contest_id as contestId, version from outbox').all() as Parameters<typeof expectExactlyOnePostPerRow>[0];
      } finally {
        db.close();
      }
    };
    await expect.poll(() => rows().map((r) => r.status), { timeout: 20_000, interval: 50 }).toEqual(Array(wards.length * 5).fill('posted'));
    // A while longer, for any second post to show itself.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expectExactlyOnePostPerRow(rows(), fakes);
    expect(fakes.x.tweets).toHaveLength(wards.length);
    // One process speaks for the cluster: the start-up lines once.
    expect(server.output().match(/Declare is running on/g)).toHaveLength(1);
  });
});
