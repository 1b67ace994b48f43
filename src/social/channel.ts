// One small interface for every platform: given a composed post, send it and say what
// happened. The dispatcher decides what to do with the answer (retry, wait, give up) and
// remembers the remote id; adapters only speak their platform's API.
import type { ContestResult } from '../results/contestResult';
import type { PublicUpdate } from '../results/countUpdates';
import type { ChannelName } from './channelNames';
import type { PostKind } from './wording/defaults';
import type { WordingRules } from './wording/rules';

/** A post as it exists on the platform: enough to link to it and to reply to it. */
export interface RemotePost {
  id: string;
  url: string | null;
  /** What a reply needs beyond the id (Bluesky: cid, and the thread's root uri and cid). */
  meta?: Record<string, string> | null;
}

export interface OutgoingPost {
  /** The outbox row id: idempotency key, delivery id, and the seed of Bluesky's record key. */
  id: string;
  kind: PostKind;
  text: string;
  /** The full results address, and how it is written in `text`. */
  link: string;
  linkText: string;
  /** When the declaration was queued: Bluesky's createdAt, so a retry writes the same record. */
  queuedAt: string;
  /** This channel's post of the version before, when a correction (or withdrawal) follows one up. */
  replyTo: RemotePost | null;
  /**
   * Set when an earlier attempt may have reached the platform (from when): the adapter
   * must make sure a second attempt cannot make a second post.
   */
  maybeSentSince: string | null;
  /** The result itself, for machine readers (the webhook); null for an update from the count. */
  contest: ContestResult | null;
  /** The update from the count as it stood at this version, for machine readers; null for a result. */
  update: PublicUpdate | null;
  electionId: string;
}

export type Delivery =
  /** On the platform. `remote` is null when it is known to be there but not under which id. */
  | { outcome: 'posted'; remote: RemotePost | null; note?: string }
  /**
   * Not posted now, worth trying again. `maybeSent` when the request may have gone through;
   * `retryAt` (epoch ms) when the platform said when to come back (a rate limit).
   */
  | { outcome: 'retry'; error: string; maybeSent: boolean; retryAt?: number; rateLimited?: boolean }
  /** Refused for good (bad credentials, a rejected post): retrying would not help. */
  | { outcome: 'refused'; error: string };

export interface Channel {
  /** The outbox channel: a platform, or a newsroom subscriber's `subscriber:<id>`. */
  name: ChannelName | `subscriber:${string}`;
  /** How logs name it, when not by the platform's label (a subscriber, by its name). */
  label?: string;
  /**
   * Sends every version, even one already corrected when its turn comes (a subscriber's
   * system keeps the history). Without it, a superseded version is not posted: the
   * correction goes out in its place, so the public never sees stale figures.
   */
  deliversEveryVersion?: boolean;
  rules: WordingRules;
  send(post: OutgoingPost): Promise<Delivery>;
}
