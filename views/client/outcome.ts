// Saying what became of an entry, where the officer is looking: on its ward's page the form
// gives way to "Saved on this phone", "Published" (the status pill updated) or "Awaiting
// confirmation" (scrolled into view), or stays below "Not published" and why (refused, or
// differing from the first entry); everything not yet sent stays pinned on top of every
// officer page.
import { formatNumber } from '../../src/domain';
import type { EntriesDiffer } from '../../src/results/publicSchemas';
import { differencesTable } from './differences';
import { el } from './dom';
import { readPending, type PendingDeclaration } from './pending';
import { contestPath, officerContestPath, officerPostsPath } from '../../src/http/paths';

/** What the API answers with a published result (the fields this page shows). */
export interface PublishedResult {
  name: string;
  version: number;
  declaredAt: string | null;
  summary: string;
  electionId: string;
  candidates: { name: string; votes: number | null; elected: boolean; electedByLot: boolean; party: { name: string } }[];
}

export type Outcome =
  | { kind: 'saved' }
  | { kind: 'published'; result: PublishedResult | null }
  | { kind: 'awaiting' }
  | { kind: 'mismatch'; answer: EntriesDiffer }
  | { kind: 'refused'; why: string };

/** The form stays, to change the figures, when nothing was published for want of a fix. */
const formStays = (outcome: Outcome) => outcome.kind === 'refused' || outcome.kind === 'mismatch';

/**
 * Says what became of an entry where the officer is looking: on its own ward's page the form
 * gives way to a panel, scrolled into view; elsewhere a note on top of the pinned banner.
 */
export function showOutcome(p: PendingDeclaration, outcome: Outcome): void {
  const form = document.querySelector<HTMLFormElement>('form#entry');
  const here = form?.dataset.contestId === p.contestId;
  if (!here) {
    const box = document.getElementById('pending');
    if (!box || outcome.kind === 'saved') return;
    const open = el('a', { href: officerContestPath(p.contestId) }, 'Open the ward');
    const note =
      outcome.kind === 'published'
        ? el('p', { class: 'sent', role: 'status' }, `Published: ${p.contestName}.`, ' ', open)
        : outcome.kind === 'awaiting'
          ? el('p', { role: 'status' }, `Awaiting confirmation: ${p.contestName}. A second officer must enter the figures again.`, ' ', open)
          : el('p', { class: 'error', role: 'alert' }, `Not published: ${p.contestName}. ${outcome.kind === 'mismatch' ? outcome.answer.message : outcome.why}`, ' ', open);
    box.hidden = false;
    box.prepend(note);
    return;
  }
  const panel = outcomePanel(p, outcome, form!);
  document.getElementById('outcome')?.remove();
  form!.before(panel);
  // The form stays for an entry to fix; otherwise it must not look undeclared.
  form!.hidden = !formStays(outcome);
  if (outcome.kind === 'published') markDeclared(outcome.result?.version ?? null);
  panel.scrollIntoView({ block: 'start' });
  panel.querySelector<HTMLElement>('h2')?.focus();
}

function outcomePanel(p: PendingDeclaration, outcome: Outcome, form: HTMLFormElement): HTMLElement {
  const heading = (text: string) => el('h2', { tabindex: '-1' }, text);
  if (outcome.kind === 'saved') {
    const said = p.confirming ? 'whether it matched' : form.dataset.entryMode === 'enter' ? '"Awaiting confirmation"' : '"Published"';
    return el('section', { id: 'outcome', class: 'outcome outcome-saved', role: 'status' },
      heading(`Saved on this phone: ${p.contestName}`),
      el('p', {}, `Not yet sent. It is sent as soon as there is a connection, and this says ${said} when the server has it. It stays on this phone until then, even if the browser closes.`));
  }
  if (outcome.kind === 'refused') {
    return el('section', { id: 'outcome', class: 'outcome outcome-refused', role: 'alert' },
      heading(`Not published: ${p.contestName}`), el('p', {}, outcome.why), el('p', {}, 'Change the figures below and check again.'));
  }
  if (outcome.kind === 'mismatch') {
    return el('section', { id: 'outcome', class: 'outcome outcome-refused', role: 'alert' },
      heading(`Not published: the entries differ`), el('p', {}, outcome.answer.message), differencesTable(outcome.answer),
      el('p', {}, 'If yours is wrong, change the figures below and confirm again.'));
  }
  if (outcome.kind === 'awaiting') {
    const wards = form.closest('main')?.querySelector<HTMLAnchorElement>('.crumbs a')?.getAttribute('href') ?? '/officer';
    return el('section', { id: 'outcome', class: 'outcome outcome-awaiting', role: 'status' },
      heading(`Awaiting confirmation: ${p.contestName}`),
      el('p', {}, 'Not published yet. A second officer must enter the figures again from the declaration on their phone; it is published when every figure matches.'),
      el('p', { class: 'actions' },
        el('a', { class: 'button primary', href: wards }, 'Next ward'),
        el('a', { class: 'button secondary', href: officerContestPath(p.contestId) }, 'Open the ward')));
  }
  const result = outcome.result;
  const time = result?.declaredAt ? new Date(result.declaredAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) : '';
  const elected = el('ul', { class: 'plain' });
  for (const c of result?.candidates.filter((x) => x.elected) ?? []) {
    elected.append(el('li', {}, el('strong', {}, c.name), ` (${c.party.name}) ${formatNumber(c.votes ?? 0)}${c.electedByLot ? ', after drawing lots' : ''}`));
  }
  const publicPage = result ? contestPath(result.electionId, p.contestId) : null;
  const wards = form.closest('main')?.querySelector<HTMLAnchorElement>('.crumbs a')?.getAttribute('href') ?? '/officer';
  const social = el('section', { id: 'social-posts', class: 'social-posts', 'hx-get': officerPostsPath(p.contestId), 'hx-trigger': 'load', 'hx-swap': 'outerHTML' },
    el('h2', {}, 'Social posts'), el('p', {}, el('a', { href: officerPostsPath(p.contestId) }, 'See which channels have posted it')));
  const panel = el('section', { id: 'outcome', class: 'outcome published', role: 'status' },
    heading(`Published: ${p.contestName}`),
    el('p', {}, `${result && result.version > 1 ? `Correction, version ${result.version}` : 'Version 1'}${time ? `, at ${time}` : ''}. It is on the results page and in the feeds now.`),
    ...(result ? [el('p', { class: 'summary' }, result.summary), elected] : []),
    el('p', { class: 'actions' },
      el('a', { class: 'button primary', href: wards }, 'Next ward'),
      ...(publicPage ? [el('a', { class: 'button secondary', href: publicPage }, 'See it as the public does')] : []),
      el('a', { class: 'button secondary', href: officerContestPath(p.contestId) }, 'Correct this result')),
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
export async function renderPending(): Promise<void> {
  const box = document.getElementById('pending');
  if (!box) return;
  box.querySelector('.queue')?.remove();
  const pending = await readPending().catch(() => []);
  if (pending.length) {
    const list = el('ul', { class: 'plain' });
    for (const p of pending) {
      list.append(el('li', {}, el('a', { href: officerContestPath(p.contestId) }, el('strong', {}, p.contestName)),
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
