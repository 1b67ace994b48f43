import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { harness } from '../support/harness';
import { declarationRouteSuite } from './declarations.suite';

declarationRouteSuite('better-sqlite3', async () => openSqlite(':memory:').db);

describe('rejected input on better-sqlite3', () => {
  it('leaves the database file byte-for-byte unchanged', async () => {
    const handle = openSqlite(':memory:');
    const h = await harness(async () => handle.db);
    const { contestId, body } = await h.medwaySubmission('Fort Pitt');
    // A token's last use is noted at most once a minute: noted now, so the refused requests
    // below have nothing at all to write.
    await h.app.request(`/officer/elections/${encodeURIComponent(h.def.id)}`, { headers: { authorization: `Bearer ${h.officer.token}` } });
    const before = handle.sqlite.serialize();
    const answers = await Promise.all([
      h.declare(contestId, { ...body, votes: body.votes.slice(1) }),
      h.declare(contestId, { ...body, ballotPapersVerified: { pollingStations: 1, postal: 1 } }),
      h.declare(contestId, { ...body, rejected: { ...body.rejected, identifiable: -1 } }),
      h.declare(contestId, body, { token: 'wrong' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([422, 422, 422, 401]);
    expect(Buffer.compare(handle.sqlite.serialize(), before)).toBe(0);
  });
});
