// Updates from the count as feed entries: one entry per update, under an id that never
// changes (`urn:declare:update:{id}`). A correction or a withdrawal is a new version of the
// same entry, as Atom means an entry to be updated: its `updated` time and version move,
// and its title says what happened, so a feed reader shows the change in place.
import type { ElectionSnapshot } from '../../db/results';
import { contestPath, electionPath, updateAnchor } from '../http/paths';
import { publicUpdates, type PublicUpdate } from './countUpdates';
import { rehearsalWords } from './rehearsal';
import type { updateFeedEntrySchema } from './publicSchemas';
import type { z } from 'zod';

/** An entry as the JSON feed sends it (publicSchemas.ts), with its page relative to the site. */
export type UpdateFeedEntry = z.infer<typeof updateFeedEntrySchema> & { path: string };

export function updateEntryId(updateId: string): string {
  return `urn:declare:update:${updateId}`;
}

/** Where an update is shown: its ward's page when it has one, else the results page; at its own anchor. */
export function updatePath(electionId: string, update: Pick<PublicUpdate, 'id' | 'contestId'>): string {
  const page = update.contestId === null ? electionPath(electionId) : contestPath(electionId, update.contestId);
  return `${page}#${updateAnchor(update.id)}`;
}

function titleOf(u: PublicUpdate, rehearsal: boolean): string {
  const state = u.withdrawn ? ' (withdrawn)' : u.corrected ? ' (corrected)' : '';
  // A rehearsal's entries say so first, as its declarations' do.
  return `${rehearsal ? `${rehearsalWords}. ` : ''}From the count${state}: ${u.text}`;
}

/** Every update of the election, most recently changed first. */
export function updateFeed(snapshot: ElectionSnapshot): UpdateFeedEntry[] {
  return publicUpdates(snapshot)
    .map((u) => ({
      id: updateEntryId(u.id),
      updateId: u.id,
      version: u.version,
      contestId: u.contestId,
      contestName: u.contestName,
      text: u.text,
      corrected: u.corrected,
      withdrawn: u.withdrawn,
      publishedAt: u.postedAt,
      updatedAt: u.updatedAt,
      title: titleOf(u, snapshot.election.rehearsal),
      path: updatePath(snapshot.election.id, u),
    }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : -1));
}
