// A fake Graph API for a Facebook Page: POST /v21.0/{page-id}/feed (message, link,
// access_token as form fields) and GET /v21.0/{page-id}/feed to list recent posts. Errors
// come in Graph's shape ({"error": {"message", "type", "code", "fbtrace_id"}}): 190 for a
// bad token, 506 for a duplicate message, 32 (Page request limit) with the
// X-Business-Use-Case-Usage header when throttled.
import { fakePlatform, type FakeOptions } from './core';

export const facebookPage = { id: '104857600', token: 'EAAGpage-token' };

export interface PagePost {
  id: string;
  message: string;
  link: string | null;
  createdTime: number;
}

const graphError = (status: number, code: number, message: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...extra } },
});

export function fakeFacebook(options: FakeOptions & { throttleMinutes?: number } = {}) {
  const posts: PagePost[] = [];
  let next = 1000;
  const feed = `/v21.0/${facebookPage.id}/feed`;
  const platform = fakePlatform(
    (req) => {
      if (req.url.pathname !== feed) return graphError(400, 803, 'Some of the aliases you requested do not exist');
      const fields = req.method === 'POST' ? req.form() : req.url.searchParams;
      if (fields.get('access_token') !== facebookPage.token) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
      if (req.method === 'GET') {
        const since = Number(fields.get('since') ?? 0) * 1000;
        const data = posts
          .filter((p) => p.createdTime >= since)
          .reverse()
          .map((p) => ({ id: p.id, message: p.message, created_time: new Date(p.createdTime).toISOString().replace('.000Z', '+0000') }));
        return { status: 200, body: { data, paging: {} } };
      }
      const message = fields.get('message') ?? '';
      if (!message) return graphError(400, 100, '(#100) The parameter message or link is required');
      if (posts.some((p) => p.message === message)) return graphError(400, 506, '(#506) Duplicate status message');
      next += 1;
      const post = { id: `${facebookPage.id}_${next}`, message, link: fields.get('link'), createdTime: Date.now() };
      posts.push(post);
      return { status: 200, body: { id: post.id } };
    },
    {
      rateLimit: (now) => {
        // Graph says how long in whole minutes; the fault tests use 0 minutes and a
        // Retry-After in seconds so they do not wait a minute.
        const minutes = options.throttleMinutes ?? 0;
        const until = minutes > 0 ? now + minutes * 60_000 : (Math.floor(now / 1000) + 1) * 1000 + 1000;
        return {
          until,
          answer: {
            ...graphError(400, 32, '(#32) Page request limit reached', { is_transient: false }),
            headers: {
              'x-business-use-case-usage': JSON.stringify({ [facebookPage.id]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: minutes }] }),
              ...(minutes > 0 ? {} : { 'retry-after': String(Math.ceil((until - now) / 1000)) }),
            },
          },
        };
      },
      serverError: graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }),
      ...options,
    },
  );
  return Object.assign(platform, { posts });
}
