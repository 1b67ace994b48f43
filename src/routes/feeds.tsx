// Feeds for newsrooms: the declarations as Atom and JSON (one entry per version, corrections
// included) with the updates from the count (one entry per update), and every candidate's result as CSV. Built once per change like the pages
// (PublishedPages), so a poll costs one cheap read of the election's change stamp, and an
// unchanged poll is a 304.
import { Hono, type Context } from 'hono';
import type { Db } from '../../db/client';
import { AtomFeed } from '../../views/feeds/AtomFeed';
import type { AppEnv } from '../env';
import { perAddress } from '../http/caching';
import { openDataCaching, openDataCors, openDataError } from '../http/cors';
import { sendRendered } from '../http/sendRendered';
import { declarationFeed } from '../results/declarationFeed';
import type { ElectionView } from '../results/electionView';
import { htmlOf } from '../published/liveRender';
import { PublishedPages } from '../published/publishedPages';
import { resultsCsv } from '../results/resultsCsv';
import { updateFeed } from '../results/updateFeed';
import { verificationFeed } from '../results/verificationFeed';
import { democracyClubFeed, nistFeed } from './exportFeeds';

/** A feed built for the address asked: kept by no cache, and still readable by any newsroom's page. */
const perAddressOpenData = Object.freeze({ ...perAddress, ...openDataCors });

export interface Feed {
  contentType: string;
  /** Whether the document links to our pages (absolute links, to the public address). */
  links: boolean;
  build(view: ElectionView, origin: string): string | Promise<string>;
  headers?(electionId: string): Record<string, string>;
}

const atom: Feed = {
  contentType: 'application/atom+xml; charset=utf-8',
  links: true,
  build: async ({ snapshot: s }, origin) =>
    `<?xml version="1.0" encoding="utf-8"?>\n${await htmlOf(
      <AtomFeed
        electionId={s.election.id}
        electionName={s.election.name}
        organisation={s.election.organisation}
        updatedAt={s.election.updatedAt}
        origin={origin}
        entries={declarationFeed(s)}
        updates={updateFeed(s)}
        verifications={verificationFeed(s)}
      />,
    )}`,
};

const json: Feed = {
  contentType: 'application/json; charset=utf-8',
  links: true,
  build: ({ snapshot: s }, origin) =>
    JSON.stringify({
      electionId: s.election.id,
      updatedAt: s.election.updatedAt,
      declarations: declarationFeed(s).map(({ path, ...entry }) => ({ ...entry, url: `${origin}${path}` })),
      updates: updateFeed(s).map(({ path, ...entry }) => ({ ...entry, url: `${origin}${path}` })),
      verifications: verificationFeed(s).map(({ path, ...entry }) => ({ ...entry, url: `${origin}${path}` })),
    }),
};

const csv: Feed = {
  contentType: 'text/csv; charset=utf-8',
  links: false,
  build: ({ snapshot }) => resultsCsv(snapshot),
  headers: (electionId) => ({ 'content-disposition': `attachment; filename="${electionId.replace(/[^A-Za-z0-9._-]/g, '_')}-results.csv"` }),
};

/**
 * Mounted before the session middleware, like the pages. `publicOrigin` is the site's
 * configured address (PUBLIC_URL; on Node, else the server's own), which the feeds link to,
 * never to an address a request names: these answers are kept by caches for everyone.
 */
export function feeds(database: (c: Context) => Db, publicOrigin: (c: Context) => string | null, pages = new PublishedPages()) {
  const serve = (kind: string, feed: Feed) => async (c: Context<AppEnv>) => {
    const electionId = c.req.param('electionId')!;
    const configured = publicOrigin(c);
    const perRequest = feed.links && !configured;
    const rendered = perRequest
      ? // No address configured (a Worker without PUBLIC_URL, a mistake made loud elsewhere):
        // the links go to the address asked, so the answer is built for this request alone.
        await pages.electionDocumentOnce(database(c), electionId, (view) => feed.build(view, new URL(c.req.url).origin))
      : await pages.electionDocument(database(c), electionId, `${kind} ${configured ?? ''}`, (view) => feed.build(view, configured ?? ''));
    if (!rendered) return openDataError(c, 404, 'not_found', 'There is no election with that id.');
    if (perRequest) return sendRendered(c, rendered, perAddressOpenData, feed.contentType, feed.headers?.(electionId));
    const extra = feed.headers?.(electionId);
    return extra ? sendRendered(c, rendered, openDataCaching, feed.contentType, extra) : pages.send(c, rendered, openDataCaching, feed.contentType);
  };
  return new Hono<AppEnv>()
    .get('/elections/:electionId/declarations.atom', serve('atom', atom))
    .get('/elections/:electionId/declarations', serve('declarations', json))
    .get('/elections/:electionId/results.csv', serve('csv', csv))
    .get('/elections/:electionId/results-dc.csv', serve('dc-csv', democracyClubFeed))
    .get('/elections/:electionId/nist.json', serve('nist', nistFeed));
}
