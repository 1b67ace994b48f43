// The public results pages and the live fragments htmx polls. Handlers only pick the
// render and send it: rendering happens once per change in PublishedPages.
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import { currentElectionId } from '../../db/currentElection';
import { electionPath } from '../http/paths';
import type { AppEnv } from '../env';
import { currentElectionCaching, fragmentCaching, pageCaching, unknownIdCaching, type Caching } from '../http/caching';
import { notFoundPage } from '../http/notFound';
import type { Rendered } from '../http/rendered';
import { PublishedPages } from '../published/publishedPages';

const noElection = 'There is no election with that id.';
const noElectionYet = 'No election has been set up yet.';
const noWard = 'There is no ward with that id in this election.';

/**
 * Mounted before the app's session and CSRF middleware (these pages are the same for
 * everyone and only read), so it gets the database itself. `origin` is the site's configured
 * public address, for the results page's embed snippet ('' when none is configured).
 */
export function resultsPages(database: (c: Context) => Db, pages = new PublishedPages(), origin: (c: Context) => string = () => '') {
  // Short shared-cache lifetimes (src/http/caching.ts) let a CDN absorb the spike while results
  // still arrive within seconds.
  const send = (c: Context<AppEnv>, rendered: Rendered | null, caching: Caching, missing: string) =>
    rendered ? pages.send(c, rendered, caching) : notFoundPage(c, missing, unknownIdCaching);
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      // The current election (db/currentElection.ts): one small read.
      const current = await currentElectionId(database(c));
      if (!current) return notFoundPage(c, noElectionYet, unknownIdCaching);
      for (const [name, value] of Object.entries(currentElectionCaching)) c.header(name, value);
      return c.redirect(electionPath(current), 302);
    })
    // The widget's default, for a live blog that follows whichever election is current: the
    // current election's widget itself (no redirect inside the newsroom's frame), cached as
    // briefly as any widget, so a change of the current election shows within seconds (its
    // address names no election, so it is never kept ready before the app). Before
    // `:electionId`, which would otherwise take "current" as an id (no election may have it).
    .get('/embed/elections/current', async (c) => {
      const current = await currentElectionId(database(c));
      const rendered = current ? await pages.electionPage(database(c), current, 'embed') : null;
      return rendered ? pages.send(c, rendered, pageCaching) : notFoundPage(c, noElectionYet, unknownIdCaching);
    })
    .get('/elections/:electionId', async (c) =>
      send(c, await pages.electionPage(database(c), c.req.param('electionId'), 'results', origin(c)), pageCaching, noElection),
    )
    .get('/elections/:electionId/live', async (c) =>
      send(c, await pages.electionLive(database(c), c.req.param('electionId')), fragmentCaching, noElection),
    )
    // The widget: the same caching as the page and its fragment; the only framable pages.
    .get('/embed/elections/:electionId', async (c) =>
      send(c, await pages.electionPage(database(c), c.req.param('electionId'), 'embed'), pageCaching, noElection),
    )
    .get('/embed/elections/:electionId/live', async (c) =>
      send(c, await pages.electionLive(database(c), c.req.param('electionId'), 'embed'), fragmentCaching, noElection),
    )
    .get('/embed/elections/:electionId/contests/:contestId', async (c) =>
      send(c, await pages.contestPage(database(c), c.req.param('electionId'), c.req.param('contestId'), 'embed-ward'), pageCaching, noWard),
    )
    .get('/embed/elections/:electionId/contests/:contestId/live', async (c) =>
      send(c, await pages.contestLive(database(c), c.req.param('electionId'), c.req.param('contestId'), 'embed-ward'), fragmentCaching, noWard),
    )
    .get('/elections/:electionId/contests/:contestId', async (c) =>
      send(c, await pages.contestPage(database(c), c.req.param('electionId'), c.req.param('contestId')), pageCaching, noWard),
    )
    .get('/elections/:electionId/contests/:contestId/live', async (c) =>
      send(c, await pages.contestLive(database(c), c.req.param('electionId'), c.req.param('contestId')), fragmentCaching, noWard),
    );
}
