import { describe, expect, it } from 'vitest';
import { makeCurrent } from '../../db/currentElection';
import { openSqlite } from '../../db/sqlite';
import { PublishedPages } from '../../src/published/publishedPages';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';
import { harness } from '../support/harness';
import { textOf } from '../support/pageText';
import { serveLikeNode } from '../support/likeNode';
import { currentElectionSuite } from './currentElection.suite';

currentElectionSuite('better-sqlite3', async () => openSqlite(':memory:').db);

describe('the current election with answers kept ready (Node)', () => {
  it("follows a change made by another process (a second server of the cluster) on the next request", async () => {
    // Versions trusted for a minute: only a request's own reading can see the change.
    const published = new PublishedPages({ versionRecheckMs: 60_000, keepAnswersReady: true });
    const h = await harness(async () => openSqlite(':memory:').db, { published });
    const other = freshMedway({ name: 'Medway Council local elections 2031', date: '2031-05-01' });
    await importElection(h.db, other);
    const server = await serveLikeNode(published, h.app);
    const currentId = async () => JSON.parse((await server.get('/api/v1/elections/current')).text()).id;
    const embed = async () => textOf((await server.get('/embed/elections/current')).text());
    for (let i = 0; i < 2; i++) {
      expect(await currentId()).toBe(h.def.id);
      expect(await embed()).toContain('Medway Council local elections 2023');
    }
    // Written straight to the database, as another process would: this one is not told.
    expect(await makeCurrent(h.db, other.id, {})).toBe('made');
    expect(await currentId()).toBe(other.id);
    expect(await embed()).toContain('Medway Council local elections 2031');
  });
});
