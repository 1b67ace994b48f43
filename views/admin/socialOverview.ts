// What Admin → Social posts shows of each channel: whether the environment turns it on (the
// variables' names only, never their values), its switches, and how many of its posts are
// in each state. Built from what the route read; nothing here reads the database.
import type { OutboxStatus } from '../../db/outbox';
import { defaultChannelSettings, type ChannelSettingsRow } from '../../db/socialChannels';
import { channelLabels, channelNames, type ChannelName } from '../../src/social/channelNames';
import { channelSetups, variablesSet, type Env } from '../../src/social/config';

export interface ChannelOverview {
  name: ChannelName;
  label: string;
  /** on: credentials set; incomplete: some set; off: none. */
  state: 'on' | 'off' | 'incomplete';
  variables: { name: string; set: boolean }[];
  settings: ChannelSettingsRow;
  counts: Partial<Record<OutboxStatus, number>>;
}

export function channelOverview(
  env: Env,
  settings: Map<string, ChannelSettingsRow>,
  counts: { channel: string; status: OutboxStatus; count: number }[],
): ChannelOverview[] {
  const setups = channelSetups(env);
  return channelNames.map((name) => ({
    name,
    label: channelLabels[name],
    state: setups[name],
    variables: variablesSet(env, name),
    settings: settings.get(name) ?? defaultChannelSettings(name),
    counts: Object.fromEntries(counts.filter((n) => n.channel === name).map((n) => [n.status, n.count])),
  }));
}
