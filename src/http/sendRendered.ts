// Answers a request from a cached render: 304 when the client already has it, the
// pre-compressed bytes when it takes gzip, the plain bytes otherwise. No rendering here,
// and little else: this runs for every request on election night.
import type { Context } from 'hono';
import type { Caching } from './caching';
import { acceptsGzip, clientHasVersion } from './negotiate';
import type { Rendered } from './rendered';
import { presecuredResponse, securityHeadersFor } from './securityHeaders';

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

/** The three answers a render can give, each with its whole header block. */
interface HeaderBlocks {
  plain: Record<string, string>;
  gzipped: Record<string, string>;
  notModified: Record<string, string>;
}

/**
 * Header blocks built once per render, caching, type and kind of path, then shared by every
 * answer: building ~15 headers per request was a visible part of a cached page's cost. Kept
 * beside the render (a WeakMap), so they go when it does; found by identity (caching and
 * security headers are module constants), among the one or two a render is sent with.
 * Nothing writes into a response's header object once it is built on this path.
 */
interface Prepared {
  caching: Caching;
  contentType: string;
  security: Readonly<Record<string, string>>;
  blocks: HeaderBlocks;
}
const preparedFor = new WeakMap<Rendered, Prepared[]>();

function headerBlocks(rendered: Rendered, caching: Caching, contentType: string, path: string): HeaderBlocks {
  const security = securityHeadersFor(path);
  let prepared = preparedFor.get(rendered);
  if (!prepared) preparedFor.set(rendered, (prepared = []));
  const found = prepared.find((p) => p.caching === caching && p.contentType === contentType && p.security === security);
  if (found) return found.blocks;
  // A cache must keep the gzipped and plain answers apart (and more, if `caching` says so).
  const common = { etag: rendered.etag, vary: 'accept-encoding', ...caching, ...security };
  const blocks = {
    plain: { ...common, 'content-type': contentType, 'content-length': String(rendered.body.byteLength) },
    gzipped: { ...common, 'content-type': contentType, 'content-length': String(rendered.gzipped.byteLength), 'content-encoding': 'gzip' },
    notModified: common,
  };
  prepared.push({ caching, contentType, security, blocks });
  return blocks;
}

export function sendRendered(
  c: Context,
  rendered: Rendered,
  caching: Caching,
  contentType = 'text/html; charset=utf-8',
  /** Any further headers of the 200 answer (a download's Content-Disposition). */
  extra?: Record<string, string>,
): Response {
  const request = c.req.raw;
  const asked = { ifNoneMatch: request.headers.get('if-none-match'), acceptEncoding: clientAcceptEncoding(request) };
  const { body, init } = renderedAnswer(asked, c.req.path, rendered, caching, contentType, extra);
  return presecuredResponse(body, init);
}

/** The two request headers a render's answer depends on (the client's own Accept-Encoding). */
export interface Asked {
  ifNoneMatch: string | null | undefined;
  acceptEncoding: string | null | undefined;
}

/** A response's parts, for the caller to build it the way it sends. */
export interface Answer {
  body: Uint8Array<ArrayBuffer> | null;
  init: ResponseInit & { headers: Record<string, string> };
}

/** The same without a Context: synchronous, for answers kept ready (src/published/readyAnswers.ts). */
export function renderedAnswer(
  asked: Asked,
  path: string,
  rendered: Rendered,
  caching: Caching,
  contentType: string,
  extra?: Record<string, string>,
): Answer {
  const blocks = headerBlocks(rendered, caching, contentType, path);
  if (clientHasVersion(asked.ifNoneMatch, rendered.etag)) return { body: null, init: { status: 304, headers: blocks.notModified } };
  const gzipped = acceptsGzip(asked.acceptEncoding);
  const headers = extra ? { ...(gzipped ? blocks.gzipped : blocks.plain), ...extra } : gzipped ? blocks.gzipped : blocks.plain;
  // On Workers, "manual" sends the bytes as they are instead of compressing them again.
  const init = { status: 200, headers, encodeBody: 'manual' } as Answer['init'];
  return { body: gzipped ? rendered.gzipped : rendered.body, init };
}
