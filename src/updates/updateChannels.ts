// Which social channels an update from the count is posted on: those configured whose admin
// has not switched updates off (on by default). A correction or withdrawal also goes wherever
// an earlier version of it went, so nobody is left with words that no longer stand.
import type { Db } from '../../db/client';
import { channelsOfUpdate } from '../../db/countUpdates';
import { channelSettings } from '../../db/socialChannels';

export async function channelsForUpdate(db: Db, configured: string[], updateId: string | null = null): Promise<string[]> {
  const settings = await channelSettings(db);
  const on = configured.filter((channel) => settings.get(channel)?.postUpdates ?? true);
  if (updateId === null) return on;
  const earlier = (await channelsOfUpdate(db, updateId)).filter((channel) => configured.includes(channel));
  return [...new Set([...on, ...earlier])];
}
