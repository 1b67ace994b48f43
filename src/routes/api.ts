// The public JSON API: read-only, and the source every page, feed and post renders from.
// Journalists poll it like residents poll the pages, so it is served the same way: built
// once per change (PublishedPages), with an ETag, gzip and a short shared-cache lifetime,
// and readable by scripts on any origin (CORS, src/http/cors.ts).
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import { currentElectionId } from '../../db/currentElection';
import type { AppEnv } from '../env';
import type { Rendered } from '../http/rendered';
import { openDataCaching, openDataError } from '../http/cors';
import { parseSince } from '../results/changesSince';
import { PublishedPages } from '../published/publishedPages';

const json = 'application/json; charset=utf-8';

const noElection = 'There is no election with that id.';

/** Mounted before the session middleware, like the results pages: it only reads. */
export function publicApi(database: (c: Context) => Db, pages = new PublishedPages()) {
  const send = (c: Context<AppEnv>, rendered: Rendered | null, missing: string) =>
    rendered ? pages.send(c, rendered, openDataCaching, json) : openDataError(c, 404, 'not_found', missing);
  async function election(c: Context<AppEnv>, electionId: string) {
    const since = c.req.query('since');
    if (since === undefined) {
      return send(c, await pages.electionDocument(database(c), electionId, 'json', (view) => JSON.stringify(view.results)), noElection);
    }
    const parsed = parseSince(since);
    if (!parsed.ok) return openDataError(c, 400, 'invalid', parsed.message);
    return send(c, await pages.electionChanges(database(c), electionId, parsed.since), noElection);
  }
  return new Hono<AppEnv>()
    // The default election for scripts that follow whichever is current (db/currentElection.ts):
    // its document itself, whose `id` says which it is. Before `:electionId` (no election may be called "current").
    .get('/elections/current', async (c) => {
      const current = await currentElectionId(database(c));
      return current ? election(c, current) : openDataError(c, 404, 'not_found', 'No election has been set up yet.');
    })
    .get('/elections/:electionId', (c) => election(c, c.req.param('electionId')))
    .get('/elections/:electionId/contests/:contestId', async (c) =>
      send(
        c,
        await pages.contestJson(database(c), c.req.param('electionId'), c.req.param('contestId')),
        'There is no contest with that id in that election.',
      ),
    );
}
