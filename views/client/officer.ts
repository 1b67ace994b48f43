// The count officer's phone script. The pages work without it; with it:
// - "Check the result" shows the review at once, computed on the phone by the same domain
//   code the server runs, so it works with no signal at all;
// - "Declare" saves the result on the phone first, then sends it, and keeps sending (on
//   reconnect, on return to the page, and on a timer: iPhones have no Background Sync)
//   until the server has it. Each result carries its own Idempotency-Key, so it is
//   published exactly once however many times it is sent.
import {
  checkDeclaration,
  electCandidates,
  formatNumber,
  formatPercent,
  majority,
  rejectedTotal,
  turnoutPercent,
  validVotes,
  verifiedTotal,
  type Check,
  type CountFigures,
} from '../../src/domain';
import type { DeclarationSubmission } from '../../src/declare/submission';
import { readPending, removePending, savePending, notePendingProblem, type PendingDeclaration } from './pending';

const retryEveryMs = 10_000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  // Text goes in as text nodes: a name a user typed is never parsed as HTML.
  for (const child of children) node.append(child);
  return node;
}

function csrfToken(): string {
  return document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
}

// ---- sending what is saved ------------------------------------------------------------

let sending = false;

async function sendOne(p: PendingDeclaration): Promise<'sent' | 'refused' | 'later'> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/contests/${encodeURIComponent(p.contestId)}/declaration`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.key, 'x-csrf-token': csrfToken(), accept: 'application/json' },
      body: JSON.stringify(p.submission),
    });
  } catch {
    notePendingProblem(p.key, 'No connection yet.');
    return 'later';
  }
  if (res.status === 201) {
    removePending(p.key);
    announce(`Published: ${p.contestName}.`, `/officer/contests/${encodeURIComponent(p.contestId)}`);
    return 'sent';
  }
  if (res.status === 401 || res.status === 403) {
    notePendingProblem(p.key, 'Your sign-in has expired: sign in again (in a new tab) and this will be sent.');
    return 'later';
  }
  if (res.status === 422 || res.status === 409 || res.status === 404) {
    // The server refused the figures: sending again would not help. Keep them visible.
    const body = (await res.json().catch(() => ({}))) as { problems?: { message: string }[]; message?: string };
    const why = body.problems?.map((x) => x.message).join(' ') ?? body.message ?? 'The server refused this result.';
    removePending(p.key);
    announce(`Not published: ${p.contestName}. ${why}`, `/officer/contests/${encodeURIComponent(p.contestId)}`, true);
    return 'refused';
  }
  notePendingProblem(p.key, `The server answered ${res.status}; trying again.`);
  return 'later';
}

export async function sendPending(): Promise<void> {
  if (sending) return;
  sending = true;
  try {
    for (const p of readPending()) await sendOne(p);
  } finally {
    sending = false;
    renderPending();
  }
}

function announce(message: string, href: string, problem = false) {
  const box = document.getElementById('pending');
  if (!box) return;
  const note = el('p', { class: problem ? 'error' : 'sent', role: problem ? 'alert' : 'status' }, message, ' ', el('a', { href }, 'Open the ward'));
  box.hidden = false;
  box.prepend(note);
}

function renderPending(): void {
  const box = document.getElementById('pending');
  if (!box) return;
  box.querySelector('.queue')?.remove();
  const pending = readPending();
  if (pending.length) {
    const list = el('ul', { class: 'plain' });
    for (const p of pending) {
      list.append(el('li', {}, el('strong', {}, p.contestName), ` saved ${new Date(p.savedAt).toLocaleTimeString('en-GB')}`, p.lastProblem ? ` — ${p.lastProblem}` : ''));
    }
    box.append(el('div', { class: 'queue' }, el('h2', {}, 'Saved on this phone, not yet sent'), list, el('p', {}, 'It will be sent as soon as there is a connection. Keep this page open if you can.')));
  }
  box.hidden = box.childElementCount === 0;
}

// ---- the review on the phone ---------------------------------------------------------

function count(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}([,\s]\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/[,\s]/g, ''));
  return null;
}

/** Shows (or clears) a message under a figure: never colour alone. */
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

interface Entry {
  figures: CountFigures;
  names: Map<string, string>;
  submission: DeclarationSubmission;
}

/** Reads the form; null (with the fields marked) when a figure is not a whole number. */
function readEntry(form: HTMLFormElement): Entry | null {
  let ok = true;
  const read = (name: string, fallback?: number): number => {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    const raw = input?.value ?? '';
    const value = raw.trim() === '' && fallback !== undefined ? fallback : count(raw);
    if (input) markField(input, value === null ? (raw.trim() ? 'Use digits only, like 1,234.' : 'Enter a number (0 if none).') : null);
    if (value === null) ok = false;
    return value ?? 0;
  };
  const names = new Map<string, string>();
  const candidates = [...form.querySelectorAll<HTMLElement>('.candidate')].map((row) => {
    const id = row.dataset.candidateId!;
    names.set(id, row.dataset.name ?? id);
    return { id, partyId: row.dataset.partyId ?? '', votes: read(`votes.${id}`) };
  });
  const rejected = {
    noOfficialMark: read('rejected.noOfficialMark', 0),
    tooManyVotes: read('rejected.tooManyVotes', 0),
    identifiable: read('rejected.identifiable', 0),
    unmarkedOrUncertain: read('rejected.unmarkedOrUncertain', 0),
  };
  const verified = { pollingStations: read('verified.pollingStations'), postal: read('verified.postal') };
  const electorate = read('electorate');
  if (!ok) return null;
  const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement | null)?.value.trim();
  const lots = [...form.querySelectorAll<HTMLInputElement>('input[name="lot"]:checked')].map((i) => i.value);
  const figures: CountFigures = { seats: Number(form.dataset.seats), electorate, ballotPapersVerified: verified, rejected, candidates, lotWinners: lots };
  const submission: DeclarationSubmission = {
    votes: candidates.map((c) => ({ candidate: c.id, votes: c.votes })),
    rejected,
    ballotPapersVerified: verified,
    electorate,
    ...(lots.length ? { lotWinners: lots } : {}),
    ...(reason ? { reason } : {}),
  };
  return { figures, names, submission };
}

function renderReview(form: HTMLFormElement, entry: Entry, checks: Check[]) {
  const box = form.querySelector<HTMLElement>('#review')!;
  box.replaceChildren();
  const { figures, names } = entry;
  const outcome = electCandidates(figures.candidates, figures.seats, figures.lotWinners);
  const votes = new Map(figures.candidates.map((c) => [c.id, c.votes]));
  const turnout = turnoutPercent(verifiedTotal(figures.ballotPapersVerified), figures.electorate);
  const m = outcome.tie && !outcome.tie.resolved ? null : majority(figures.candidates, outcome.elected);

  const dl = el('dl', { class: 'figures' });
  const row = (term: string, value: Node | string) => dl.append(el('dt', {}, term), el('dd', {}, value));
  const elected = el('ul', { class: 'plain' });
  for (const id of outcome.elected) {
    elected.append(el('li', {}, el('strong', {}, names.get(id) ?? id), ` ${formatNumber(votes.get(id) ?? 0)}`, outcome.electedByLot.includes(id) ? ', after drawing lots' : ''));
  }
  row('Elected', outcome.elected.length ? elected : 'Not decided: see the drawing of lots below');
  row('Majority', m === null ? '—' : formatNumber(m));
  row('Turnout', turnout === null ? '—' : formatPercent(turnout));
  row('Valid votes', formatNumber(validVotes(figures.candidates)));
  row('Rejected ballot papers', formatNumber(rejectedTotal(figures.rejected)));
  row('Ballot papers verified', formatNumber(verifiedTotal(figures.ballotPapersVerified)));
  box.append(el('h2', {}, form.dataset.correcting === 'true' ? 'Check the correction' : 'Check before declaring'), dl);

  if (outcome.tie) {
    const fs = el('fieldset', { class: 'lots' }, el('legend', {}, 'Drawing of lots'));
    fs.append(el('p', {}, `${outcome.tie.candidates.map((id) => names.get(id)).join(', ')} tie on ${formatNumber(outcome.tie.votes)} votes. Tick who won the drawing of lots, then check again.`));
    outcome.tie.candidates.forEach((id, i) => {
      const input = el('input', { type: 'checkbox', name: 'lot', value: id, id: `lot-${i}` });
      if (figures.lotWinners?.includes(id)) input.setAttribute('checked', '');
      fs.append(el('label', { class: 'check', for: `lot-${i}` }, input, names.get(id) ?? id));
    });
    box.append(fs);
  }
  for (const c of checks.filter((x) => x.blocking && x.code === 'lot-winners-invalid')) box.append(el('p', { class: 'error', role: 'alert' }, c.message));

  const warnings = checks.filter((c) => !c.blocking);
  if (warnings.length) {
    const fs = el('fieldset', { class: 'warnings' }, el('legend', {}, 'Warnings to confirm'));
    warnings.forEach((w, i) => {
      fs.append(el('div', { class: 'warning' }, el('p', { id: `warning-${i}` }, w.message),
        el('label', { class: 'check', for: `confirm-${i}` }, el('input', { type: 'checkbox', name: 'confirm', value: w.code, id: `confirm-${i}`, 'aria-describedby': `warning-${i}` }), 'These are the figures as declared')));
    });
    box.append(fs);
  }
  const blocked = checks.some((c) => c.blocking);
  const declare = el('button', { type: 'button', class: 'primary', id: 'declare' }, form.dataset.correcting === 'true' ? 'Publish the correction' : 'Declare and publish');
  if (blocked) declare.setAttribute('disabled', '');
  declare.addEventListener('click', () => declareFrom(form));
  box.append(el('div', { class: 'actions' }, declare));
  box.querySelector('h2')?.setAttribute('tabindex', '-1');
  box.querySelector<HTMLElement>('h2')?.focus();
}

function declareFrom(form: HTMLFormElement) {
  const entry = readEntry(form);
  if (!entry) return;
  const checks = checkDeclaration(entry.figures, { candidateName: (id) => entry.names.get(id) ?? id });
  const warnings = checks.filter((c) => !c.blocking);
  const confirmed = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="confirm"]:checked')].map((i) => i.value));
  if (checks.some((c) => c.blocking)) return renderReview(form, entry, checks);
  if (!warnings.every((w) => confirmed.has(w.code))) {
    const first = form.querySelector<HTMLInputElement>('input[name="confirm"]:not(:checked)');
    first?.focus();
    first?.closest('.warning')?.classList.add('has-error');
    return;
  }
  if (form.dataset.correcting === 'true' && !entry.submission.reason) {
    (form.elements.namedItem('reason') as HTMLTextAreaElement | null)?.focus();
    return;
  }
  const key = (form.elements.namedItem('key') as HTMLInputElement).value;
  savePending({
    contestId: form.dataset.contestId!,
    contestName: form.dataset.contestName ?? form.dataset.contestId!,
    key,
    submission: { ...entry.submission, acceptWarnings: warnings.length > 0 },
    savedAt: new Date().toISOString(),
  });
  // A fresh key for anything entered on this page afterwards: a new submission.
  (form.elements.namedItem('key') as HTMLInputElement).value = crypto.randomUUID();
  form.querySelector('#review')?.replaceChildren();
  renderPending();
  void sendPending();
}

function enhanceEntryForm() {
  const form = document.querySelector<HTMLFormElement>('form#entry');
  if (!form) return;
  // The key is made on the phone: a page served again from the offline cache must not
  // reuse the key of an entry already saved from it.
  (form.elements.namedItem('key') as HTMLInputElement).value = crypto.randomUUID();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const entry = readEntry(form);
    if (!entry) {
      form.querySelector('#review')?.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Some figures are missing or not numbers: see the boxes marked above.'));
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    renderReview(form, entry, checkDeclaration(entry.figures, { candidateName: (id) => entry.names.get(id) ?? id }));
  });
}

// ---- start ----------------------------------------------------------------------------

function start() {
  if (location.pathname === '/login') {
    // Pages of a signed-out session must not be shown from the offline cache.
    void caches?.delete('declare-officer-v1');
    return;
  }
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/officer-sw.js', { scope: '/officer' }).catch(() => undefined);
  enhanceEntryForm();
  renderPending();
  void sendPending();
  window.addEventListener('online', () => void sendPending());
  window.addEventListener('pageshow', () => void sendPending());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendPending();
  });
  setInterval(() => void sendPending(), retryEveryMs);
}

start();
