// The count officer's phone script. The pages work without it; with it:
// - "Check the result" shows the review at once, computed on the phone by the same domain
//   code the server runs, so it works with no signal at all;
// - "Declare" saves the result on the phone first (IndexedDB, flushed to disk before it
//   says "Saved"), then sends it, and keeps sending (on reconnect, on return to the page,
//   and on a timer: iPhones have no Background Sync) until the server has it. Each result
//   carries its own Idempotency-Key, so it is published exactly once however often it is sent;
// - what happened is said where the officer is looking: the ward's form gives way to a
//   "Saved on this phone" or "Published" panel, and anything still unsent stays pinned on
//   top of every officer page until it is sent;
// - after sign-in, every ward's form is kept for opening with no signal (the service worker).
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

async function sendOne(p: PendingDeclaration): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/contests/${encodeURIComponent(p.contestId)}/declaration`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.key, 'x-csrf-token': csrfToken(), accept: 'application/json' },
      body: JSON.stringify(p.submission),
    });
  } catch {
    await notePendingProblem(p.key, 'No connection yet.');
    return;
  }
  if (res.status === 201) {
    const result = (await res.json().catch(() => null)) as PublishedResult | null;
    await removePending(p.key);
    showOutcome(p, { kind: 'published', result });
    return;
  }
  if (res.status === 401 || res.status === 403) {
    await notePendingProblem(p.key, 'Your sign-in has expired: sign in again (in a new tab) and this will be sent.');
    return;
  }
  if (res.status === 422 || res.status === 409 || res.status === 404) {
    // The server refused the figures: sending again would not help. Say why, in view.
    const body = (await res.json().catch(() => ({}))) as { problems?: { message: string }[]; message?: string };
    const why = body.problems?.map((x) => x.message).join(' ') ?? body.message ?? 'The server refused this result.';
    await removePending(p.key);
    showOutcome(p, { kind: 'refused', why });
    return;
  }
  await notePendingProblem(p.key, `The server answered ${res.status}; trying again.`);
}

export async function sendPending(): Promise<void> {
  if (sending) return;
  sending = true;
  try {
    for (const p of await readPending()) await sendOne(p);
  } finally {
    sending = false;
    await renderPending();
  }
}

/** What the API answers with a published result (the fields this page shows). */
interface PublishedResult {
  name: string;
  version: number;
  declaredAt: string | null;
  summary: string;
  electionId: string;
  candidates: { name: string; votes: number | null; elected: boolean; electedByLot: boolean; party: { name: string } }[];
}

type Outcome = { kind: 'saved' } | { kind: 'published'; result: PublishedResult | null } | { kind: 'refused'; why: string };

const wardPath = (contestId: string) => `/officer/contests/${encodeURIComponent(contestId)}`;

/**
 * Says what became of an entry where the officer is looking: on its own ward's page the form
 * gives way to a panel, scrolled into view; elsewhere a note on top of the pinned banner.
 */
function showOutcome(p: PendingDeclaration, outcome: Outcome): void {
  const form = document.querySelector<HTMLFormElement>('form#entry');
  const here = form?.dataset.contestId === p.contestId;
  if (!here) {
    const box = document.getElementById('pending');
    if (!box || outcome.kind === 'saved') return;
    const note = outcome.kind === 'published'
      ? el('p', { class: 'sent', role: 'status' }, `Published: ${p.contestName}.`, ' ', el('a', { href: wardPath(p.contestId) }, 'Open the ward'))
      : el('p', { class: 'error', role: 'alert' }, `Not published: ${p.contestName}. ${outcome.why}`, ' ', el('a', { href: wardPath(p.contestId) }, 'Open the ward'));
    box.hidden = false;
    box.prepend(note);
    return;
  }
  const panel = outcomePanel(p, outcome, form!);
  document.getElementById('outcome')?.remove();
  form!.before(panel);
  // The form stays for a refused entry (to fix it); otherwise it must not look undeclared.
  form!.hidden = outcome.kind !== 'refused';
  if (outcome.kind === 'published') markDeclared(outcome.result?.version ?? null);
  panel.scrollIntoView({ block: 'start' });
  panel.querySelector<HTMLElement>('h2')?.focus();
}

function outcomePanel(p: PendingDeclaration, outcome: Outcome, form: HTMLFormElement): HTMLElement {
  const heading = (text: string) => el('h2', { tabindex: '-1' }, text);
  if (outcome.kind === 'saved') {
    return el('section', { id: 'outcome', class: 'outcome outcome-saved', role: 'status' },
      heading(`Saved on this phone: ${p.contestName}`),
      el('p', {}, 'Not yet sent. It is sent as soon as there is a connection, and this says "Published" when the server has it. It stays on this phone until then, even if the browser closes.'));
  }
  if (outcome.kind === 'refused') {
    return el('section', { id: 'outcome', class: 'outcome outcome-refused', role: 'alert' },
      heading(`Not published: ${p.contestName}`), el('p', {}, outcome.why), el('p', {}, 'Change the figures below and check again.'));
  }
  const result = outcome.result;
  const time = result?.declaredAt ? new Date(result.declaredAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) : '';
  const elected = el('ul', { class: 'plain' });
  for (const c of result?.candidates.filter((x) => x.elected) ?? []) {
    elected.append(el('li', {}, el('strong', {}, c.name), ` (${c.party.name}) ${formatNumber(c.votes ?? 0)}${c.electedByLot ? ', after drawing lots' : ''}`));
  }
  const publicPage = result ? `/elections/${encodeURIComponent(result.electionId)}/contests/${encodeURIComponent(p.contestId)}` : null;
  const wards = form.closest('main')?.querySelector<HTMLAnchorElement>('.crumbs a')?.getAttribute('href') ?? '/officer';
  const social = el('section', { id: 'social-posts', class: 'social-posts', 'hx-get': `${wardPath(p.contestId)}/posts`, 'hx-trigger': 'load', 'hx-swap': 'outerHTML' },
    el('h2', {}, 'Social posts'), el('p', {}, el('a', { href: `${wardPath(p.contestId)}/posts` }, 'See which channels have posted it')));
  const panel = el('section', { id: 'outcome', class: 'outcome published', role: 'status' },
    heading(`Published: ${p.contestName}`),
    el('p', {}, `${result && result.version > 1 ? `Correction, version ${result.version}` : 'Version 1'}${time ? `, at ${time}` : ''}. It is on the results page and in the feeds now.`),
    ...(result ? [el('p', { class: 'summary' }, result.summary), elected] : []),
    el('p', { class: 'actions' },
      el('a', { class: 'button primary', href: wards }, 'Next ward'),
      ...(publicPage ? [el('a', { class: 'button secondary', href: publicPage }, 'See it as the public does')] : []),
      el('a', { class: 'button secondary', href: wardPath(p.contestId) }, 'Correct this result')),
    social);
  // The slot fills itself from the server, as on the page without this script.
  (window as unknown as { htmx?: { process(node: Element): void } }).htmx?.process(social);
  return panel;
}

/** The status pill says what is now true, and the status buttons (now refused) go. */
function markDeclared(version: number | null): void {
  const pill = document.querySelector('#status strong');
  if (pill) {
    pill.textContent = 'Declared';
    pill.className = 'status status-declared';
    if (version) pill.after(` (version ${version})`);
  }
  document.querySelector('#status form')?.remove();
}

/** Every entry not yet sent, pinned on top of the page until it is sent. */
async function renderPending(): Promise<void> {
  const box = document.getElementById('pending');
  if (!box) return;
  box.querySelector('.queue')?.remove();
  const pending = await readPending().catch(() => []);
  if (pending.length) {
    const list = el('ul', { class: 'plain' });
    for (const p of pending) {
      list.append(el('li', {}, el('a', { href: wardPath(p.contestId) }, el('strong', {}, p.contestName)),
        ` saved ${new Date(p.savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`, p.lastProblem ? `: ${p.lastProblem}` : ''));
    }
    box.append(el('div', { class: 'queue' }, el('h2', {}, `Saved on this phone, not yet sent (${pending.length})`), list,
      el('p', {}, 'Sent as soon as there is a connection. Keep this page open if you can.')));
  }
  box.hidden = box.childElementCount === 0;
  // On its own ward's page an unsent entry is said in place of the form, after a reload too.
  const form = document.querySelector<HTMLFormElement>('form#entry');
  const mine = pending.find((p) => p.contestId === form?.dataset.contestId);
  if (mine && !document.getElementById('outcome')) showOutcome(mine, { kind: 'saved' });
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

/** The label of a form field, as the officer read it when typing. */
function labelOf(form: HTMLFormElement, name: string): string {
  const input = form.elements.namedItem(name) as HTMLInputElement | null;
  return (input && form.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()) || name;
}

/**
 * One line of "check your answers": the figure as it will be published, what it was before
 * (in a correction, where it changed), and a "Change" link back to its box.
 */
function answerRow(form: HTMLFormElement, name: string, value: number): HTMLElement {
  const input = form.elements.namedItem(name) as HTMLInputElement | null;
  const before = form.dataset.correcting === 'true' && input ? count(input.defaultValue) : null;
  const changed = before !== null && before !== value;
  const change = el('a', { href: `#${input?.id ?? ''}`, class: 'change' }, 'Change', el('span', { class: 'visually-hidden' }, ` ${labelOf(form, name)}`));
  change.addEventListener('click', (event) => {
    event.preventDefault();
    form.classList.remove('reviewing');
    input?.focus();
    input?.select();
  });
  return el('tr', changed ? { class: 'changed' } : {},
    el('th', { scope: 'row' }, labelOf(form, name)),
    el('td', { class: 'num' }, changed ? el('span', {}, el('del', {}, formatNumber(before!)), ' → ', el('ins', {}, formatNumber(value))) : formatNumber(value)),
    el('td', {}, change));
}

function renderReview(form: HTMLFormElement, entry: Entry, checks: Check[]) {
  const box = form.querySelector<HTMLElement>('#review')!;
  box.replaceChildren();
  form.classList.add('reviewing');
  const { figures, names } = entry;
  const correcting = form.dataset.correcting === 'true';
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
  box.append(el('h2', {}, correcting ? 'Check the correction' : 'Check before declaring'), dl);

  // Every figure as it will be published: a slip shows here, not only in a total.
  const table = (caption: string, rows: HTMLElement[], total?: [string, number]) =>
    el('table', { class: 'answers' }, el('caption', {}, caption), el('tbody', {}, ...rows,
      ...(total ? [el('tr', { class: 'total' }, el('th', { scope: 'row' }, total[0]), el('td', { class: 'num' }, formatNumber(total[1])), el('td', {}))] : [])));
  box.append(
    table('Votes', figures.candidates.map((c) => answerRow(form, `votes.${c.id}`, c.votes)), ['Valid votes', validVotes(figures.candidates)]),
    table('Rejected ballot papers', (['noOfficialMark', 'tooManyVotes', 'identifiable', 'unmarkedOrUncertain'] as const).map((r) => answerRow(form, `rejected.${r}`, figures.rejected[r])), ['Rejected in all', rejectedTotal(figures.rejected)]),
    table('Verification statement', [
      answerRow(form, 'verified.pollingStations', figures.ballotPapersVerified.pollingStations),
      answerRow(form, 'verified.postal', figures.ballotPapersVerified.postal),
      answerRow(form, 'electorate', figures.electorate),
    ], ['Ballot papers verified', verifiedTotal(figures.ballotPapersVerified)]),
  );
  if (correcting) box.append(el('p', {}, el('strong', {}, 'Reason for the correction: '), entry.submission.reason ?? el('span', { class: 'error' }, 'not given yet (needed to publish)')));

  if (outcome.tie) {
    const fs = el('fieldset', { class: 'lots' }, el('legend', {}, 'Drawing of lots'));
    fs.append(el('p', {}, `${outcome.tie.candidates.map((id) => names.get(id)).join(', ')} tie on ${formatNumber(outcome.tie.votes)} votes. Tick who won the drawing of lots, then check again.`));
    outcome.tie.candidates.forEach((id, i) => {
      const input = el('input', { type: 'checkbox', name: 'lot', value: id, id: `lot-${i}` });
      if (figures.lotWinners?.includes(id)) input.setAttribute('checked', '');
      fs.append(el('label', { class: 'check', for: `lot-${i}` }, input, names.get(id) ?? id));
    });
    fs.append(el('button', { type: 'submit', class: 'secondary' }, 'Check again'));
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
  const declare = el('button', { type: 'button', class: 'primary', id: 'declare' }, correcting ? 'Publish the correction' : 'Declare and publish');
  if (blocked) declare.setAttribute('disabled', '');
  declare.addEventListener('click', () => void declareFrom(form));
  const back = el('button', { type: 'button', class: 'secondary' }, 'Change the figures');
  back.addEventListener('click', () => {
    form.classList.remove('reviewing');
    form.querySelector<HTMLInputElement>('input[inputmode="numeric"]')?.focus();
  });
  box.append(el('p', { id: 'declare-problem', class: 'error', role: 'alert' }), el('div', { class: 'actions' }, declare, back));
  box.querySelector('h2')?.setAttribute('tabindex', '-1');
  box.scrollIntoView({ block: 'start' });
  box.querySelector<HTMLElement>('h2')?.focus();
}

/** Why nothing happened, said beside the button the officer just pressed. */
function refuse(form: HTMLFormElement, message: string, focus: HTMLElement | null | undefined) {
  const note = form.querySelector<HTMLElement>('#declare-problem');
  if (note) note.textContent = message;
  focus?.focus();
}

async function declareFrom(form: HTMLFormElement) {
  const entry = readEntry(form);
  if (!entry) return;
  const checks = checkDeclaration(entry.figures, { candidateName: (id) => entry.names.get(id) ?? id });
  const warnings = checks.filter((c) => !c.blocking);
  const confirmed = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="confirm"]:checked')].map((i) => i.value));
  if (checks.some((c) => c.blocking)) return renderReview(form, entry, checks);
  if (!warnings.every((w) => confirmed.has(w.code))) {
    const unticked = [...form.querySelectorAll<HTMLInputElement>('input[name="confirm"]:not(:checked)')];
    for (const box of unticked) box.closest('.warning')?.classList.add('has-error');
    const n = unticked.length || warnings.length;
    return refuse(form, `Not published yet: tick "These are the figures as declared" under ${n === 1 ? 'the warning' : `each of the ${n} warnings`}, or change the figures.`, unticked[0]);
  }
  if (form.dataset.correcting === 'true' && !entry.submission.reason) {
    form.classList.remove('reviewing');
    const reason = form.elements.namedItem('reason') as HTMLTextAreaElement | null;
    return refuse(form, 'Not published yet: give the reason for the correction. It is published with it.', reason);
  }
  const key = (form.elements.namedItem('key') as HTMLInputElement).value;
  const entryToSend: PendingDeclaration = {
    contestId: form.dataset.contestId!,
    contestName: form.dataset.contestName ?? form.dataset.contestId!,
    key,
    submission: { ...entry.submission, acceptWarnings: warnings.length > 0 },
    savedAt: new Date().toISOString(),
  };
  try {
    await savePending(entryToSend);
  } catch {
    return refuse(form, 'This phone could not save the result, so it was not sent. Try again; if it fails again, use the form without the app (reload the page) or phone it in.', form.querySelector<HTMLElement>('#declare'));
  }
  // A fresh key for anything entered on this page afterwards: a new submission.
  (form.elements.namedItem('key') as HTMLInputElement).value = crypto.randomUUID();
  form.querySelector('#review')?.replaceChildren();
  form.classList.remove('reviewing');
  showOutcome(entryToSend, { kind: 'saved' });
  await renderPending();
  void sendPending();
}

/** A list at the top of the form of every box to fix, each linked to its box. */
function showErrorSummary(form: HTMLFormElement): void {
  form.querySelector('.error-summary.from-phone')?.remove();
  const invalid = [...form.querySelectorAll<HTMLInputElement>('input[aria-invalid="true"]')];
  if (!invalid.length) return;
  const list = el('ul', {});
  for (const input of invalid) {
    const message = document.getElementById(`${input.id}-client-error`)?.textContent ?? '';
    const link = el('a', { href: `#${input.id}` }, `${labelOf(form, input.name)}: ${message}`);
    link.addEventListener('click', (event) => (event.preventDefault(), input.focus()));
    list.append(el('li', {}, link));
  }
  const summary = el('div', { class: 'error-summary from-phone', role: 'alert', tabindex: '-1' }, el('h2', {}, 'There is a problem'), list);
  form.prepend(summary);
  summary.scrollIntoView({ block: 'start' });
  summary.focus();
}

function enhanceEntryForm() {
  const form = document.querySelector<HTMLFormElement>('form#entry');
  if (!form) return;
  // A tap on a box selects what is in it, so typing replaces it: a "3" typed into a box
  // holding "0" (or last version's figure) cannot become "30" or "03".
  form.addEventListener('focusin', (event) => {
    const input = event.target as HTMLInputElement;
    if (!input.matches?.('input[inputmode="numeric"]')) return;
    input.select();
    // The tap that focused the box then puts the caret where the finger was: select again.
    input.addEventListener('click', () => input.select(), { once: true });
  });
  // The key is made on the phone: a page served again from the offline cache must not
  // reuse the key of an entry already saved from it.
  (form.elements.namedItem('key') as HTMLInputElement).value = crypto.randomUUID();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const entry = readEntry(form);
    showErrorSummary(form);
    if (!entry) return;
    renderReview(form, entry, checkDeclaration(entry.figures, { candidateName: (id) => entry.names.get(id) ?? id }));
  });
}

// ---- ready for no signal ----------------------------------------------------------------

/** Asks the service worker to keep every ward's form, and says so once it has. */
function keepForNoSignal(): void {
  if (!('serviceWorker' in navigator) || !navigator.onLine) return;
  navigator.serviceWorker.addEventListener('message', (event) => {
    const data = event.data as { type?: string; wards?: number | null };
    if (data.type !== 'kept' || !data.wards) return;
    document.getElementById('offline-ready')?.remove();
    document.querySelector('main')?.append(el('p', { id: 'offline-ready', class: 'muted', role: 'status' },
      `Ready for no signal: ${data.wards === 1 ? 'this ward is' : `all ${data.wards} wards are`} kept on this phone.`));
  });
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'keep-for-offline' }));
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
  keepForNoSignal();
  void renderPending();
  void sendPending();
  window.addEventListener('online', () => void sendPending());
  window.addEventListener('pageshow', () => void sendPending());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void sendPending();
  });
  setInterval(() => void sendPending(), retryEveryMs);
}

start();
