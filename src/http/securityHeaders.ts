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

export const securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const embed = embeddable(c.req.path);
  const h = c.res.headers;
  h.set('Content-Security-Policy', policy(embed ? '*' : "'none'"));
  h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (!embed) {
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
  }
});
