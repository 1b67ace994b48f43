// Reading the two request headers a cached render depends on. Small parsers, because the
// cache answers most requests from these alone.

/** Whether the client already holds this version (If-None-Match, compared weakly). */
export function clientHasVersion(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // What a browser or htmx sends back: the very validator it was given.
  if (ifNoneMatch === etag) return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Answers for the Accept-Encoding values seen: browsers send a handful of distinct ones, so
 * each is parsed once. Bounded, since any client may send any text.
 */
const gzipByHeader = new Map<string, boolean>();
const maxRememberedHeaders = 64;

/** Whether the client takes gzip: named (or "*") in Accept-Encoding without q=0. */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  if (!acceptEncoding) return false;
  let known = gzipByHeader.get(acceptEncoding);
  if (known === undefined) {
    known = parseAcceptsGzip(acceptEncoding);
    if (gzipByHeader.size >= maxRememberedHeaders) gzipByHeader.clear();
    gzipByHeader.set(acceptEncoding, known);
  }
  return known;
}

function parseAcceptsGzip(acceptEncoding: string): boolean {
  let gzip: boolean | null = null;
  let any = false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = allowed;
    else if (coding === '*') any = allowed;
  }
  return gzip ?? any;
}
