// The ward's verification statement, published on its own before the count: residents see
// the turnout as soon as the ballot papers are verified, and the entry form later starts
// from these figures. A plain form; a second publish replaces the first (audited).
import { formatNumber, formatPercent } from '../../src/domain';
import { sentenceFor, statementBoxes, type FormValues } from '../../src/officer/entryForm';
import { londonClock } from '../shared/londonTime';
import { NumberField } from './NumberField';
import { officerContestPath } from '../../src/http/paths';

export interface VerificationPanelProps {
  contestId: string;
  contestName: string;
  /** The statement as published, if it has been. */
  published: { total: number; turnoutPercent: number | null; at: string } | null;
  values: FormValues;
  /** Problems by statement field name; `general` for the rest. */
  errors: Map<string, string>;
  csrfToken: string;
  /** Just published: said once, as the status bar says a status change. */
  justPublished?: boolean;
  /** Open before the count; once counting, the result's form comes first and this folds away. */
  beforeCount?: boolean;
}

export function VerificationPanel({ contestId, contestName, published, values, errors, csrfToken, justPublished = false, beforeCount = true }: VerificationPanelProps) {
  const sentences = new Map(statementBoxes.flatMap((box) => (errors.has(box.name) ? [[box.name, sentenceFor(errors.get(box.name)!, box.what)] as const] : [])));
  const general = errors.get('general');
  return (
    <section class="verification" aria-labelledby="verification-heading" id="verification">
      <h2 id="verification-heading">Verification</h2>
      {published && (
        <p role={justPublished ? 'status' : undefined} class={justPublished ? 'notice' : undefined}>
          {justPublished ? `Published on the public page: ` : `Published at ${londonClock(published.at)}: `}
          {formatNumber(published.total)} ballot papers verified
          {published.turnoutPercent !== null && `, turnout ${formatPercent(published.turnoutPercent)}`}.
        </p>
      )}
      {general && (
        <p class="error" role="alert">
          {general}
        </p>
      )}
      <details open={(beforeCount && !published) || sentences.size > 0 || !!general}>
        <summary>{published ? 'Change the verification statement' : `Publish ${contestName}'s verification statement`}</summary>
        <form method="post" action={`${officerContestPath(contestId)}/verification`} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {statementBoxes.map((box) => (
            <NumberField {...box} values={values} errors={sentences} />
          ))}
          <p class="hint">This shows on the public page at once, with the turnout.</p>
          <button type="submit" class="secondary">
            Publish verification
          </button>
        </form>
      </details>
    </section>
  );
}
