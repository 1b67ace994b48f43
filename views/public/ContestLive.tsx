// A ward page's live section: the declaration in full once declared, otherwise where the
// count has got and the candidates as on the ballot paper. The same component is the
// section in the page and the fragment htmx fetches.
import type { ContestResult } from '../../src/results/contestResult';
import type { PublicUpdate } from '../../src/results/countUpdates';
import { FromTheCount } from './FromTheCount';
import { BallotList, CandidateTable } from './CandidateTable';
import { Corrections } from './Corrections';
import { CountFigures } from './CountFigures';
import { LastUpdated } from './LastUpdated';
import { formatNumber, formatPercent } from '../../src/domain';
import { londonClock, londonDateTime } from '../shared/londonTime';
import { RehearsalBanner } from './RehearsalBanner';
import { StatusLabel } from './StatusLabel';

const notYet: Partial<Record<ContestResult['status'], string>> = {
  awaiting: 'The result has not been declared yet.',
  counting: 'The votes are being counted.',
  recount: 'A recount is under way.',
  postponed: 'The poll has been postponed (countermanded); a new poll will be held on another day.',
};

export function ContestLive({ result, updatedAt, rehearsal, updates = [] }: { result: ContestResult; updatedAt: string; rehearsal: boolean; updates?: PublicUpdate[] }) {
  const declared = result.status === 'declared';
  return (
    <>
      <RehearsalBanner rehearsal={rehearsal} />
      <section class="headline" aria-labelledby="ward-result">
        <p class="status-line"><StatusLabel status={result.status} /></p>
        <h2 id="ward-result" class="control">{result.summary}</h2>
        {declared && result.declaredAt && (
          <p>Declared at <time datetime={result.declaredAt}>{londonDateTime(result.declaredAt)}</time>{result.version !== null && result.version > 1 && ` (corrected: version ${result.version})`}.</p>
        )}
        {notYet[result.status] && <p>{notYet[result.status]}</p>}
        {!declared && result.verifiedAt && result.ballotPapersVerified.total !== null && (
          <p class="verified">
            Verified: {formatNumber(result.ballotPapersVerified.total)} ballot papers
            {result.turnoutPercent !== null && `, turnout ${formatPercent(result.turnoutPercent)}`}
          </p>
        )}
        {!declared && result.status !== 'postponed' && result.status !== 'uncontested' && result.expectedDeclaration && (
          <p>Expected around {londonClock(result.expectedDeclaration)}.</p>
        )}
        <LastUpdated at={updatedAt} />
      </section>
      <FromTheCount electionId={result.electionId} updates={updates} showWard={false} none={null} />
      {declared ? (
        <>
          <CandidateTable result={result} />
          <CountFigures result={result} />
          <Corrections corrections={result.corrections} />
        </>
      ) : (
        <section aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">Candidates</h2>
          {result.status === 'uncontested' ? (
            <p>No poll was held: there were no more candidates than seats, so they are elected unopposed.</p>
          ) : (
            <p class="muted">As on the ballot paper, alphabetically by surname.</p>
          )}
          <BallotList result={result} />
        </section>
      )}
    </>
  );
}
