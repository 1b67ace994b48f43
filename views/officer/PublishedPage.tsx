// The clear "published" confirmation the officer sees after declaring.
import type { ContestResult } from '../../src/results/contestResult';
import { formatNumber } from '../../src/domain';
import { Layout, type SignedIn } from '../Layout';
import { PostStatusSlot } from '../social/PostStatus';
import { PendingBanner } from './PendingBanner';
import { contestPath, officerContestPath, officerElectionPath } from '../../src/http/paths';

export interface PublishedPageProps {
  electionId: string;
  result: ContestResult;
  signedIn: SignedIn;
  replayed: boolean;
}

export function PublishedPage({ electionId, result, signedIn, replayed }: PublishedPageProps) {
  const elected = result.candidates.filter((c) => c.elected);
  return (
    <Layout title={`Published: ${result.name} · Declare`} signedIn={signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <div class="published" role="status">
        <h1>Published: {result.name}</h1>
        <p>
          {result.version === 1 ? 'The result is' : `Correction (version ${result.version}) is`} now on the results page and in the feeds.
          {replayed && ' (It had already been received: nothing was published twice.)'}
        </p>
      </div>
      <p class="summary">{result.summary}</p>
      <ul class="plain">
        {elected.map((c) => (
          <li>
            <strong>{c.name}</strong> ({c.party.name}) {formatNumber(c.votes ?? 0)} elected{c.electedByLot ? ' after drawing lots' : ''}
          </li>
        ))}
      </ul>
      <p class="actions">
        <a class="button primary" href={officerElectionPath(electionId)}>Next ward</a>
        <a class="button secondary" href={contestPath(electionId, result.id)}>See it as the public does</a>
        <a class="button secondary" href={officerContestPath(result.id)}>Correct this result</a>
      </p>
      <PostStatusSlot contestId={result.id} />
    </Layout>
  );
}
