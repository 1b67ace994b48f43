// Which channels have posted a ward's result, as a page of its own: where the published
// page's link leads without JavaScript (with it, the same list is fetched into that page).
import type { Child } from 'hono/jsx';
import { officerContestPath } from '../../src/http/paths';
import { Layout, type SignedIn } from '../Layout';

export function PostsPage({ contestId, signedIn, children }: { contestId: string; signedIn: SignedIn; children: Child }) {
  return (
    <Layout title="Social posts · Declare" signedIn={signedIn}>
      <p class="crumbs">
        <a href={officerContestPath(contestId)}>Back to the ward</a>
      </p>
      {children}
    </Layout>
  );
}
