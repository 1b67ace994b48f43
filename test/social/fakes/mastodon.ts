// A fake Mastodon instance: POST /api/v1/statuses with "Authorization: Bearer <token>".
// It keeps Idempotency-Keys as Mastodon does (a repeat gets the status it already made),
// counts length as Mastodon does (links 23) and answers 422 past 500, 429 with
// X-RateLimit-Reset as an ISO time.
import { mastodonLength } from '../../../src/social/wording/measure';
import { fakePlatform, type FakeOptions } from './core';

export const mastodonToken = 'mastodon-access-token';

export interface Toot {
  id: string;
  text: string;
  inReplyToId: string | null;
  visibility: string;
  idempotencyKey: string | null;
}

export function fakeMastodon(options: FakeOptions = {}) {
  const statuses: Toot[] = [];
  const byKey = new Map<string, Toot>();
  const refusals: string[] = [];
  let next = 110_000_000_000_000_000n;
  const asJson = (base: string, t: Toot) => ({
    id: t.id,
    created_at: new Date().toISOString(),
    in_reply_to_id: t.inReplyToId,
    visibility: t.visibility,
    language: 'en',
    uri: `${base}/users/council/statuses/${t.id}`,
    url: `${base}/@council/${t.id}`,
    content: `<p>${t.text}</p>`,
    account: { id: '1', username: 'council', acct: 'council' },
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
  });
  const platform = fakePlatform(
    (req) => {
      if (req.url.pathname !== '/api/v1/statuses' || req.method !== 'POST') return { status: 404, body: { error: 'Record not found' } };
      if (req.headers.authorization !== `Bearer ${mastodonToken}`) return { status: 401, body: { error: 'The access token is invalid' } };
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      if (key && byKey.has(key)) return { status: 200, body: asJson(req.url.origin, byKey.get(key)!) };
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      const input = isJson ? req.json<Record<string, unknown>>() : Object.fromEntries(req.form());
      const text = String(input.status ?? '');
      if (!text) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
      if (mastodonLength(text) > 500) {
        refusals.push(`too long: ${mastodonLength(text)}`);
        return { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
      }
      const inReplyToId = input.in_reply_to_id ? String(input.in_reply_to_id) : null;
      if (inReplyToId && !statuses.some((s) => s.id === inReplyToId)) return { status: 404, body: { error: 'Record not found' } };
      next += 1n;
      const toot: Toot = { id: String(next), text, inReplyToId, visibility: String(input.visibility ?? 'public'), idempotencyKey: key };
      statuses.push(toot);
      if (key) byKey.set(key, toot);
      return { status: 200, body: asJson(req.url.origin, toot) };
    },
    {
      rateLimit: (now) => {
        const until = now + 400;
        return {
          until,
          answer: {
            status: 429,
            headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(until).toISOString() },
            body: { error: 'Too many requests' },
          },
        };
      },
      serverError: { status: 503, body: { error: 'Service Unavailable' } },
      ...options,
    },
  );
  return Object.assign(platform, { statuses, refusals });
}
