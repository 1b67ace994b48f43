// The election as it stood the moment a declaration was recorded. A post is composed from
// this, not from the election as it stands when the dispatcher gets to it, so a retry an
// hour later says exactly what the first attempt said (and X can recognise the repeat).
import type { ContestSnapshot, ElectionSnapshot } from '../../../db/results';

export interface DeclarationRef {
  contestId: string;
  version: number;
}

/**
 * Keeps only the versions recorded up to (and including) the given one. Later declarations
 * of other wards vanish, and those wards read as still counting, as they then were.
 * Returns null when the declaration is not in the snapshot.
 */
export function snapshotAsOf(snapshot: ElectionSnapshot, ref: DeclarationRef): ElectionSnapshot | null {
  const target = snapshot.contests.find((c) => c.id === ref.contestId)?.versions.find((v) => v.version === ref.version);
  if (!target) return null;
  const recordedBy = (v: { createdAt: string }) => v.createdAt <= target.createdAt;
  const contests = snapshot.contests.map((contest): ContestSnapshot => {
    const versions =
      contest.id === ref.contestId
        ? contest.versions.filter((v) => v.version <= ref.version)
        : contest.versions.filter(recordedBy);
    if (contest.status !== 'declared') return { ...contest, versions };
    return { ...contest, versions, status: versions.length ? 'declared' : 'counting' };
  });
  return { ...snapshot, contests };
}
