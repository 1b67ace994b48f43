// What a Bluesky post record holds, shared by both Bluesky adapters (@atproto/api on Node,
// fetch on Workers): the link facet, the reply reference, the post's address.
import type { Delivery, OutgoingPost, RemotePost } from '../channel';
import { recordKeyFor } from './tid';

export const postCollection = 'app.bsky.feed.post';
const encoder = new TextEncoder();

/** The link facet: Bluesky counts its position in UTF-8 bytes. */
export function linkFacet(text: string, linkText: string, uri: string) {
  const at = text.lastIndexOf(linkText);
  if (at === -1) return [];
  const byteStart = encoder.encode(text.slice(0, at)).length;
  const byteEnd = byteStart + encoder.encode(linkText).length;
  return [{ index: { byteStart, byteEnd }, features: [{ $type: 'app.bsky.richtext.facet#link', uri }] }];
}

export function replyRef(to: RemotePost) {
  const cid = to.meta?.cid;
  if (!cid) return undefined;
  return {
    root: { uri: to.meta?.rootUri ?? to.id, cid: to.meta?.rootCid ?? cid },
    parent: { uri: to.id, cid },
  };
}

/** The record for a post: the same on every attempt (createdAt is when it was queued). */
export function postRecord(post: OutgoingPost) {
  const reply = post.replyTo ? replyRef(post.replyTo) : undefined;
  return {
    $type: postCollection,
    text: post.text,
    createdAt: post.queuedAt,
    langs: ['en-GB'],
    facets: linkFacet(post.text, post.linkText, post.link),
    ...(reply ? { reply } : {}),
  };
}

export function blueskyPostUrl(did: string, rkey: string): string {
  return `https://bsky.app/profile/${did}/post/${rkey}`;
}

/** The post as we remember it: with its thread's root, so a later correction joins the thread. */
export function remoteOf(did: string, rkey: string, uri: string, cid: string, post: OutgoingPost): RemotePost {
  const root = post.replyTo ? replyRef(post.replyTo)?.root : undefined;
  return { id: uri, url: blueskyPostUrl(did, rkey), meta: { cid, rootUri: root?.uri ?? uri, rootCid: root?.cid ?? cid } };
}

export const notAgainNotes = {
  found: 'Found on Bluesky after an attempt that may have gone through: not posted again.',
  exists: 'Already on Bluesky from an earlier attempt: not posted again.',
};

/** A Bluesky repository as either adapter reaches it: the calls posting once needs. */
export interface PostRepository {
  did: string;
  /** The record at `rkey` in the post collection, or null when there is none. */
  find(rkey: string): Promise<{ uri: string; cid: string } | null>;
  create(rkey: string, record: ReturnType<typeof postRecord>): Promise<{ uri: string; cid: string }>;
  /** Whether a failed create was refused because a record is already at that key. */
  isTaken(error: unknown): boolean;
}

/**
 * Posts at the record key derived from the outbox row, so no attempt can make a second
 * post: after an attempt that may have gone through, the key is checked first; and a
 * record already there when creating is our own earlier attempt, so that post is the one.
 */
export async function postAtRecordKey(repo: PostRepository, post: OutgoingPost): Promise<Delivery> {
  const rkey = recordKeyFor(post.id, post.queuedAt);
  const existing = async () => {
    const found = await repo.find(rkey);
    return found ? remoteOf(repo.did, rkey, found.uri, found.cid, post) : null;
  };
  if (post.maybeSentSince) {
    const found = await existing();
    if (found) return { outcome: 'posted', remote: found, note: notAgainNotes.found };
  }
  try {
    const created = await repo.create(rkey, postRecord(post));
    return { outcome: 'posted', remote: remoteOf(repo.did, rkey, created.uri, created.cid, post) };
  } catch (error) {
    if (repo.isTaken(error)) {
      const found = await existing();
      if (found) return { outcome: 'posted', remote: found, note: notAgainNotes.exists };
    }
    throw error;
  }
}
