// The officer's view of a ward's social posts: a fragment for the published page (htmx),
// or a small page of its own without JavaScript.
import { Hono } from 'hono';
import { outboxForContest } from '../../db/outbox';
import { electionOfContest } from '../../db/results';
import { PostsPage } from '../../views/officer/PostsPage';
import { PostStatus } from '../../views/social/PostStatus';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { signedIn } from './signedIn';

export const officerSocial = new Hono<AppEnv>().get('/officer/contests/:contestId/posts', requireRole('officer'), async (c) => {
  const contestId = c.req.param('contestId');
  const electionId = await electionOfContest(c.var.db, contestId);
  if (!electionId) return c.notFound();
  const status = <PostStatus contestId={contestId} rows={await outboxForContest(c.var.db, contestId)} />;
  if (c.req.header('hx-request')) return c.html(status);
  return c.html(
    <PostsPage contestId={contestId} signedIn={signedIn(c)}>
      {status}
    </PostsPage>,
  );
});
