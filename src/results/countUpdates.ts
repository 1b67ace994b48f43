// Updates from the count as the public sees them: the JSON's `updates`, the pages' "From the
// count", the feeds' entries. Each update as it now stands (its latest version), most
// recently first published first. Built from the publishable snapshot, so the words are
// already cleaned by the text rules.
import type { CountUpdate } from '../../db/countUpdates';
import type { ElectionSnapshot } from '../../db/results';
import type { countUpdateSchema } from './publicSchemas';
import type { z } from 'zod';

export type PublicUpdate = z.infer<typeof countUpdateSchema>;

export function publicUpdate(update: CountUpdate, contestName: string | null): PublicUpdate {
  const first = update.versions[0]!;
  const latest = update.versions.at(-1)!;
  return {
    id: update.id,
    version: latest.version,
    text: latest.text,
    contestId: update.contestId,
    contestName,
    corrected: update.versions.some((v) => v.version > 1 && !v.withdrawn),
    withdrawn: latest.withdrawn,
    postedAt: first.createdAt,
    updatedAt: latest.createdAt,
  };
}

/** Every update of the election, newest first (by when each was first published). */
export function publicUpdates(snapshot: Pick<ElectionSnapshot, 'contests' | 'updates'>): PublicUpdate[] {
  const names = new Map(snapshot.contests.map((c) => [c.id, c.name]));
  return snapshot.updates
    .map((u) => publicUpdate(u, u.contestId === null ? null : (names.get(u.contestId) ?? null)))
    .sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : a.id < b.id ? 1 : -1));
}

/** The updates about one ward. */
export function wardUpdates(updates: PublicUpdate[], contestId: string): PublicUpdate[] {
  return updates.filter((u) => u.contestId === contestId);
}
