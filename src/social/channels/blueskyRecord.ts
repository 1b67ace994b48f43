// What a Bluesky post record holds, shared by both Bluesky adapters (@atproto/api on Node,
// fetch on Workers): the link facet, the reply reference, the post's address.
import type { OutgoingPost, RemotePost } from '../channel';

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
