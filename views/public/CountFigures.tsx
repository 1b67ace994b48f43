// The figures of a declaration besides the votes: majority, turnout, the verification
// statement and the rejected ballot papers by their four statutory reasons.
import { formatNumber, formatPercent } from '../../src/domain';
import type { ContestResult } from '../../src/results/contestResult';

const number = (n: number | null) => (n === null ? '–' : formatNumber(n));

const rejectedReasons: [keyof Omit<ContestResult['rejected'], 'total'>, string][] = [
  ['noOfficialMark', 'Want of an official mark'],
  ['tooManyVotes', 'Voting for more candidates than entitled'],
  ['identifiable', 'Writing or mark identifying the voter'],
  ['unmarkedOrUncertain', 'Unmarked or void for uncertainty'],
];

export function CountFigures({ result }: { result: ContestResult }) {
  return (
    <>
      <section aria-labelledby="count-heading">
        <h2 id="count-heading">The count</h2>
        <dl class="figures">
          <dt>Majority</dt>
          <dd>{number(result.majority)}</dd>
          <dt>Turnout</dt>
          <dd>{result.turnoutPercent === null ? '–' : formatPercent(result.turnoutPercent)}</dd>
          <dt>Electorate</dt>
          <dd>{number(result.electorate)}</dd>
          <dt>Valid votes</dt>
          <dd>{number(result.validVotes)}</dd>
        </dl>
      </section>
      <section aria-labelledby="verified-heading">
        <h2 id="verified-heading">Ballot papers verified</h2>
        <dl class="figures">
          <dt>At polling stations</dt>
          <dd>{number(result.ballotPapersVerified.pollingStations)}</dd>
          <dt>Postal</dt>
          <dd>{number(result.ballotPapersVerified.postal)}</dd>
          <dt>Total</dt>
          <dd>{number(result.ballotPapersVerified.total)}</dd>
        </dl>
      </section>
      <section aria-labelledby="rejected-heading">
        <h2 id="rejected-heading">Rejected ballot papers</h2>
        <dl class="figures">
          {rejectedReasons.map(([key, label]) => (
            <>
              <dt>{label}</dt>
              <dd>{number(result.rejected[key])}</dd>
            </>
          ))}
          <dt>Total rejected</dt>
          <dd>{number(result.rejected.total)}</dd>
        </dl>
      </section>
    </>
  );
}
