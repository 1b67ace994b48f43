// The answer to an idempotent write (a declaration, an update from the count): the first
// answer, or the same answer again for a retry, said so in a header; and what every such
// write is given from the request.
import type { Context } from 'hono';
import { requireIdempotencyKey } from '../declare/idempotencyKey';
import type { Answer } from '../declare/replay';
import type { AppEnv } from '../env';
import { actorOf } from './actor';

/** Who writes, under which key, from which request, queuing posts on which channels: what every idempotent write takes. */
export function idempotentWriter(c: Context<AppEnv>) {
  return {
    userId: c.var.viewer!.user.id,
    idempotencyKey: requireIdempotencyKey(c.req.header('idempotency-key')),
    actor: actorOf(c),
    channels: c.var.channels,
  };
}

/**
 * The answer as first given (201 published, 202 awaiting confirmation, 409 entries differ),
 * marked when replayed. Only a first 201 has posts to send at once.
 */
export function sendAnswer(c: Context<AppEnv>, answer: Answer) {
  if (answer.status === 201 && !answer.replayed) c.set('declared', true);
  return c.body(answer.body, answer.status as 201 | 202 | 409, {
    'content-type': 'application/json; charset=utf-8',
    ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
}
