// The write API for count software and scripts: declare a ward (or, with a second pair of
// eyes on, enter it and confirm another officer's entry), set its status, publish its
// verification statement.
import { Hono, type Context } from 'hono';
import { setContestStatus } from '../../db/declarations';
import { findPendingDeclaration } from '../../db/pendingDeclarations';
import { requireRole } from '../auth/middleware';
import { pendingEntryAnswer } from '../declare/awaitingConfirmation';
import { confirmDeclaration } from '../declare/confirmDeclaration';
import { declareResult, loadContest, type DeclareRequest } from '../declare/declareResult';
import { declarationSubmission, statusSubmission, verificationSubmission, type DeclarationSubmission } from '../declare/submission';
import { verifyContest } from '../declare/verifyContest';
import { automaticStatusUpdate } from '../updates/statusUpdate';
import { requireOpenContest } from '../declare/contestOpen';
import type { AppEnv } from '../env';
import { actorOf } from './actor';
import { idempotentWriter, sendAnswer } from './storedAnswer';
import { jsonBody } from './validate';

type Ctx = Context<AppEnv>;

function declareRequest(c: Ctx, submission: DeclarationSubmission): DeclareRequest {
  return { contestId: c.req.param('contestId')!, submission, userName: c.var.viewer!.user.name, ...idempotentWriter(c) };
}

export const declarationsApi = new Hono<AppEnv>()
  .post('/contests/:contestId/declaration', requireRole('officer'), jsonBody(declarationSubmission), async (c) =>
    sendAnswer(c, await declareResult(c.var.db, declareRequest(c, c.req.valid('json')))),
  )
  .post('/contests/:contestId/declaration/confirm', requireRole('officer'), jsonBody(declarationSubmission), async (c) =>
    sendAnswer(c, await confirmDeclaration(c.var.db, declareRequest(c, c.req.valid('json')))),
  )
  .get('/contests/:contestId/declaration/pending', requireRole('officer'), async (c) => {
    const { contest } = await loadContest(c.var.db, c.req.param('contestId'));
    const pending = await findPendingDeclaration(c.var.db, contest.id);
    if (!pending) return c.json({ error: 'not_found', message: `Nothing from ${contest.name} is awaiting confirmation.` }, 404);
    return c.json(pendingEntryAnswer(contest, pending, c.var.viewer!.user.id));
  })
  .post('/contests/:contestId/status', requireRole('officer'), jsonBody(statusSubmission), async (c) => {
    const { status } = c.req.valid('json');
    const { snapshot, contest } = await loadContest(c.var.db, c.req.param('contestId'));
    requireOpenContest(contest, 'status');
    const actor = actorOf(c);
    const update = await automaticStatusUpdate(c.var.db, snapshot.election, contest, status, actor, c.var.channels);
    await setContestStatus(c.var.db, snapshot.election.id, contest.id, status, actor, null, update);
    // Its automatic update from the count is posted at once.
    if (update) c.set('declared', true);
    return c.json({ id: contest.id, status });
  })
  // Setting the same figures again changes nothing anyone sees, so no Idempotency-Key is needed.
  .post('/contests/:contestId/verification', requireRole('officer'), jsonBody(verificationSubmission), async (c) => {
    const { contest, papers, total, verifiedAt } = await verifyContest(c.var.db, c.req.param('contestId'), c.req.valid('json'), actorOf(c));
    return c.json({ id: contest.id, ballotPapersVerified: { ...papers, total }, verifiedAt });
  });
