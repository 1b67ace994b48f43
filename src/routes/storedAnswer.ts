// The answer to an idempotent write (a declaration, an update from the count): the first
// answer, or the same answer again for a retry, said so in a header.
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

export function sendAnswer(c: Context<AppEnv>, answer: Answer) {
  // A replay changed nothing, so there is nothing new to post.
  if (!answer.replayed) c.set('declared', true);
  return c.body(answer.body, answer.status as 201, {
    'content-type': 'application/json; charset=utf-8',
    ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
}
