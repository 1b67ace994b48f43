// The social channels Declare can post to, and what people call them.
export const channelNames = ['x', 'bluesky', 'mastodon', 'facebook', 'webhook', 'log'] as const;

export type ChannelName = (typeof channelNames)[number];

export const channelLabels: Record<ChannelName, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  facebook: 'Facebook Page',
  webhook: 'Webhook',
  log: 'Log (prints what would be posted)',
};

export function isChannelName(name: string): name is ChannelName {
  return (channelNames as readonly string[]).includes(name);
}

/** The short label for lists and statuses ("Log" rather than the full explanation). */
export function channelLabel(name: string): string {
  if (name === 'log') return 'Log';
  return isChannelName(name) ? channelLabels[name] : name;
}
