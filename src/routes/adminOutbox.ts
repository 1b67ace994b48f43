// Admin → Social posts → the outbox's buttons: retry a failed post, approve a held one, or
// cancel one not yet posted. Each goes back to the list, saying what became of the post.
import { Hono } from 'hono';
import { actOnOutboxRow, findOutboxRow } from '../../db/outbox';
import type { PostNoticeCode } from '../../views/admin/socialNotices';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { outboxAction } from '../validation/socialForms';
import { actorOf } from './actor';

export const adminOutbox = new Hono<AppEnv>()
  .use('/admin/social/outbox/*', requireRole('admin'))
  .post('/admin/social/outbox/:id/:action', async (c) => {
    const action = outboxAction.safeParse(c.req.param('action'));
    if (!action.success) return c.notFound();
    const row = await findOutboxRow(c.var.db, c.req.param('id'));
    if (!row) return c.json({ error: 'not_found', message: 'There is no such post.' }, 404);
    const after = await actOnOutboxRow(c.var.db, row.id, action.data, actorOf(c));
    const done: PostNoticeCode = after?.status === row.status ? 'unchanged' : action.data;
    return c.redirect(`/admin/social?done=${done}&post=${encodeURIComponent(row.id)}#outbox`, 303);
  });
