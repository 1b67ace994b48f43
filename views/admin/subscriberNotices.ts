// What the subscribers screen says after an action: fixed words chosen by a code in the
// address (?done=paused&subscriber=<id>), the name read from the database. Never text from
// the address, so a crafted link cannot put words of its own in front of an admin.
export const subscriberNotices = {
  added: (name: string) => `${name} added. It gets every declaration and correction from now on.`,
  paused: (name: string) => `${name} paused: its deliveries wait until it is resumed.`,
  resumed: (name: string) => `${name} resumed: waiting deliveries go out in order.`,
  retry: (name: string) => `The failed delivery to ${name} will be tried again.`,
  unchanged: (name: string) => `Nothing changed for ${name}.`,
} as const;

/** Said once the subscriber is gone from the database, so without its name. */
export const removedNotice = 'The subscriber was removed, with its secret. Nothing more is sent to it.';

export type SubscriberNoticeCode = keyof typeof subscriberNotices | 'removed';

export const isSubscriberNoticeCode = (code: string | undefined): code is keyof typeof subscriberNotices =>
  code !== undefined && Object.hasOwn(subscriberNotices, code);
