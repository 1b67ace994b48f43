// The review before declaring (src/declare/reviewModel.ts): every figure again with a way back
// to its box, old → new in a correction, who is elected, majority, turnout, the tie and each
// warning to confirm. The server renders it for the form without JavaScript (a form that posts
// to declare); the phone script renders the very same component with hono/jsx/dom and handles
// its buttons itself, so the two reviews cannot drift apart.
import { formatNumber, formatPercent } from '../../src/domain';
import type { AnswerSection, ReviewModel } from '../../src/declare/reviewModel';
import { fieldName, type FormValues } from '../../src/officer/entryForm';
import type { EntryMode } from '../../src/declare/awaitingConfirmation';
import { officerContestPath } from '../../src/http/paths';

export interface ReviewPanelProps {
  contestId: string;
  model: ReviewModel;
  /** What was typed, carried in hidden fields so the form without JavaScript can post it on. */
  values: FormValues;
  csrfToken: string;
  /** Why the last "Declare" published nothing, said beside the button. */
  problem?: string;
  /** Publish at once, send for a second officer to confirm, or confirm another's entry. */
  mode?: EntryMode;
}

/** The review's words for each way a result goes out. */
const wording: Record<EntryMode, { heading: (correcting: boolean) => string; button: (correcting: boolean) => string; hint?: string; action: string }> = {
  publish: {
    heading: (correcting) => (correcting ? 'Check the correction' : 'Check before declaring'),
    button: (correcting) => (correcting ? 'Publish the correction' : 'Declare and publish'),
    action: 'declare',
  },
  enter: {
    heading: (correcting) => (correcting ? 'Check the correction' : 'Check before declaring'),
    button: () => 'Send for confirmation',
    hint: 'Not public until a second officer enters the same figures on their phone.',
    action: 'declare',
  },
  confirm: {
    heading: () => 'Check before confirming',
    button: (correcting) => (correcting ? 'Confirm and publish the correction' : 'Confirm and publish'),
    hint: 'Published if every figure matches the first entry; if not, nothing is published and you both see the differences.',
    action: 'confirm',
  },
};

function Answers({ section, base }: { section: AnswerSection; base: string }) {
  return (
    <table class="answers">
      <caption>{section.caption}</caption>
      <tbody>
        {section.rows.map(({ box, value, before }) => (
          <tr class={before === null ? undefined : 'changed'}>
            <th scope="row">{box.label}</th>
            <td class="num">
              {before === null ? (
                formatNumber(value)
              ) : (
                <span>
                  <del>{formatNumber(before)}</del> → <ins>{formatNumber(value)}</ins>
                </span>
              )}
            </td>
            <td>
              {/* Back to the form at this box; the fragment takes the page there. */}
              <button type="submit" class="link change" formaction={`${base}/edit#${box.id}`} formnovalidate data-box={box.id}>
                Change<span class="visually-hidden"> {box.label}</span>
              </button>
            </td>
          </tr>
        ))}
        <tr class="total">
          <th scope="row">{section.total.label}</th>
          <td class="num">{formatNumber(section.total.value)}</td>
          <td></td>
        </tr>
      </tbody>
    </table>
  );
}

export function ReviewPanel({ contestId, model, values, csrfToken, problem, mode = 'publish' }: ReviewPanelProps) {
  const base = officerContestPath(contestId);
  const words = wording[mode];
  return (
    <form method="post" action={`${base}/${words.action}`} class="review" id="review-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      {Object.entries(values)
        .filter(([name]) => name !== '_csrf' && name !== fieldName.lot && name !== fieldName.confirm)
        .map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
      <h2 tabindex={-1}>{words.heading(model.correcting)}</h2>
      <dl class="figures">
        <dt>Elected</dt>
        <dd>
          {model.elected.length ? (
            <ul class="plain">
              {model.elected.map((c) => (
                <li>
                  <strong>{c.name}</strong> ({c.party}) {formatNumber(c.votes)}
                  {c.byLot ? ', after drawing lots' : ''}
                </li>
              ))}
            </ul>
          ) : (
            'Not decided: see the drawing of lots below'
          )}
        </dd>
        <dt>Majority</dt>
        <dd>{model.majority === null ? '—' : formatNumber(model.majority)}</dd>
        <dt>Turnout</dt>
        <dd>{model.turnoutPercent === null ? '—' : formatPercent(model.turnoutPercent)}</dd>
      </dl>
      {model.sections.map((section) => (
        <Answers section={section} base={base} />
      ))}
      {model.correcting && (
        <p>
          <strong>Reason for the correction: </strong>
          {model.reason ?? <span class="error">not given yet (needed to publish)</span>}
        </p>
      )}
      {model.tie && (
        <fieldset class={`lots${model.tie.resolved ? '' : ' has-error'}`}>
          <legend>Drawing of lots</legend>
          <p>
            {model.tie.candidates.map((c) => c.name).join(', ')} tie on {formatNumber(model.tie.votes)} votes for the last{' '}
            {model.tie.seatsToFill === 1 ? 'seat' : `${model.tie.seatsToFill} seats`}. Tick who won the drawing of lots, then check again.
          </p>
          {model.tie.candidates.map((c, i) => (
            <label class="check" for={`lot-${i}`}>
              <input type="checkbox" id={`lot-${i}`} name={fieldName.lot} value={c.id} checked={model.tie!.chosen.includes(c.id)} />
              {c.name}
            </label>
          ))}
          <button type="submit" class="secondary" formaction={`${base}/review`} formnovalidate data-recheck="">
            Check again
          </button>
        </fieldset>
      )}
      {model.blockers.map((message) => (
        <p class="error" role="alert">
          {message}
        </p>
      ))}
      {model.warnings.length > 0 && (
        <fieldset class="warnings">
          <legend>Warnings to confirm</legend>
          {model.warnings.map((w, i) => (
            <div class="warning">
              <p id={`warning-${i}`}>{w.message}</p>
              <label class="check" for={`confirm-${i}`}>
                <input type="checkbox" id={`confirm-${i}`} name={fieldName.confirm} value={w.code} aria-describedby={`warning-${i}`} />
                These are the figures as declared
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <p id="declare-problem" class="error" role="alert">
        {problem}
      </p>
      {words.hint && <p class="hint">{words.hint}</p>}
      <div class="actions">
        <button type="submit" class="primary" id="declare" disabled={model.blocked}>
          {words.button(model.correcting)}
        </button>
        <button type="submit" class="secondary" formaction={`${base}/edit`} formnovalidate data-box="">
          Change the figures
        </button>
      </div>
    </form>
  );
}
