// A confirmed declaration survives the server being killed outright: the 201 is sent only
// after SQLite has committed it (WAL with synchronous=FULL), so SIGKILL right after the answer
// loses nothing, and the restarted server publishes it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadElection } from '../db/results';
import { openSqlite } from '../db/sqlite';
import { addApiToken, createUser } from '../db/users';
import { hashToken, newApiToken } from '../src/auth/secrets';
import { candidateId } from '../src/setup/candidateId';
import { loadDemoIfEmpty } from '../src/demo';
import { medwayWard } from './fixtures';
import { killOutright, startNodeServer, stopServers } from './support/processes';

const startNode = (dbPath: string) => startNodeServer({ DB_PATH: dbPath, HOST: '127.0.0.1' });
afterEach(stopServers);

describe('a crash after a declaration', () => {
  it('loses nothing that was confirmed', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'declare-crash-')), 'declare.db');
    const token = newApiToken();
    {
      const setup = openSqlite(dbPath);
      await loadDemoIfEmpty(setup.db);
      const user = await createUser(setup.db, { name: 'count-pc', role: 'officer', passwordHash: 'unused' });
      await addApiToken(setup.db, user.id, 'crash test', await hashToken(token));
      setup.close();
    }
    const first = await startNode(dbPath);

    const ward = medwayWard('Gillingham South');
    const res = await fetch(`http://127.0.0.1:${first.port}/api/v1/contests/${ward.id}/declaration`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'crash-1' },
      body: JSON.stringify({
        votes: ward.candidates.map((c) => ({ candidate: candidateId(ward.id, c), votes: c.votes })),
        rejected: ward.rejected,
        ballotPapersVerified: { pollingStations: ward.ballotPapersVerified.pollingStations, postal: ward.ballotPapersVerified.postal },
      }),
    });
    expect(res.status).toBe(201);
    await killOutright(first);

    const after = openSqlite(dbPath);
    const contest = (await loadElection(after.db, 'local.medway.2023-05-04'))!.contests.find((c) => c.id === ward.id)!;
    after.close();
    expect(contest.status).toBe('declared');
    expect(contest.versions.map((v) => v.version)).toEqual([1]);

    const restarted = await startNode(dbPath);
    const published = (await (await fetch(`http://127.0.0.1:${restarted.port}/api/v1/elections/local.medway.2023-05-04/contests/${ward.id}`)).json()) as any;
    expect(published).toMatchObject({ status: 'declared', version: 1, validVotes: ward.candidates.reduce((n, c) => n + c.votes, 0) });
  });
});
