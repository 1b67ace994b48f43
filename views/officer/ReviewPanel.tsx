// The review before declaring: who is elected, majority, turnout, and every warning, each
// to be confirmed. Rendered by the server for the no-JavaScript path; the phone script
// builds the same panel from the same domain code when it can.
import type { Check, TieAcrossLastSeat } from '../../src/domain';
import { formatNumber, formatPercent } from '../../src/domain';
import { fieldName, type FormValues } from '../../src/officer/entryForm';
import type { ContestResult } from '../../src/results/contestResult';

export interface ReviewPanelProps {
  contestId: string;
  preview: ContestResult;
  checks: Check[];
  tie: TieAcrossLastSeat | null;
  values: FormValues;
  csrfToken: string;
  correcting: boolean;
}

export function ReviewPanel({ contestId, preview, checks, tie, values, csrfToken, correcting }: ReviewPanelProps) {
  const base = `/officer/contests/${encodeURIComponent(contestId)}`;
  const warnings = checks.filter((c) => !c.blocking);
  const blocking = checks.filter((c) => c.blocking);
  const elected = preview.candidates.filter((c) => c.elected);
  const names = new Map(preview.candidates.map((c) => [c.id, c.name]));
  const chosenLots = new Set((values[fieldName.lot] ?? '').split('\n').filter(Boolean));
  return (
    <form method="post" action={`${base}/declare`} class="review" id="review-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      {Object.entries(values)
        .filter(([name]) => name !== '_csrf' && name !== fieldName.lot && name !== fieldName.confirm)
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
      <h2>{correcting ? 'Check the correction' : 'Check before declaring'}</h2>
      <dl class="figures">
        <dt>Elected</dt>
        <dd>
          {elected.length ? (
            <ul class="plain">
              {elected.map((c) => (
                <li>
                  <strong>{c.name}</strong> ({c.party.name}) {formatNumber(c.votes ?? 0)}
                  {c.electedByLot ? ', after drawing lots' : ''}
                </li>
              ))}
            </ul>
          ) : (
            'Not decided: see the drawing of lots below'
          )}
        </dd>
        <dt>Majority</dt>
        <dd>{preview.majority === null ? '—' : formatNumber(preview.majority)}</dd>
        <dt>Turnout</dt>
        <dd>{preview.turnoutPercent === null ? '—' : `${formatPercent(preview.turnoutPercent)}`}</dd>
        <dt>Valid votes</dt>
        <dd>{formatNumber(preview.validVotes ?? 0)}</dd>
        <dt>Rejected ballot papers</dt>
        <dd>{formatNumber(preview.rejected.total ?? 0)}</dd>
        <dt>Ballot papers verified</dt>
        <dd>{formatNumber(preview.ballotPapersVerified.total ?? 0)}</dd>
      </dl>
      <table class="votes">
        <caption>Votes, most first</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col" class="num">Votes</th>
          </tr>
        </thead>
        <tbody>
          {preview.candidates.map((c) => (
            <tr class={c.elected ? 'elected' : undefined}>
              <th scope="row">
                {c.name} <span class="muted">({c.party.name})</span>
                {c.elected ? ' — elected' : ''}
              </th>
              <td class="num">{formatNumber(c.votes ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {tie && (
        <fieldset class={`lots${tie.resolved ? '' : ' has-error'}`}>
          <legend>Drawing of lots</legend>
          <p>
            {tie.candidates.map((id) => names.get(id)).join(', ')} tie on {formatNumber(tie.votes)} votes for the last{' '}
            {tie.seatsToFill === 1 ? 'seat' : `${tie.seatsToFill} seats`}. Tick who won the drawing of lots.
          </p>
          {tie.candidates.map((id, i) => (
            <label class="check" for={`lot-${i}`}>
              <input type="checkbox" id={`lot-${i}`} name={fieldName.lot} value={id} checked={chosenLots.has(id)} />
              {names.get(id)}
            </label>
          ))}
        </fieldset>
      )}
      {blocking.filter((c) => c.code === 'lot-winners-invalid').map((c) => (
        <p class="error" role="alert">{c.message}</p>
      ))}
      {warnings.length > 0 && (
        <fieldset class="warnings">
          <legend>Warnings to confirm</legend>
          {warnings.map((w, i) => (
            <div class="warning">
              <p id={`warning-${i}`}>{w.message}</p>
              <label class="check" for={`confirm-${i}`}>
                <input type="checkbox" id={`confirm-${i}`} name={fieldName.confirm} value={w.code} required aria-describedby={`warning-${i}`} />
                These are the figures as declared
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div class="actions">
        <button type="submit" class="primary danger-ready" id="declare">
          {correcting ? 'Publish the correction' : 'Declare and publish'}
        </button>
        <button type="submit" class="secondary" formaction={`${base}/edit`} formnovalidate>
          Change the figures
        </button>
      </div>
    </form>
  );
}
