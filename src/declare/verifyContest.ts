// Publishing a ward's verification statement before its count: checked against the ward,
// recorded with its audit entry, and shown on every public page at once.
import type { Actor } from '../../db/audit';
import type { Db } from '../../db/client';
import { recordVerification } from '../../db/verification';
import { formatNumber, verifiedTotal } from '../domain';
import { loadContest } from './declareResult';
import { ProblemsError } from './problems';
import type { VerificationSubmission } from './submission';
import { requireOpenContest } from './contestOpen';

export async function verifyContest(db: Db, contestId: string, submission: VerificationSubmission, actor: Actor) {
  const { snapshot, contest } = await loadContest(db, contestId);
  requireOpenContest(contest, 'ballotPapersVerified');
  if (contest.status === 'postponed') {
    throw new ProblemsError(422, [{ field: 'ballotPapersVerified', message: `The poll in ${contest.name} is postponed: there is nothing to verify tonight.` }]);
  }
  const papers = submission.ballotPapersVerified;
  const total = verifiedTotal(papers);
  // Unlike a declaration's figures (published as declared, discrepancies and all), a statement
  // with more papers than electors is a typing slip to fix before anyone sees it.
  if (total > contest.electorate) {
    throw new ProblemsError(422, [
      {
        field: 'ballotPapersVerified',
        message: `${formatNumber(total)} ballot papers is more than the ${formatNumber(contest.electorate)} electors of ${contest.name}: check the figures.`,
      },
    ]);
  }
  const verifiedAt = await recordVerification(db, snapshot.election.id, contest.id, papers, actor);
  return { contest, electionId: snapshot.election.id, papers, total, verifiedAt };
}
