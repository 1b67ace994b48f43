// Admin → Second pair of eyes: switch double entry on or off for an election (audited).
import { Hono } from 'hono';
import { z } from 'zod';
import { pendingInElection } from '../../db/pendingDeclarations';
import { loadElection } from '../../db/results';
import { setSecondPairOfEyes } from '../../db/secondPairOfEyes';
import { SecondPairOfEyesPage } from '../../views/admin/SecondPairOfEyesPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

const path = (electionId: string) => `/admin/elections/${encodeURIComponent(electionId)}/second-pair-of-eyes`;
const choice = z.object({ on: z.enum(['yes', 'no'], { error: 'Choose whether each result waits for a second officer (on) or not (off).' }) });

export const adminSecondPairOfEyes = new Hono<AppEnv>()
  .use('/admin/elections/*', requireRole('admin'))
  .get('/admin/elections/:electionId/second-pair-of-eyes', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const awaiting = (await pendingInElection(c.var.db, snapshot.election.id)).size;
    return c.html(<SecondPairOfEyesPage election={snapshot.election} awaiting={awaiting} saved={c.req.query('saved') === 'yes'} signedIn={signedIn(c)} />);
  })
  .post('/admin/elections/:electionId/second-pair-of-eyes', async (c) => {
    const snapshot = await loadElection(c.var.db, c.req.param('electionId'));
    if (!snapshot) return c.notFound();
    const parsed = choice.safeParse(await c.req.parseBody());
    if (!parsed.success) {
      const awaiting = (await pendingInElection(c.var.db, snapshot.election.id)).size;
      return c.html(<SecondPairOfEyesPage election={snapshot.election} awaiting={awaiting} error={parsed.error.issues[0]!.message} signedIn={signedIn(c)} />, 422);
    }
    await setSecondPairOfEyes(c.var.db, snapshot.election.id, parsed.data.on === 'yes', actorOf(c));
    return c.redirect(`${path(snapshot.election.id)}?saved=yes`, 303);
  });
