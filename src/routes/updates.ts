// The write API for updates from the count: publish one, correct it, withdraw it. Every
// change is a new version; the public JSON, pages and feeds show the update as it stands.
import { Hono } from 'hono';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { correctUpdate, postUpdate, withdrawUpdate } from '../updates/publishUpdate';
import { correctionSubmission, newUpdateSubmission } from '../updates/submission';
import { actorOf } from './actor';
import { jsonBody } from './validate';
import { idempotentWriter, sendAnswer } from './storedAnswer';

export const updatesApi = new Hono<AppEnv>()
  .post('/elections/:electionId/updates', requireRole('officer'), jsonBody(newUpdateSubmission), async (c) => {
    const answer = await postUpdate(c.var.db, {
      electionId: c.req.param('electionId'),
      submission: c.req.valid('json'),
      ...idempotentWriter(c),
    });
    return sendAnswer(c, answer);
  })
  // Sending the same words again changes nothing, so a retry needs no Idempotency-Key.
  .put('/elections/:electionId/updates/:updateId', requireRole('officer'), jsonBody(correctionSubmission), async (c) => {
    const outcome = await correctUpdate(c.var.db, {
      electionId: c.req.param('electionId'),
      updateId: c.req.param('updateId'),
      text: c.req.valid('json').text,
      actor: actorOf(c),
      channels: c.var.channels,
    });
    if (outcome.changed) c.set('declared', true);
    return c.json(outcome.update);
  })
  // Withdrawn once is withdrawn: a retry changes nothing.
  .post('/elections/:electionId/updates/:updateId/withdraw', requireRole('officer'), async (c) => {
    const outcome = await withdrawUpdate(c.var.db, { electionId: c.req.param('electionId'), updateId: c.req.param('updateId'), actor: actorOf(c), channels: c.var.channels });
    if (outcome.changed) c.set('declared', true);
    return c.json(outcome.update);
  });
