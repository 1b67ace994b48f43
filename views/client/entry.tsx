// The ward's form on the phone: read what was typed, say at the top what is wrong, show the
// review at once (computed here by the same src/declare/reviewModel.ts the server uses, and
// rendered by the same views/officer/ReviewPanel.tsx, with hono/jsx/dom), and declare: save
// on the phone first, then send.
import { render } from 'hono/jsx/dom';
import { notDeclared, reviewModel, type ReviewInput } from '../../src/declare/reviewModel';
import type { EntryMode } from '../../src/declare/awaitingConfirmation';
import type { DeclarationSubmission } from '../../src/declare/submission';
import { fieldName, rejectedFields } from '../../src/officer/entryForm';
import { ReviewPanel } from '../officer/ReviewPanel';
import { csrfToken, el } from './dom';
import { renderPending, showOutcome } from './outcome';
import { savePending, type PendingDeclaration } from './pending';
import { sendPending } from './sending';

/**
 * A fresh Idempotency-Key. Not crypto.randomUUID: browsers give that only to HTTPS pages,
 * and a rehearsal over plain HTTP must run this script too. 128 random bits, hex.
 */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "1,234" and "1 234" as people write them; anything else is not a figure. */
function count(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}([,\s]\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/[,\s]/g, ''));
  return null;
}

/** Shows (or clears) a message above a box: never colour alone. */
function markField(input: HTMLInputElement, message: string | null) {
  const id = `${input.id}-client-error`;
  let note = document.getElementById(id);
  if (message && !note) {
    note = el('span', { class: 'error', id });
    input.before(note);
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
  }
  if (note) note.textContent = message ?? '';
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** The submission the form stands for; null (with the boxes marked) when a figure is not a whole number. */
function readSubmission(form: HTMLFormElement): (DeclarationSubmission & { electorate: number }) | null {
  let ok = true;
  const read = (name: string, emptyIsNone = false): number => {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    const raw = input?.value ?? '';
    const value = raw.trim() === '' && emptyIsNone ? 0 : count(raw);
    if (input) markField(input, value === null ? (raw.trim() ? 'Use digits only, like 1,234.' : 'Enter a number.') : null);
    if (value === null) ok = false;
    return value ?? 0;
  };
  const votes = [...form.querySelectorAll<HTMLElement>('.candidate')].map((row) => ({ candidate: row.dataset.candidateId!, votes: read(fieldName.votes(row.dataset.candidateId!)) }));
  const rejected = Object.fromEntries(rejectedFields.map((r) => [r, read(fieldName.rejected(r), true)])) as DeclarationSubmission['rejected'];
  const ballotPapersVerified = { pollingStations: read(fieldName.pollingStations), postal: read(fieldName.postal) };
  const electorate = read(fieldName.electorate);
  if (!ok) return null;
  const reason = (form.elements.namedItem(fieldName.reason) as HTMLTextAreaElement | null)?.value.trim();
  // The drawing of lots is answered on the review, which stands outside this form.
  const lots = [...document.querySelectorAll<HTMLInputElement>(`#review input[name="${fieldName.lot}"]:checked`)].map((i) => i.value);
  return { votes, rejected, ballotPapersVerified, electorate, ...(lots.length ? { lotWinners: lots } : {}), ...(reason ? { reason } : {}) };
}

/** What the review needs besides the figures: the ward as the server rendered it. */
function reviewInput(form: HTMLFormElement, submission: DeclarationSubmission & { electorate: number }): ReviewInput {
  return {
    seats: Number(form.dataset.seats),
    candidates: [...form.querySelectorAll<HTMLElement>('.candidate')].map((row) => ({
      id: row.dataset.candidateId!,
      name: row.dataset.name ?? row.dataset.candidateId!,
      party: row.dataset.partyName ?? '',
    })),
    previous: form.dataset.declared ? (JSON.parse(form.dataset.declared) as Record<string, number>) : null,
    statement: form.dataset.statement ? (JSON.parse(form.dataset.statement) as ReviewInput['statement']) : null,
    submission,
  };
}

/** The label of a form field, as the officer read it when typing. */
function labelOf(form: HTMLFormElement, input: HTMLInputElement): string {
  return form.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() || input.name;
}

/** A list at the top of the form of every box to fix, each linked to its box. */
function showErrorSummary(form: HTMLFormElement): void {
  form.querySelector('.error-summary.from-phone')?.remove();
  const invalid = [...form.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')];
  if (!invalid.length) return;
  const list = el('ul', {});
  for (const input of invalid) {
    const message = document.getElementById(`${input.id}-client-error`)?.textContent ?? '';
    const link = el('a', { href: `#${input.id}` }, `${labelOf(form, input)}: ${message}`);
    link.addEventListener('click', (event) => (event.preventDefault(), input.focus()));
    list.append(el('li', {}, link));
  }
  const summary = el('div', { class: 'error-summary from-phone', role: 'alert', tabindex: '-1' }, el('h2', {}, 'There is a problem'), list);
  form.prepend(summary);
  summary.scrollIntoView({ block: 'start' });
  summary.focus();
}

const reviewBox = () => document.getElementById('review')!;

/** What the form does here: publish, send for a second officer, or confirm another's entry (the server says, in the page). */
const modeOf = (form: HTMLFormElement): EntryMode => (['enter', 'confirm'] as const).find((m) => m === form.dataset.entryMode) ?? 'publish';

/** The review in place of the form, scrolled into view. */
function showReview(form: HTMLFormElement): void {
  const submission = readSubmission(form);
  showErrorSummary(form);
  if (!submission) return;
  const mount = document.createElement('div');
  reviewBox().replaceChildren(mount);
  render(<ReviewPanel contestId={form.dataset.contestId!} model={reviewModel(reviewInput(form, submission))} values={{}} csrfToken={csrfToken()} mode={modeOf(form)} />, mount);
  form.classList.add('reviewing');
  reviewBox().scrollIntoView({ block: 'start' });
  reviewBox().querySelector<HTMLElement>('h2')?.focus();
}

/** Back from the review to the boxes, at the one asked for. */
function backToBoxes(form: HTMLFormElement, boxId: string | undefined): void {
  reviewBox().replaceChildren();
  form.classList.remove('reviewing');
  const input = (boxId && document.getElementById(boxId)) || form.querySelector<HTMLElement>('input[inputmode="numeric"]');
  input?.focus();
}

/** Why nothing happened, said beside the button the officer just pressed. */
function refuse(message: string, focus: HTMLElement | null | undefined) {
  const note = document.getElementById('declare-problem');
  if (note) note.textContent = message;
  focus?.focus();
}

async function declareFrom(form: HTMLFormElement) {
  const submission = readSubmission(form);
  if (!submission) return backToBoxes(form, undefined);
  const model = reviewModel(reviewInput(form, submission));
  if (model.blocked) return showReview(form);
  const confirmed = new Set([...document.querySelectorAll<HTMLInputElement>(`#review input[name="${fieldName.confirm}"]:checked`)].map((i) => i.value));
  const unticked = model.warnings.filter((w) => !confirmed.has(w.code));
  if (unticked.length) {
    const boxes = [...document.querySelectorAll<HTMLInputElement>(`#review input[name="${fieldName.confirm}"]:not(:checked)`)];
    for (const box of boxes) box.closest('.warning')?.classList.add('has-error');
    return refuse(notDeclared.warningsUnticked(unticked.length), boxes[0]);
  }
  if (model.correcting && !submission.reason) {
    backToBoxes(form, 'reason');
    const reason = form.elements.namedItem(fieldName.reason) as HTMLInputElement;
    markField(reason, notDeclared.reasonMissing);
    return showErrorSummary(form);
  }
  const entry: PendingDeclaration = {
    contestId: form.dataset.contestId!,
    contestName: form.dataset.contestName ?? form.dataset.contestId!,
    key: (form.elements.namedItem(fieldName.key) as HTMLInputElement).value,
    submission: { ...submission, acceptWarnings: model.warnings.length > 0 },
    savedAt: new Date().toISOString(),
    ...(modeOf(form) === 'confirm' ? { confirming: true } : {}),
  };
  try {
    await savePending(entry);
  } catch {
    return refuse('This phone could not save the result, so it was not sent. Try again; if it fails again, reload the page to use the form without the app, or phone the result in.', document.getElementById('declare'));
  }
  // A fresh key for anything entered on this page afterwards: a new submission.
  (form.elements.namedItem(fieldName.key) as HTMLInputElement).value = newIdempotencyKey();
  reviewBox().replaceChildren();
  form.classList.remove('reviewing');
  showOutcome(entry, { kind: 'saved' });
  await renderPending();
  void sendPending();
}

export function enhanceEntryForm(): void {
  const form = document.querySelector<HTMLFormElement>('form#entry');
  if (!form) return;
  // The key is made on the phone: a page served again from the offline cache must not
  // reuse the key of an entry already saved from it.
  (form.elements.namedItem(fieldName.key) as HTMLInputElement).value = newIdempotencyKey();
  // A tap on a box selects what is in it, so typing replaces it: a "3" typed into a box
  // holding last version's figure cannot become "30" or "03".
  form.addEventListener('focusin', (event) => {
    const input = event.target as HTMLInputElement;
    if (!input.matches?.('input[inputmode="numeric"]')) return;
    input.select();
    // The tap that focused the box then puts the caret where the finger was: select again.
    input.addEventListener('click', () => input.select(), { once: true });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showReview(form);
  });
  // The review's buttons, handled here rather than posted: declare, check again, change a figure.
  reviewBox().addEventListener('submit', (event) => {
    event.preventDefault();
    const button = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (button?.id === 'declare') void declareFrom(form);
    else if (button?.hasAttribute('data-recheck')) showReview(form);
    else backToBoxes(form, button?.dataset.box);
  });
}
