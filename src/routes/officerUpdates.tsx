// Updates from the count on the officer's phone: publish one, correct it, withdraw it.
// Validate, call the use case (src/updates/publishUpdate.ts), render; problems come back
// beside the box they are about, with what was typed kept.
import { Hono, type Context } from 'hono';
import { loadElection } from '../../db/results';
import { UpdatePage, UpdatesPage, type FieldErrors } from '../../views/officer/UpdatesPage';
import { officerUpdatePath, officerUpdatesPath } from '../http/paths';
import { requireRole } from '../auth/middleware';
import { requireIdempotencyKey, validIdempotencyKey } from '../declare/idempotencyKey';
import { ProblemsError, problemsFromZod, type Problem } from '../declare/problems';
import type { AppEnv } from '../env';
import { publicUpdates } from '../results/countUpdates';
import { publishableSnapshot } from '../results/publishableSnapshot';
import { correctUpdate, postUpdate, withdrawUpdate } from '../updates/publishUpdate';
import { correctionSubmission, newUpdateSubmission } from '../updates/submission';
import { actorOf } from './actor';
import { signedIn } from './signedIn';

type Ctx = Context<AppEnv>;

const formFields = new Set(['text', 'contestId']);

function errorsOf(problems: Problem[]): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const p of problems) {
    const field = formFields.has(p.field) ? p.field : 'general';
    if (!errors.has(field)) errors.set(field, p.message);
  }
  return errors;
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

/** The election as the officer's pages show it, its words cleaned as every output cleans them; null if there is none. */
async function electionOf(c: Ctx) {
  const stored = await loadElection(c.var.db, c.req.param('electionId')!);
  if (!stored) return null;
  const snapshot = publishableSnapshot(stored);
  return { snapshot, updates: publicUpdates(snapshot) };
}

async function listPage(c: Ctx, values = { text: '', contestId: '' }, problems: Problem[] = [], key?: string) {
  const found = await electionOf(c);
  if (!found) return c.notFound();
  const { snapshot, updates } = found;
  const posted = updates.find((u) => u.id === c.req.query('posted'));
  return c.html(
    <UpdatesPage
      electionId={snapshot.election.id}
      electionName={snapshot.election.name}
      contests={snapshot.contests}
      updates={updates}
      values={values}
      errors={errorsOf(problems)}
      // The same key again after a refused form: resending it is the same submission.
      idempotencyKey={validIdempotencyKey(key) ?? crypto.randomUUID()}
      notice={posted && problems.length === 0 ? `Published on the public page: “${posted.text}”` : undefined}
      signedIn={signedIn(c)}
    />,
    problems.length ? 422 : 200,
  );
}

async function onePage(c: Ctx, text?: string, problems: Problem[] = []) {
  const found = await electionOf(c);
  const update = found?.updates.find((u) => u.id === c.req.param('updateId'));
  if (!found || !update) return c.notFound();
  return c.html(
    <UpdatePage electionId={found.snapshot.election.id} update={update} text={text ?? update.text} errors={errorsOf(problems)} signedIn={signedIn(c)} />,
    problems.length ? 422 : 200,
  );
}

/**
 * What the use case refused comes back to the form (an unknown election or update then
 * finds no page to show: a 404); anything else is the app's to answer.
 */
function refusedWith(error: unknown): Problem[] {
  if (error instanceof ProblemsError) return error.problems;
  throw error;
}

export const officerUpdates = new Hono<AppEnv>()
  .use('/officer/elections/:electionId/updates', requireRole('officer'))
  .use('/officer/elections/:electionId/updates/*', requireRole('officer'))
  .get('/officer/elections/:electionId/updates', (c) => listPage(c))
  .post('/officer/elections/:electionId/updates', async (c) => {
    const body = await c.req.parseBody();
    const values = { text: field(body, 'text'), contestId: field(body, 'contestId') };
    const parsed = newUpdateSubmission.safeParse({ text: values.text, contestId: values.contestId || undefined });
    if (!parsed.success) return listPage(c, values, problemsFromZod(parsed.error), field(body, 'key'));
    const electionId = c.req.param('electionId');
    try {
      const answer = await postUpdate(c.var.db, {
        electionId,
        submission: parsed.data,
        userId: c.var.viewer!.user.id,
        // A form without a key is a new submission; a key that is there must be one we keep.
        idempotencyKey: body.key ? requireIdempotencyKey(body.key) : crypto.randomUUID(),
        actor: actorOf(c),
        channels: c.var.channels,
      });
      if (!answer.replayed) c.set('declared', true);
      return c.redirect(`${officerUpdatesPath(electionId)}?posted=${encodeURIComponent(JSON.parse(answer.body).id)}`, 303);
    } catch (error) {
      return listPage(c, values, refusedWith(error), field(body, 'key'));
    }
  })
  .get('/officer/elections/:electionId/updates/:updateId', (c) => onePage(c))
  .post('/officer/elections/:electionId/updates/:updateId', async (c) => {
    const text = field(await c.req.parseBody(), 'text');
    const parsed = correctionSubmission.safeParse({ text });
    if (!parsed.success) return onePage(c, text, problemsFromZod(parsed.error));
    const electionId = c.req.param('electionId');
    try {
      const outcome = await correctUpdate(c.var.db, { electionId, updateId: c.req.param('updateId'), text: parsed.data.text, actor: actorOf(c), channels: c.var.channels });
      if (outcome.changed) c.set('declared', true);
      return c.redirect(`${officerUpdatesPath(electionId)}?posted=${encodeURIComponent(outcome.update.id)}`, 303);
    } catch (error) {
      return onePage(c, text, refusedWith(error));
    }
  })
  .post('/officer/elections/:electionId/updates/:updateId/withdraw', async (c) => {
    const electionId = c.req.param('electionId');
    const updateId = c.req.param('updateId');
    try {
      const outcome = await withdrawUpdate(c.var.db, { electionId, updateId, actor: actorOf(c), channels: c.var.channels });
      if (outcome.changed) c.set('declared', true);
      return c.redirect(officerUpdatePath(electionId, updateId), 303);
    } catch (error) {
      return onePage(c, undefined, refusedWith(error));
    }
  });
