// Answers a request from a cached render: 304 when the client already has it, the
// pre-compressed bytes when it takes gzip, the plain bytes otherwise. No rendering here,
// and little else: this runs for every request on election night.
import type { Context } from 'hono';
import type { Caching } from './caching';
import { acceptsGzip, clientHasVersion } from './negotiate';
import type { Rendered } from './rendered';
import { securedResponse } from './securityHeaders';

/**
 * What the client itself said it takes. On Workers the request's own Accept-Encoding is
 * Cloudflare's ("br, gzip" whatever the client sent), and the client's is kept in
 * `cf.clientAcceptEncoding`: reading the header there sent gzip to `curl -o`, which then
 * saved compressed bytes as results.csv. Node has only the header, which is the client's.
 */
function clientAcceptEncoding(request: Request): string | null {
  const cf = (request as Request & { cf?: { clientAcceptEncoding?: unknown } }).cf;
  return typeof cf?.clientAcceptEncoding === 'string' ? cf.clientAcceptEncoding : request.headers.get('accept-encoding');
}

export function sendRendered(
  c: Context,
  rendered: Rendered,
  caching: Caching,
  contentType = 'text/html; charset=utf-8',
  /** Any further headers of the 200 answer (a download's Content-Disposition). */
  extra: Record<string, string> = {},
): Response {
  const request = c.req.raw;
  // A plain object, not a Headers instance: cheaper to build, and Node's server writes it as is.
  const headers: Record<string, string> = {
    etag: rendered.etag,
    // A cache must keep the gzipped and plain answers apart (and more, if `caching` says so).
    vary: 'accept-encoding',
    ...caching,
  };
  if (clientHasVersion(request.headers.get('if-none-match'), rendered.etag)) {
    return securedResponse(c.req.path, null, { status: 304, headers });
  }
  const gzipped = acceptsGzip(clientAcceptEncoding(request));
  const body = gzipped ? rendered.gzipped : rendered.body;
  Object.assign(headers, extra);
  headers['content-type'] = contentType;
  headers['content-length'] = String(body.byteLength);
  if (gzipped) headers['content-encoding'] = 'gzip';
  // On Workers, "manual" sends the bytes as they are instead of compressing them again.
  return securedResponse(c.req.path, body, { status: 200, headers, encodeBody: 'manual' } as ResponseInit & { headers: Record<string, string> });
}
