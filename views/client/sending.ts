// Sending what is saved on the phone until the server has it. Each entry keeps its own
// Idempotency-Key, so however often it is sent (on reconnect, on return to the page, on a
// timer) it is published once. Once the server has answered what became of it (published,
// awaiting a second officer, differing from the first entry, refused), it is not sent again.
import { confirmApiPath, declarationApiPath } from '../../src/http/paths';
import type { EntriesDiffer } from '../../src/results/publicSchemas';
import { csrfToken } from './dom';
import { renderPending, showOutcome, type PublishedResult } from './outcome';
import { notePendingProblem, readPending, removePending, type PendingDeclaration } from './pending';

let sending = false;

/** Where an entry goes: a second officer's entry to the confirm address. */
const addressOf = (p: PendingDeclaration) => (p.confirming ? confirmApiPath(p.contestId) : declarationApiPath(p.contestId));

async function sendOne(p: PendingDeclaration): Promise<void> {
  let res: Response;
  try {
    res = await fetch(addressOf(p), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'idempotency-key': p.key, 'x-csrf-token': csrfToken(), accept: 'application/json' },
      body: JSON.stringify(p.submission),
    });
  } catch {
    await notePendingProblem(p.key, 'No connection yet.');
    return;
  }
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status === 201) {
    await removePending(p.key);
    showOutcome(p, { kind: 'published', result: body as PublishedResult | null });
    return;
  }
  if (res.status === 202) {
    // The server has it, awaiting a second officer: nothing more to send.
    await removePending(p.key);
    showOutcome(p, { kind: 'awaiting' });
    return;
  }
  if (res.status === 409 && body?.error === 'mismatch') {
    await removePending(p.key);
    showOutcome(p, { kind: 'mismatch', answer: body as unknown as EntriesDiffer });
    return;
  }
  if (res.status === 401) {
    await notePendingProblem(p.key, 'Your sign-in has expired: sign in again (in a new tab), then reload this page, and this will be sent.');
    return;
  }
  if (res.status === 403 && body?.error !== 'forbidden') {
    // Signed in again elsewhere: this page still holds the old session's form token.
    await notePendingProblem(p.key, 'Your sign-in has changed: reload this page and this will be sent.');
    return;
  }
  // Anything else the server refused outright: sending again would not help.
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    // The server refused the figures: sending again would not help. Say why, in view.
    const refusal = (body ?? {}) as { problems?: { message: string }[]; message?: string };
    const why = refusal.problems?.map((x) => x.message).join(' ') ?? refusal.message ?? 'The server refused this result.';
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
