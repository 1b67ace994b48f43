// Which social channels an update from the count is posted on: those configured whose admin
// has not switched updates off (on by default). A correction or withdrawal also goes wherever
// an earlier version of it went, so nobody is left with words that no longer stand.
import type { Db } from '../../db/client';
import { channelsOfUpdate, type UpdateQueue } from '../../db/countUpdates';
import type { ElectionRow } from '../../db/results';
import { channelSettings } from '../../db/socialChannels';

export async function channelsForUpdate(db: Db, configured: string[], updateId: string | null = null): Promise<string[]> {
  const settings = await channelSettings(db);
  const on = configured.filter((channel) => settings.get(channel)?.postUpdates ?? true);
  if (updateId === null) return on;
  const earlier = (await channelsOfUpdate(db, updateId)).filter((channel) => configured.includes(channel));
  return [...new Set([...on, ...earlier])];
}

/** Where a version of an update is posted. A rehearsal posts to the log channel only, and pushes nothing to newsrooms. */
export async function updateQueue(db: Db, election: Pick<ElectionRow, 'rehearsal'>, configured: string[], updateId: string | null = null): Promise<UpdateQueue> {
  const channels = await channelsForUpdate(db, configured, updateId);
  return election.rehearsal ? { channels: channels.filter((c) => c === 'log'), toSubscribers: false } : { channels, toSubscribers: true };
}
