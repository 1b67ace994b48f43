import { describe, expect, it } from 'vitest';
import { makeCurrent } from '../../db/currentElection';
import { openSqlite } from '../../db/sqlite';
import { PublishedPages } from '../../src/published/publishedPages';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { harness } from '../support/harness';
import { textOf } from '../support/pageText';
import { readyOrApp } from '../support/readyOrApp';
import { currentElectionSuite } from './currentElection.suite';

currentElectionSuite('better-sqlite3', async () => openSqlite(':memory:').db);

describe('the current election with answers kept ready (Node)', () => {
  it("follows a change made by another process (a second server of the cluster) on the next request", async () => {
    // Versions trusted for a minute: only a request's own reading can see the change.
    const published = new PublishedPages({ versionRecheckMs: 60_000, keepAnswersReady: true });
    const h = await harness(async () => openSqlite(':memory:').db, { published });
    const other = freshMedway({ name: 'Medway Council local elections 2031', date: '2031-05-01' });
    await importElection(h.db, other);
    const answer = readyOrApp(published, h.app);
    const get = async (path: string) => (await answer(path)).res;
    for (let i = 0; i < 2; i++) {
      expect((await (await get('/api/v1/elections/current')).json()).id).toBe(h.def.id);
      expect(textOf(await (await get('/embed/elections/current')).text())).toContain('Medway Council local elections 2023');
    }
    // Written straight to the database, as another process would: this one is not told.
    expect(await makeCurrent(h.db, other.id, {})).toBe('made');
    expect((await (await get('/api/v1/elections/current')).json()).id).toBe(other.id);
    expect(textOf(await (await get('/embed/elections/current')).text())).toContain('Medway Council local elections 2031');
  });
});
