// The public JSON API: read-only, and the source every page, feed and post renders from.
// Journalists poll it like residents poll the pages, so it is served the same way: built
// once per change (PublishedPages), with an ETag, gzip and a short shared-cache lifetime,
// and readable by scripts on any origin (CORS, src/http/cors.ts).
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import type { AppEnv } from '../env';
import type { Rendered } from '../http/rendered';
import { openDataCaching, openDataError } from '../http/cors';
import { parseSince } from '../results/changesSince';
import { PublishedPages } from '../results/publishedPages';

const json = 'application/json; charset=utf-8';

const noElection = 'There is no election with that id.';

/** Mounted before the session middleware, like the results pages: it only reads. */
export function publicApi(database: (c: Context) => Db, pages = new PublishedPages()) {
  const send = (c: Context<AppEnv>, rendered: Rendered | null, missing: string) =>
    rendered ? pages.send(c, rendered, openDataCaching, json) : openDataError(c, 404, 'not_found', missing);
  return new Hono<AppEnv>()
    .get('/elections/:electionId', async (c) => {
      const electionId = c.req.param('electionId');
      const since = c.req.query('since');
      if (since === undefined) {
        return send(c, await pages.electionDocument(database(c), electionId, 'json', (view) => JSON.stringify(view.results)), noElection);
      }
      const parsed = parseSince(since);
      if (!parsed.ok) return openDataError(c, 400, 'invalid', parsed.message);
      return send(c, await pages.electionChanges(database(c), electionId, parsed.since), noElection);
    })
    .get('/elections/:electionId/contests/:contestId', async (c) =>
      send(
        c,
        await pages.contestJson(database(c), c.req.param('electionId'), c.req.param('contestId')),
        'There is no contest with that id in that election.',
      ),
    );
}
