// A newsroom subscriber as a channel: the webhook's signed JSON (same body, headers and
// signature, see webhook.ts) to the address an admin gave, signed with its own secret, on
// its own outbox channel. It gets every version, in order: a newsroom's system keeps the
// history, where a public timeline should not show figures already corrected.
import type { Db } from '../../../db/client';
import { activeSubscribers, subscriberChannel, type SubscriberRow } from '../../../db/subscribers';
import type { Channel } from '../channel';
import { wordingRules } from '../wording/rules';
import type { AdapterOptions } from './http';
import { signedJsonSender } from './webhook';

export function subscriberChannelOf(subscriber: Pick<SubscriberRow, 'id' | 'name' | 'url' | 'secret'>, options: AdapterOptions): Channel {
  return {
    name: subscriberChannel(subscriber.id),
    label: `Subscriber ${subscriber.name}`,
    deliversEveryVersion: true,
    rules: wordingRules.webhook,
    send: signedJsonSender({ url: subscriber.url, secret: subscriber.secret, userAgent: 'Declare-Subscriber/1', who: 'The subscriber' }, options),
  };
}

/** A channel for each subscriber not paused, read afresh: admins add and remove them any time. */
export async function subscriberChannels(db: Db, options: AdapterOptions): Promise<Channel[]> {
  return (await activeSubscribers(db)).map((subscriber) => subscriberChannelOf(subscriber, options));
}
