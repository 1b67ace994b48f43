// "Nothing here", in the language of whoever asked: an HTML page for people (browsers
// ask for text/html), the API's JSON error for everything else and anything under /api/.
import type { Context } from 'hono';
import { NotFoundPage } from '../../views/public/NotFoundPage';
import type { Caching } from './caching';
import { wantsHtml } from './wantsHtml';

/**
 * The HTML 404 page, whatever the request accepts. The public pages pass their `caching`
 * for an unknown id; elsewhere (an officer's page, a mistyped address) it is not stored.
 */
export function notFoundPage(c: Context, message = 'There is no page at this address. It may have been mistyped.', caching: Caching = {}) {
  for (const [name, value] of Object.entries(caching)) c.header(name, value);
  return c.html(<NotFoundPage message={message} framed={c.req.path.startsWith('/embed/')} />, 404);
}

/** The app's answer to any path no route takes. */
export function notFound(c: Context) {
  if (wantsHtml(c)) return notFoundPage(c);
  return c.json({ error: 'not_found', message: 'Nothing here.' }, 404);
}
