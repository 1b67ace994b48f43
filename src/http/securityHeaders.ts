// Security headers on every response, public or not. The policy allows nothing inline and
// nothing from another origin: our pages carry no inline script or style, and htmx is
// served from our own origin with its inline indicator style and eval switched off.
//
// Caching is opt-in: a response that does not say how it may be cached gets
// `Cache-Control: no-store`. Public pages, feeds and static files say so themselves; an
// officer's page, a login form or an API error must never be kept by a shared cache, and
// caches in front of us (Workers Cache, a CDN) otherwise store answers that say nothing
// for hours.
import { createMiddleware } from 'hono/factory';
import { notStored } from './caching';

const policy = (frameAncestors: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');

const headers = (embed: boolean): Readonly<Record<string, string>> =>
  Object.freeze({
    'Content-Security-Policy': policy(embed ? '*' : "'none'"),
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(embed ? {} : { 'X-Frame-Options': 'DENY', 'Cross-Origin-Opener-Policy': 'same-origin' }),
  });

// Built once: every response needs one of the two.
const forPages = headers(false);
const forEmbeds = headers(true);

/** Paths meant to be framed by newsrooms' live blogs. */
const embeddable = (path: string) => path.startsWith('/embed/');

/** The headers for a response to `path`; also written into Workers' static assets `_headers`. */
export function securityHeadersFor(path: string): Readonly<Record<string, string>> {
  return embeddable(path) ? forEmbeds : forPages;
}

/** Responses built by securedResponse, which already carry their headers (and their caching). */
const alreadySecured = new WeakSet<Response>();

/**
 * A response with the security headers written into its own plain header object. The hot
 * public path answers this way: Node's server writes a plain object as it is, whereas setting
 * headers on a response after it is built turns them into a Headers instance first, which was
 * about a tenth of a cached page's cost on Node (README, "Measured").
 */
export function securedResponse(path: string, body: BodyInit | null, init: ResponseInit & { headers: Record<string, string> }): Response {
  Object.assign(init.headers, securityHeadersFor(path));
  init.headers['cache-control'] ??= notStored['cache-control'];
  return presecuredResponse(body, init);
}

/**
 * A response whose header object already holds the security headers and its caching (a
 * header block built once and shared, src/http/sendRendered.ts): nothing is added to it.
 */
export function presecuredResponse(body: BodyInit | null, init: ResponseInit & { headers: Record<string, string> }): Response {
  const response = new Response(body, init);
  alreadySecured.add(response);
  return response;
}

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  if (alreadySecured.has(c.res)) return;
  const headers = c.res.headers;
  for (const [name, value] of Object.entries(securityHeadersFor(c.req.path))) headers.set(name, value);
  if (!headers.has('cache-control')) headers.set('cache-control', notStored['cache-control']);
});
