// A fake X API v2: POST /2/tweets with OAuth 1.0a user context. It verifies the signature
// itself (its own RFC 5849 base string, HMAC-SHA1: independent of both signers under test),
// refuses a replayed nonce, checks the weighted length, and answers as X does: 201 with
// data.id, 403 for duplicate content, 429 with x-rate-limit-* headers.
import { xLength } from '../../../src/social/wording/measure';
import { fakePlatform, type FakeOptions, type FakeRequest } from './core';

export const xCredentials = { appKey: 'consumer-key', appSecret: 'consumer-secret', accessToken: 'user-token', accessSecret: 'user-secret' };

const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface Tweet {
  id: string;
  text: string;
  replyTo: string | null;
}

function parseOAuth(header: string | undefined): Map<string, string> | null {
  if (!header?.startsWith('OAuth ')) return null;
  const fields = new Map<string, string>();
  for (const m of header.slice(6).matchAll(/([\w]+)="([^"]*)"/g)) fields.set(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!));
  return fields;
}

/** Recomputes the signature the way X does and says what is wrong, if anything. */
export async function oauthProblem(req: FakeRequest, seenNonces: Set<string>): Promise<string | null> {
  const oauth = parseOAuth(req.headers.authorization);
  if (!oauth) return 'no OAuth header';
  if (oauth.get('oauth_consumer_key') !== xCredentials.appKey) return 'wrong consumer key';
  if (oauth.get('oauth_token') !== xCredentials.accessToken) return 'wrong token';
  if (oauth.get('oauth_signature_method') !== 'HMAC-SHA1' || oauth.get('oauth_version') !== '1.0') return 'wrong method or version';
  const timestamp = Number(oauth.get('oauth_timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return 'stale timestamp';
  const nonce = oauth.get('oauth_nonce') ?? '';
  if (!nonce || seenNonces.has(nonce)) return 'missing or replayed nonce';
  const params: [string, string][] = [...oauth.entries()].filter(([k]) => k !== 'oauth_signature' && k !== 'realm');
  for (const [k, v] of req.url.searchParams) params.push([k, v]);
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) for (const [k, v] of req.form()) params.push([k, v]);
  const normalized = params
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const base = `${req.method}&${enc(`${req.url.protocol}//${req.headers.host}${req.url.pathname}`)}&${enc(normalized)}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(`${enc(xCredentials.appSecret)}&${enc(xCredentials.accessSecret)}`), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const expected = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(base)))));
  if (expected !== oauth.get('oauth_signature')) return 'bad signature';
  seenNonces.add(nonce);
  return null;
}

export function fakeX(options: FakeOptions = {}) {
  const tweets: Tweet[] = [];
  const refusals: string[] = [];
  const nonces = new Set<string>();
  let next = 1_650_000_000_000_000_000n;
  const platform = fakePlatform(
    async (req) => {
      if (req.method !== 'POST' || req.url.pathname !== '/2/tweets') return { status: 404, body: { title: 'Not Found Error', type: 'about:blank', status: 404, detail: 'Not Found' } };
      const problem = await oauthProblem(req, nonces);
      if (problem) {
        refusals.push(problem);
        return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return { status: 415, body: { title: 'Unsupported Media Type' } };
      const body = req.json<{ text?: unknown; reply?: { in_reply_to_tweet_id?: unknown } }>();
      if (typeof body.text !== 'string' || !body.text) return { status: 400, body: { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request', errors: [{ message: 'text is required' }] } };
      if (xLength(body.text) > 280) {
        refusals.push(`too long: ${xLength(body.text)}`);
        return { status: 400, body: { title: 'Invalid Request', detail: 'Your Tweet text is too long.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
      }
      const replyTo = body.reply?.in_reply_to_tweet_id;
      if (replyTo !== undefined && !tweets.some((t) => t.id === replyTo)) return { status: 400, body: { title: 'Invalid Request', detail: 'The tweet you are replying to does not exist.' } };
      if (tweets.some((t) => t.text === body.text)) {
        return { status: 403, body: { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 } };
      }
      next += 1n;
      const tweet = { id: String(next), text: body.text, replyTo: typeof replyTo === 'string' ? replyTo : null };
      tweets.push(tweet);
      return { status: 201, body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } } };
    },
    {
      rateLimit: (now) => {
        // X's reset is whole epoch seconds: the block ends exactly then.
        const reset = Math.ceil((now + 300) / 1000);
        return {
          until: reset * 1000,
          answer: {
            status: 429,
            headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
            body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
          },
        };
      },
      serverError: { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } },
      ...options,
    },
  );
  return Object.assign(platform, { tweets, refusals });
}
