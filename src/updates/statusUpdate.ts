// The update from the count a status change can post by itself ("Recount in Rainham
// North."), when an admin has switched that on for the election (off by default). Written in
// the same atomic write as the status, so the page, the feeds and the posts never disagree.
import type { Actor } from '../../db/audit';
import type { Db, Statement } from '../../db/client';
import { updateVersionStatements } from '../../db/countUpdates';
import type { ContestRow, ElectionRow } from '../../db/results';
import type { SettableStatus } from '../domain/contestStatus';
import { publishable } from '../domain/text';
import { updateQueue } from './updateChannels';

/** The words for a status worth telling people about; null for the others (back to awaiting). */
export function statusUpdateText(status: SettableStatus, ward: string): string | null {
  switch (status) {
    case 'counting':
      return `Counting has started in ${ward}.`;
    case 'recount':
      return `Recount in ${ward}.`;
    case 'postponed':
      return `The poll in ${ward} has been postponed; a new poll will be held on another day.`;
    case 'awaiting':
      return null;
  }
}

/**
 * What setContestStatus (db/declarations.ts) should also write: the automatic update, when
 * the election has them on and the status really changes; else undefined.
 */
export async function automaticStatusUpdate(
  db: Db,
  election: Pick<ElectionRow, 'id' | 'autoStatusUpdates' | 'rehearsal'>,
  contest: Pick<ContestRow, 'id' | 'name' | 'status'>,
  status: SettableStatus,
  actor: Actor,
  configuredChannels: string[],
): Promise<((now: string) => Statement[]) | undefined> {
  const text = election.autoStatusUpdates && contest.status !== status ? statusUpdateText(status, publishable(contest.name)) : null;
  if (text === null) return undefined;
  const queue = await updateQueue(db, election, configuredChannels);
  const update = { id: crypto.randomUUID(), version: 1, electionId: election.id, contestId: contest.id, text, withdrawn: false };
  return (now) => updateVersionStatements(db, update, actor, queue, now);
}
