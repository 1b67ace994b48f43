// What an admin set for each social channel, and rate-limit waits. A channel with no row
// has the defaults: not paused, not held, the built-in wording, updates from the count posted.
import { sql } from 'drizzle-orm';
import { auditStatement, type Actor } from './audit';
import { commitAtomically, type Db } from './client';
import { socialChannels } from './schema';

export type ChannelSettingsRow = typeof socialChannels.$inferSelect;

export function defaultChannelSettings(channel: string): ChannelSettingsRow {
  return {
    channel,
    paused: false,
    holdForApproval: false,
    declarationTemplate: null,
    correctionTemplate: null,
    postUpdates: true,
    blockedUntil: null,
    updatedAt: '',
    updatedBy: null,
  };
}

export async function channelSettings(db: Db): Promise<Map<string, ChannelSettingsRow>> {
  const rows = await db.select().from(socialChannels);
  return new Map(rows.map((r) => [r.channel, r]));
}

export async function settingsOf(db: Db, channel: string): Promise<ChannelSettingsRow> {
  return (await channelSettings(db)).get(channel) ?? defaultChannelSettings(channel);
}

export type SettingsChange = Partial<Pick<ChannelSettingsRow, 'paused' | 'holdForApproval' | 'declarationTemplate' | 'correctionTemplate' | 'postUpdates'>>;

/** An admin's change to a channel, with its audit entry, in one write. */
export async function changeChannelSettings(db: Db, channel: string, change: SettingsChange, actor: Actor): Promise<void> {
  const now = new Date().toISOString();
  await commitAtomically(db, [
    db
      .insert(socialChannels)
      .values({ ...defaultChannelSettings(channel), ...change, updatedAt: now, updatedBy: actor.userId ?? null })
      .onConflictDoUpdate({ target: socialChannels.channel, set: { ...change, updatedAt: now, updatedBy: actor.userId ?? null } }),
    auditStatement(db, actor, { action: 'social.settings', entity: 'social_channel', entityId: channel, detail: { ...change } }, now),
  ]);
}

/**
 * No request to the channel before `untilMs` (a platform's rate-limit reset). Only ever
 * moves the time later: two dispatchers told different resets keep the later one.
 */
export async function blockChannelUntil(db: Db, channel: string, untilMs: number): Promise<void> {
  const until = new Date(untilMs).toISOString();
  await db
    .insert(socialChannels)
    .values({ ...defaultChannelSettings(channel), blockedUntil: until, updatedAt: until })
    .onConflictDoUpdate({
      target: socialChannels.channel,
      set: { blockedUntil: sql`CASE WHEN ${socialChannels.blockedUntil} IS NULL OR ${socialChannels.blockedUntil} < ${until} THEN ${until} ELSE ${socialChannels.blockedUntil} END` },
    });
}
