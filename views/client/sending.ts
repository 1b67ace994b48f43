// Sending what is saved on the phone until the server has it. Each entry keeps its own
// Idempotency-Key, so however often it is sent (on reconnect, on return to the page, on a
// timer) it is published once.
import { csrfToken } from './dom';
import { renderPending, showOutcome, type PublishedResult } from './outcome';
import { notePendingProblem, readPending, removePending, type PendingDeclaration } from './pending';

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
  if (res.status === 401) {
    await notePendingProblem(p.key, 'Your sign-in has expired: sign in again (in a new tab), then reload this page, and this will be sent.');
    return;
  }
  if (res.status === 403) {
    // Signed in again elsewhere: this page still holds the old session's form token.
    await notePendingProblem(p.key, 'Your sign-in has changed: reload this page and this will be sent.');
    return;
  }
  // Anything else the server refused outright: sending again would not help.
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
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
