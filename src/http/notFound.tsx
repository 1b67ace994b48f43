// "Nothing here", in the language of whoever asked: an HTML page for people (browsers
// ask for text/html), the API's JSON error for everything else and anything under /api/.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { Caching } from './caching';
import { wantsHtml } from './wantsHtml';

/**
 * The HTML 404 page, whatever the request accepts. The public pages pass their `caching`
 * for an unknown id; elsewhere (an officer's page, a mistyped address) it is not stored.
 */
export function notFoundPage(c: Context<AppEnv>, message = 'There is no page at this address. It may have been mistyped.', caching: Caching = {}) {
  for (const [name, value] of Object.entries(caching)) c.header(name, value);
  const { NotFound } = c.var.pages;
  return c.html(<NotFound message={message} framed={c.req.path.startsWith('/embed/')} />, 404);
}

/** The app's answer to any path no route takes. */
export function notFound(c: Context<AppEnv>) {
  if (wantsHtml(c)) return notFoundPage(c);
  return c.json({ error: 'not_found', message: 'Nothing here.' }, 404);
}
