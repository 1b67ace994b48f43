// The public JSON API: read-only, and the source every page, feed and post renders from.
// Journalists poll it like residents poll the pages, so it is served the same way: built
// once per change (PublishedPages), with an ETag, gzip and a short shared-cache lifetime.
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import type { AppEnv } from '../env';
import type { Rendered } from '../http/rendered';
import { pageCaching } from '../http/caching';
import { sendRendered } from '../http/sendRendered';
import { PublishedPages } from '../results/publishedPages';

const json = 'application/json; charset=utf-8';

function send(c: Context<AppEnv>, rendered: Rendered | null, missing: string) {
  return rendered ? sendRendered(c, rendered, pageCaching, json) : c.json({ error: 'not_found', message: missing }, 404);
}

/** Mounted before the session middleware, like the results pages: it only reads. */
export function publicApi(database: (c: Context) => Db, pages = new PublishedPages()) {
  return new Hono<AppEnv>()
    .get('/elections/:electionId', async (c) =>
      send(
        c,
        await pages.electionDocument(database(c), c.req.param('electionId'), 'json', (view) => JSON.stringify(view.results)),
        'There is no election with that id.',
      ),
    )
    .get('/elections/:electionId/contests/:contestId', async (c) =>
      send(
        c,
        await pages.contestJson(database(c), c.req.param('electionId'), c.req.param('contestId')),
        'There is no contest with that id in that election.',
      ),
    );
}
