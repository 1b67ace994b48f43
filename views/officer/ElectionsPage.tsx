// The officer's first page when there is more than one election (with one, they go straight
// to its wards): the elections, each leading to its ward list.
import type { ElectionRow } from '../../db/results';
import { officerElectionPath } from '../../src/http/paths';
import { Layout, type SignedIn } from '../Layout';

export function ElectionsPage({ elections, signedIn }: { elections: ElectionRow[]; signedIn: SignedIn }) {
  return (
    <Layout title="Elections · Declare" signedIn={signedIn}>
      <h1>Elections</h1>
      <ul class="wards">
        {elections.map((e) => (
          <li>
            <a href={officerElectionPath(e.id)}>{e.name}</a>
          </li>
        ))}
      </ul>
      {elections.length === 0 && (
        <p>
          No election is set up yet: import one with <code>npm run cli -- import file.json</code>.
        </p>
      )}
    </Layout>
  );
}
