// The elections the dispatcher composes posts from, kept between passes: an election is
// read again only when its change stamp (updatedAt, bumped by every declaration) moves.
// On a busy night this spares reading the whole election for every post.
import type { Db } from '../../../db/client';
import { electionOfContest, electionUpdatedAt, loadElection, type ElectionSnapshot } from '../../../db/results';
import { publishableSnapshot } from '../../results/publishableSnapshot';

export interface SnapshotCache {
  /** The election holding this declaration, as it now stands; null if it is gone. */
  forDeclaration(contestId: string, version: number): Promise<ElectionSnapshot | null>;
}

const holds = (snapshot: ElectionSnapshot, contestId: string, version: number) =>
  snapshot.contests.some((c) => c.id === contestId && c.versions.some((v) => v.version === version));

export function snapshotCache(db: Db): SnapshotCache {
  const electionOf = new Map<string, string>();
  const kept = new Map<string, ElectionSnapshot>();
  return {
    async forDeclaration(contestId, version) {
      const electionId = electionOf.get(contestId) ?? (await electionOfContest(db, contestId));
      if (!electionId) return null;
      electionOf.set(contestId, electionId);
      const cached = kept.get(electionId);
      const stamp = await electionUpdatedAt(db, electionId);
      if (cached && cached.election.updatedAt === stamp && holds(cached, contestId, version)) return cached;
      const stored = await loadElection(db, electionId);
      const fresh = stored && publishableSnapshot(stored);
      if (fresh) kept.set(electionId, fresh);
      else kept.delete(electionId);
      return fresh;
    },
  };
}
