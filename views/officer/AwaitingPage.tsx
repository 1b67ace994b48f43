// What the officer sees after entering a result while a second pair of eyes is on (the
// form without JavaScript): saved, not public, waiting for a second officer.
import { Layout, type SignedIn } from '../Layout';
import { PendingBanner } from './PendingBanner';
import type { AwaitingConfirmation } from '../../src/results/publicSchemas';
import { officerContestPath, officerElectionPath } from '../../src/http/paths';

export interface AwaitingPageProps {
  electionId: string;
  answer: AwaitingConfirmation;
  signedIn: SignedIn;
  replayed: boolean;
}

export function AwaitingPage({ electionId, answer, signedIn, replayed }: AwaitingPageProps) {
  return (
    <Layout title={`Awaiting confirmation: ${answer.name} · Declare`} signedIn={signedIn} scripts={['/static/officer.js']}>
      <PendingBanner />
      <div class="published awaiting" role="status">
        <h1>Awaiting confirmation: {answer.name}</h1>
        <p>
          Not published yet. A second officer must enter the figures again from the declaration on their phone; it is published when
          every figure matches.
          {replayed && ' (It had already been received: nothing was entered twice.)'}
        </p>
      </div>
      <p class="actions">
        <a class="button primary" href={officerElectionPath(electionId)}>
          Next ward
        </a>
        <a class="button secondary" href={officerContestPath(answer.id)}>
          Open the ward
        </a>
      </p>
    </Layout>
  );
}
