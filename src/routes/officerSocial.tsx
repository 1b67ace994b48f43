// The officer's view of a ward's social posts: a fragment for the published page (htmx),
// or a small page of its own without JavaScript.
import { Hono } from 'hono';
import { outboxForContest } from '../../db/outbox';
import { electionOfContest } from '../../db/results';
import { Layout } from '../../views/Layout';
import { PostStatus } from '../../views/social/PostStatus';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { signedIn } from './signedIn';
import { officerContestPath } from '../http/paths';

export const officerSocial = new Hono<AppEnv>().get('/officer/contests/:contestId/posts', requireRole('officer'), async (c) => {
  const contestId = c.req.param('contestId');
  const electionId = await electionOfContest(c.var.db, contestId);
  if (!electionId) return c.notFound();
  const status = <PostStatus contestId={contestId} rows={await outboxForContest(c.var.db, contestId)} />;
  if (c.req.header('hx-request')) return c.html(status);
  const viewer = c.var.viewer!;
  return c.html(
    <Layout title="Social posts · Declare" signedIn={signedIn(c)}>
      <p class="crumbs">
        <a href={officerContestPath(contestId)}>Back to the ward</a>
      </p>
      {status}
    </Layout>,
  );
});
