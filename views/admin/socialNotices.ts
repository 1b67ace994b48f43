// What the social screen says after an action: fixed words chosen by codes in the address
// (?done=paused&channel=x, ?done=retry&post=<id>), with the channel from the fixed list of
// channels and the post read from the database. Never text from the address: a crafted link
// could otherwise put false instructions in front of an admin.
import type { OutboxEntry } from '../../db/outbox';
import { channelLabel, type ChannelName } from '../../src/social/channelNames';
import type { SwitchesChanged } from '../../src/validation/socialForms';

export const channelNotices = {
  paused: (channel: string) => `${channel} paused.`,
  resumed: (channel: string) => `${channel} resumed.`,
  holding: (channel: string) => `${channel} now holds new posts for approval.`,
  'not-holding': (channel: string) => `${channel} now posts without approval.`,
  'updates-on': (channel: string) => `${channel} now posts updates from the count.`,
  'updates-off': (channel: string) => `${channel} no longer posts updates from the count (corrections and withdrawals of those already posted still follow them up).`,
  unchanged: (channel: string) => `${channel} unchanged.`,
} as const;

/** `post` is "X post for Luton (version 2)"; `status` the post's state now. */
export const postNotices = {
  retry: (post: string) => `The ${post} will be tried again.`,
  approve: (post: string) => `The ${post} will be posted.`,
  cancel: (post: string) => `The ${post} will not be posted.`,
  unchanged: (post: string, status: string) => `Nothing changed: the ${post} is ${status}.`,
} as const;

export type ChannelNoticeCode = keyof typeof channelNotices;
export type PostNoticeCode = keyof typeof postNotices;

export const isChannelNoticeCode = (code: string): code is ChannelNoticeCode => Object.hasOwn(channelNotices, code);
export const isPostNoticeCode = (code: string): code is PostNoticeCode => Object.hasOwn(postNotices, code);

/** The codes for what a channel's switches form changed: each change, or "unchanged". */
export function switchNoticeCodes(change: SwitchesChanged): ChannelNoticeCode[] {
  const done: ChannelNoticeCode[] = [];
  if (change.paused !== undefined) done.push(change.paused ? 'paused' : 'resumed');
  if (change.holdForApproval !== undefined) done.push(change.holdForApproval ? 'holding' : 'not-holding');
  if (change.postUpdates !== undefined) done.push(change.postUpdates ? 'updates-on' : 'updates-off');
  return done.length ? done : ['unchanged'];
}

/** What the page says for ?done=<codes>&channel=<name>: the known codes' words, or nothing. */
export function channelNotice(channel: ChannelName, codes: readonly string[]): string | null {
  const said = codes.filter(isChannelNoticeCode).map((code) => channelNotices[code](channelLabel(channel)));
  return said.length ? said.join(' ') : null;
}

/** What the page says for ?done=<code>&post=<id>, about the post as the database has it. */
export function postNotice(code: PostNoticeCode, post: Pick<OutboxEntry, 'channel' | 'contestName' | 'version' | 'status'>): string {
  const label = `${channelLabel(post.channel)} post for ${post.contestName}${post.version > 1 ? ` (version ${post.version})` : ''}`;
  return postNotices[code](label, post.status);
}
