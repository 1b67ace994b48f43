// Security headers on every response, public or not. The policy allows nothing inline and
// nothing from another origin: our pages carry no inline script or style, and htmx is
// served from our own origin with its inline indicator style and eval switched off.
import { createMiddleware } from 'hono/factory';

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

/** Paths meant to be framed by newsrooms' live blogs. */
const embeddable = (path: string) => path.startsWith('/embed/');

/** The headers for a response to `path`; also written into Workers' static assets `_headers`. */
export function securityHeadersFor(path: string): Record<string, string> {
  const embed = embeddable(path);
  return {
    'Content-Security-Policy': policy(embed ? '*' : "'none'"),
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(embed ? {} : { 'X-Frame-Options': 'DENY', 'Cross-Origin-Opener-Policy': 'same-origin' }),
  };
}

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(securityHeadersFor(c.req.path))) c.res.headers.set(name, value);
});
