// The public JSON API: read-only, and the source every page, feed and post renders from.
import { Hono } from 'hono';
import { loadElection } from '../../db/results';
import type { AppEnv } from '../env';
import { contestResult } from '../results/contestResult';
import { electionResults } from '../results/electionResults';
import { partyDirectory } from '../results/names';

export const publicApi = new Hono<AppEnv>()
  .get('/elections/:electionId', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.json({ error: 'not_found', message: 'There is no election with that id.' }, 404);
    return c.json(electionResults(snapshot));
  })
  .get('/elections/:electionId/contests/:contestId', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    const contest = snapshot?.contests.find((x) => x.id === c.req.param('contestId'));
    if (!snapshot || !contest) {
      return c.json({ error: 'not_found', message: 'There is no contest with that id in that election.' }, 404);
    }
    return c.json(contestResult(snapshot.election.id, contest, partyDirectory(snapshot.parties)));
  });
