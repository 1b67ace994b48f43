// Feeds for newsrooms: the declarations as Atom and JSON (one entry per version, corrections
// included), and every candidate's result as CSV. Each answers 304 to a poll that already
// has the latest, after one cheap read of the election's change stamp.
import { Hono, type Context } from 'hono';
import { electionUpdatedAt, loadElection, type ElectionSnapshot } from '../../db/results';
import { AtomFeed } from '../../views/feeds/AtomFeed';
import type { AppEnv } from '../env';
import { declarationFeed } from '../results/declarationFeed';
import { resultsCsv } from '../results/resultsCsv';

// Short enough that a newsroom sees a declaration within seconds; long enough that a CDN
// answers the spike of polls between changes.
const cacheControl = 'public, max-age=5, s-maxage=5, stale-while-revalidate=30';

type Render = (c: Context<AppEnv>, snapshot: ElectionSnapshot) => Response | Promise<Response>;

/** Serves a representation that changes only when the election does. */
function versioned(kind: string, render: Render) {
  return async (c: Context<AppEnv>) => {
    const electionId = c.req.param('electionId')!;
    const updatedAt = await electionUpdatedAt(c.var.db, electionId);
    if (!updatedAt) return c.json({ error: 'not_found', message: 'There is no election with that id.' }, 404);
    const etag = `W/"${kind}-${updatedAt}"`;
    c.header('etag', etag);
    c.header('cache-control', cacheControl);
    if (c.req.header('if-none-match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304);
    const snapshot = await loadElection(c.var.db, electionId);
    if (!snapshot) return c.json({ error: 'not_found', message: 'There is no election with that id.' }, 404);
    return render(c, snapshot);
  };
}

export const feeds = new Hono<AppEnv>()
  .get(
    '/elections/:electionId/declarations.atom',
    versioned('atom', (c, s) => {
      const xml = (
        <AtomFeed
          electionId={s.election.id}
          electionName={s.election.name}
          organisation={s.election.organisation}
          updatedAt={s.election.updatedAt}
          origin={c.var.origin}
          entries={declarationFeed(s)}
        />
      );
      return c.body(`<?xml version="1.0" encoding="utf-8"?>\n${xml}`, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    }),
  )
  .get(
    '/elections/:electionId/declarations',
    versioned('json', (c, s) =>
      c.json({
        electionId: s.election.id,
        updatedAt: s.election.updatedAt,
        declarations: declarationFeed(s).map(({ path, ...entry }) => ({ ...entry, url: `${c.var.origin}${path}` })),
      }),
    ),
  )
  .get(
    '/elections/:electionId/results.csv',
    versioned('csv', (c, s) =>
      c.body(resultsCsv(s), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${s.election.id.replace(/[^A-Za-z0-9._-]/g, '_')}-results.csv"`,
      }),
    ),
  );
