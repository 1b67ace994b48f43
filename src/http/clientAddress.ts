// Where a request comes from, for the sign-in throttle and nothing that needs proof.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * On Node, the socket's remote address: a header there would be the client's own word, so
 * a guesser could claim a new address with every guess. On Workers there is no socket, and
 * Cloudflare sets CF-Connecting-IP itself (replacing any the client sent). Behind a proxy on
 * Node every request comes from the proxy's address: the throttle still works per account,
 * with the known-device exemption (see src/auth/signInThrottle.ts).
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: unknown } | undefined;
  if (env?.incoming) return getConnInfo(c).remote.address ?? 'unknown';
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}
