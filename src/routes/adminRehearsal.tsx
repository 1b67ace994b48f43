// Admin → Rehearsal: mark an election as a rehearsal, reset it, make it the real one.
import { Hono, type Context } from 'hono';
import { RehearsalError, resetRehearsal, setRehearsal } from '../../db/rehearsal';
import { electionRowById } from '../../db/results';
import { countDeclarations } from '../../db/setup';
import { RehearsalPage, rehearsalConfirmWords } from '../../views/admin/RehearsalPage';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

const notices = {
  started: 'This election is now a rehearsal: the public pages say so, and posts go to the log channel only.',
  reset: 'The rehearsal is reset: every ward is awaiting its result again.',
  ended: 'This is now the real election: the banners are gone, and results will be posted to every channel.',
} as const;

async function page(c: Ctx, status: 200 | 422 = 200, problem: string | null = null) {
  const election = await electionRowById(c.var.db, c.req.param('electionId') ?? '');
  if (!election) return c.notFound();
  const done = c.req.query('done');
  const notice = done && Object.hasOwn(notices, done) ? notices[done as keyof typeof notices] : null;
  return c.html(<RehearsalPage election={election} declared={await countDeclarations(c.var.db, election.id)} notice={notice} problem={problem} signedIn={signedIn(c)} />, status);
}

/** Runs a change; a refusal is said on the page, with nothing changed. */
async function act(c: Ctx, change: (electionId: string) => Promise<void>, done: keyof typeof notices, typed?: string) {
  const electionId = c.req.param('electionId') ?? '';
  if (!(await electionRowById(c.var.db, electionId))) return c.notFound();
  if (typed !== undefined) {
    const body = await c.req.parseBody();
    if (String(body.confirm ?? '').trim().toLowerCase() !== typed) return page(c, 422, `Type "${typed}" in the box to confirm.`);
  }
  try {
    await change(electionId);
  } catch (error) {
    if (error instanceof RehearsalError) return page(c, 422, error.message);
    throw error;
  }
  return c.redirect(`/admin/elections/${encodeURIComponent(electionId)}/rehearsal?done=${done}`, 303);
}

export const adminRehearsal = new Hono<AppEnv>()
  .use('/admin/elections/*', requireRole('admin'))
  .get('/admin/elections/:electionId/rehearsal', (c) => page(c))
  .post('/admin/elections/:electionId/rehearsal/start', (c) => act(c, (id) => setRehearsal(c.var.db, id, true, actorOf(c)), 'started'))
  .post('/admin/elections/:electionId/rehearsal/reset', (c) => act(c, (id) => resetRehearsal(c.var.db, id, actorOf(c)), 'reset', rehearsalConfirmWords.reset))
  .post('/admin/elections/:electionId/rehearsal/end', (c) => act(c, (id) => setRehearsal(c.var.db, id, false, actorOf(c)), 'ended', rehearsalConfirmWords.real));
