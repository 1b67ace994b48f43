// A fake Bluesky PDS: createSession with an app password, then createRecord and getRecord
// under "Authorization: Bearer <accessJwt>". It checks the record as Bluesky does (a TID
// record key, 300 graphemes, a link facet whose UTF-8 byte range covers the link text)
// and answers as the PDS does: 429 with ratelimit-* headers, RecordNotFound, and a refusal
// to create a second record under a key already used.
import { graphemeCount } from '../../../src/social/wording/measure';
import { fakePlatform, type FakeOptions } from './core';

export const blueskyAccount = { identifier: 'council.example.com', appPassword: 'abcd-efgh-ijkl-mnop', did: 'did:plc:council123' };

export interface BlueskyPost {
  rkey: string;
  uri: string;
  cid: string;
  record: { text: string; facets?: { index: { byteStart: number; byteEnd: number }; features: { $type: string; uri: string }[] }[]; reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } }; createdAt: string };
}

/** A real CIDv1 (dag-cbor, sha-256) of the record, as the PDS returns: the client checks its format. */
async function cidOf(record: unknown): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(record))));
  const bytes = [0x01, 0x71, 0x12, 0x20, ...digest];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const tid = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const xrpcError = (status: number, error: string, message: string) => ({ status, body: { error, message } });

export function fakeBluesky(options: FakeOptions = {}) {
  const posts = new Map<string, BlueskyPost>();
  const sessions = new Set<string>();
  const refusals: string[] = [];
  let logins = 0;
  const platform = fakePlatform(
    async (req) => {
      const path = req.url.pathname;
      if (path === '/xrpc/com.atproto.server.createSession' && req.method === 'POST') {
        const { identifier, password } = req.json<{ identifier: string; password: string }>();
        if (identifier !== blueskyAccount.identifier || password !== blueskyAccount.appPassword) {
          return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
        }
        logins += 1;
        const accessJwt = `access-${logins}-${crypto.randomUUID()}`;
        sessions.add(accessJwt);
        return { status: 200, body: { accessJwt, refreshJwt: `refresh-${logins}`, handle: identifier, did: blueskyAccount.did, active: true } };
      }
      const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      if (!bearer || !sessions.has(bearer)) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');

      if (path === '/xrpc/com.atproto.repo.getRecord' && req.method === 'GET') {
        const post = posts.get(req.url.searchParams.get('rkey') ?? '');
        if (!post || req.url.searchParams.get('repo') !== blueskyAccount.did) return xrpcError(400, 'RecordNotFound', 'Could not locate record');
        return { status: 200, body: { uri: post.uri, cid: post.cid, value: post.record } };
      }
      if (path === '/xrpc/com.atproto.repo.createRecord' && req.method === 'POST') {
        const input = req.json<{ repo: string; collection: string; rkey?: string; record: BlueskyPost['record'] & { $type: string } }>();
        const refuse = (message: string) => {
          refusals.push(message);
          return xrpcError(400, 'InvalidRequest', message);
        };
        if (input.repo !== blueskyAccount.did) return refuse('repo is not the session account');
        if (input.collection !== 'app.bsky.feed.post' || input.record?.$type !== 'app.bsky.feed.post') return refuse('not a post');
        if (!input.rkey || !tid.test(input.rkey)) return refuse(`record key ${input.rkey} is not a TID`);
        if (posts.has(input.rkey)) return xrpcError(400, 'InvalidRequest', 'Record already exists');
        const text = input.record.text;
        if (typeof text !== 'string' || graphemeCount(text) > 300) return refuse(`text is ${graphemeCount(text ?? '')} graphemes`);
        if (Number.isNaN(Date.parse(input.record.createdAt))) return refuse('createdAt is not a date');
        const bytes = new TextEncoder().encode(text);
        for (const facet of input.record.facets ?? []) {
          const { byteStart, byteEnd } = facet.index;
          if (byteStart < 0 || byteEnd > bytes.length || byteStart >= byteEnd) return refuse('facet outside the text');
          const covered = new TextDecoder().decode(bytes.slice(byteStart, byteEnd));
          const uri = facet.features[0]?.uri ?? '';
          const shown = covered.replace(/…$/, '').replace(/^https?:\/\//, '');
          if (!uri.startsWith('http') || !uri.replace(/^https?:\/\//, '').startsWith(shown)) return refuse(`facet covers "${covered}", not the link ${uri}`);
        }
        const reply = input.record.reply;
        if (reply && ![...posts.values()].some((p) => p.uri === reply.parent.uri && p.cid === reply.parent.cid)) return refuse('reply parent does not exist');
        const post: BlueskyPost = { rkey: input.rkey, uri: `at://${blueskyAccount.did}/app.bsky.feed.post/${input.rkey}`, cid: await cidOf(input.record), record: input.record };
        posts.set(input.rkey, post);
        return { status: 200, body: { uri: post.uri, cid: post.cid, validationStatus: 'valid' } };
      }
      return xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${path}`);
    },
    {
      rateLimit: (now) => {
        const reset = Math.ceil((now + 300) / 1000);
        return {
          until: reset * 1000,
          answer: {
            status: 429,
            headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'ratelimit-policy': '5000;w=3600' },
            body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
          },
        };
      },
      serverError: xrpcError(502, 'UpstreamFailure', 'Upstream Failure'),
      ...options,
    },
  );
  return Object.assign(platform, { posts, refusals, logins: () => logins });
}
