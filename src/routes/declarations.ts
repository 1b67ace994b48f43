// The write API for count software and scripts: declare a ward, set its status.
import { Hono } from 'hono';
import { setContestStatus } from '../../db/declarations';
import { requireRole } from '../auth/middleware';
import { declareResult, loadContest } from '../declare/declareResult';
import { requireIdempotencyKey } from '../declare/idempotencyKey';
import { ProblemsError } from '../declare/problems';
import { declarationSubmission, statusSubmission } from '../declare/submission';
import type { AppEnv } from '../env';
import { actorOf } from './actor';
import { jsonBody } from './validate';

export const declarationsApi = new Hono<AppEnv>()
  .post('/contests/:contestId/declaration', requireRole('officer'), jsonBody(declarationSubmission), async (c) => {
    const answer = await declareResult(c.var.db, {
      contestId: c.req.param('contestId'),
      submission: c.req.valid('json'),
      userId: c.var.viewer!.user.id,
      idempotencyKey: requireIdempotencyKey(c.req.header('idempotency-key')),
      actor: actorOf(c),
      channels: c.var.channels,
    });
    if (!answer.replayed) c.set('declared', true);
    return c.body(answer.body, answer.status as 201, {
      'content-type': 'application/json; charset=utf-8',
      ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
  })
  .post('/contests/:contestId/status', requireRole('officer'), jsonBody(statusSubmission), async (c) => {
    const { status } = c.req.valid('json');
    const { snapshot, contest } = await loadContest(c.var.db, c.req.param('contestId'));
    if (contest.status === 'declared' || contest.status === 'uncontested') {
      throw new ProblemsError(422, [
        {
          field: 'status',
          message:
            contest.status === 'declared'
              ? `${contest.name} is already declared. To change its result, submit a correction.`
              : `${contest.name} is uncontested: its candidates are elected unopposed.`,
        },
      ]);
    }
    await setContestStatus(c.var.db, snapshot.election.id, contest.id, status, actorOf(c));
    return c.json({ id: contest.id, status });
  });
