// What Mastodon's answers mean, shared by both Mastodon adapters (masto on Node, fetch on Workers).
import type { Delivery, OutgoingPost } from '../channel';
import { bodyText, httpFailure, retryAfter, type AdapterOptions } from './http';

/** Mastodon forgets an Idempotency-Key after an hour; we stay well inside that. */
export const mastodonKeyLifetimeMs = 55 * 60_000;

/**
 * Past the key's lifetime a repeat would make a second status: an attempt that may have
 * gone through that long ago counts as posted, and is not sent again.
 */
export function tooLateToRepeat(post: OutgoingPost, nowMs: number): Delivery | null {
  if (!post.maybeSentSince || nowMs - Date.parse(post.maybeSentSince) <= mastodonKeyLifetimeMs) return null;
  return { outcome: 'posted', remote: null, note: 'An attempt over an hour ago may have been posted, and Mastodon no longer recognises a repeat: not sent again. Check the account.' };
}

/** The reset of a 429: X-RateLimit-Reset (an ISO time), else Retry-After. */
export function mastodonReset(headers: Headers | undefined, nowMs: number): number | null {
  const reset = headers?.get('x-ratelimit-reset');
  const at = reset ? Date.parse(reset) : NaN;
  return Number.isNaN(at) ? retryAfter(headers?.get('retry-after'), nowMs) : at;
}

/** The status as Mastodon's API takes it (snake_case), the same from both adapters. */
export function statusParams(post: OutgoingPost) {
  return { status: post.text, visibility: 'public', language: 'en', ...(post.replyTo ? { in_reply_to_id: post.replyTo.id } : {}) };
}

/** Mastodon's error answer as a delivery: its `error` and `error_description`, its reset. */
export async function mastodonErrorAnswer(response: Response, options: AdapterOptions): Promise<Delivery> {
  const text = await bodyText(response);
  const data = parseJson(text);
  const detail = [data.error, data.error_description].filter((x) => typeof x === 'string').join(': ') || text;
  return httpFailure('Mastodon', response.status, detail, mastodonReset(response.headers, options.now()), options);
}

/** An answer's JSON fields, or none when it is not JSON. */
export function parseJson(text: string): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A failed answer masto threw as it came, not as a MastoHttpError: masto recognises an
 * answer with `instanceof Response`, which fails wherever the global Response is another
 * class than fetch's (as after @hono/node-server's serve() with its default). Recognised by
 * its shape, so an HTTP error is never mistaken for a dropped connection.
 */
export function thrownAnswer(error: unknown): Response | null {
  const e = error as Partial<Response> | null;
  return e && typeof e.status === 'number' && typeof e.headers?.get === 'function' && typeof e.text === 'function' ? (error as Response) : null;
}
