// The write API for count software and scripts: declare a ward, set its status, publish its
// verification statement.
import { Hono } from 'hono';
import { setContestStatus } from '../../db/declarations';
import { requireRole } from '../auth/middleware';
import { declareResult, loadContest } from '../declare/declareResult';
import { declarationSubmission, statusSubmission, verificationSubmission } from '../declare/submission';
import { verifyContest } from '../declare/verifyContest';
import { automaticStatusUpdate } from '../updates/statusUpdate';
import { requireOpenWard } from '../declare/wardOpen';
import type { AppEnv } from '../env';
import { actorOf } from './actor';
import { jsonBody } from './validate';
import { idempotentWriter, sendAnswer } from './storedAnswer';

export const declarationsApi = new Hono<AppEnv>()
  .post('/contests/:contestId/declaration', requireRole('officer'), jsonBody(declarationSubmission), async (c) => {
    const answer = await declareResult(c.var.db, {
      contestId: c.req.param('contestId'),
      submission: c.req.valid('json'),
      ...idempotentWriter(c),
    });
    return sendAnswer(c, answer);
  })
  .post('/contests/:contestId/status', requireRole('officer'), jsonBody(statusSubmission), async (c) => {
    const { status } = c.req.valid('json');
    const { snapshot, contest } = await loadContest(c.var.db, c.req.param('contestId'));
    requireOpenWard(contest, 'status');
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
