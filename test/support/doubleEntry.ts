// A second pair of eyes in the route suites: an election with it on (from its definition
// file), a second officer with an API token, and what the public sees of a ward, to show it
// does not change while a result awaits confirmation.
import type { Db } from '../../db/client';
import type { DeclarationSubmission } from '../../src/declare/submission';
import { harness } from './harness';

export type Harness = Awaited<ReturnType<typeof harness>>;

export async function doubleEntry(open: () => Promise<Db>, options: Parameters<typeof harness>[1] = {}) {
  const h = await harness(open, { ...options, define: (def) => ({ ...(options.define?.(def) ?? def), secondPairOfEyes: true }) });
  const second = await h.userWithToken('officer', `second-${h.def.id.split('.').at(-1)}`);
  return { h, second };
}

/** POST …/declaration/confirm as count software sends it. */
export function confirm(h: Harness, contestId: string, body: unknown, init: { token?: string; key?: string } = {}) {
  return h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/declaration/confirm`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${init.token ?? h.officer.token}`,
      'idempotency-key': init.key ?? crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
}

/** GET …/declaration/pending as the holder of `token`. */
export async function pendingAs(h: Harness, contestId: string, token: string) {
  const res = await h.app.request(`/api/v1/contests/${encodeURIComponent(contestId)}/declaration/pending`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * Everything the public can read about the election and a ward: the JSON, the feed and both
 * pages, each with its status, ETag and bytes.
 */
export async function publicView(h: Harness, contestId: string) {
  const e = `/elections/${encodeURIComponent(h.def.id)}`;
  const c = `/contests/${encodeURIComponent(contestId)}`;
  const paths = [`/api/v1${e}`, `/api/v1${e}${c}`, `/api/v1${e}/declarations`, e, `${e}${c}`];
  return Promise.all(
    paths.map(async (path) => {
      const res = await h.app.request(path, { headers: { accept: path.startsWith('/api/') ? 'application/json' : 'text/html' } });
      return { path, status: res.status, etag: res.headers.get('etag'), body: await res.text() };
    }),
  );
}

/** A bundle of 10 in the wrong pile: All Saints' Chris Spalding 295 entered as 285, Julie Wallace 252 as 262 (the totals still add up). */
export async function misplacedBundle(h: Harness, body: DeclarationSubmission): Promise<DeclarationSubmission> {
  const contest = await h.contest('All Saints');
  const id = (surname: string) => contest.candidates.find((c) => c.surname === surname)!.id;
  return {
    ...body,
    votes: body.votes.map((v) => (v.candidate === id('Spalding') ? { ...v, votes: 285 } : v.candidate === id('Wallace') ? { ...v, votes: 262 } : v)),
  };
}
