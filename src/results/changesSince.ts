// "What changed since I last looked": the election JSON with only the contests changed
// after a time the client gives (usually the updatedAt of its previous answer), so a
// newsroom polling all night fetches a few wards, not all of them, each time.
import { z } from 'zod';
import type { ElectionResults } from './electionResults';
import type { ElectionView } from './electionView';

const sinceParam = z.iso.datetime({
  offset: true,
  error: 'since must be an ISO 8601 time with its time zone, such as 2023-05-05T01:23:45Z (the updatedAt of your last answer).',
});

export type SinceParse = { ok: true; since: string } | { ok: false; message: string };

/**
 * The `since` value as one canonical UTC time, so the ways of writing the same instant
 * share one render and one ETag.
 */
export function parseSince(value: string): SinceParse {
  const parsed = sinceParam.safeParse(value);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return { ok: true, since: new Date(parsed.data).toISOString() };
}

export interface ElectionChanges extends ElectionResults {
  /** The time asked about: `contests` lists those changed after it. */
  since: string;
}

/** The election as it stands, its contests and updates cut to those changed after `since` (canonical UTC). */
export function changesSince(view: ElectionView, since: string): ElectionChanges {
  const after = Date.parse(since);
  const changed = new Set(view.snapshot.contests.filter((c) => Date.parse(c.updatedAt) > after).map((c) => c.id));
  return {
    ...view.results,
    since,
    contests: view.results.contests.filter((c) => changed.has(c.id)),
    updates: view.results.updates.filter((u) => Date.parse(u.updatedAt) > after),
  };
}
