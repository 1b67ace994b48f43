// A page or fragment rendered once and kept ready to send: its bytes, the same bytes
// gzipped, and a validator. Everything per request (304, choosing the encoding) then
// costs no rendering, hashing or compressing.
import { gzip } from './gzip';

export interface Rendered {
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  /** A weak validator (W/"…"): the gzipped and plain bytes are the same content. */
  etag: string;
}

const encoder = new TextEncoder();

/** A short hash of the text, for validators: changes whenever the text does. */
export async function contentHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const weakEtag = (hash: string) => `W/"${hash}"`;

/** Prepares HTML to be served many times; `hash` defaults to a hash of the HTML itself. */
export async function prepare(html: string, hash?: string): Promise<Rendered> {
  // TextEncoder always returns a fresh ArrayBuffer (never a shared one); workerd's types are wider.
  const body = encoder.encode(html) as Uint8Array<ArrayBuffer>;
  const [gzipped, etag] = await Promise.all([gzip(body), hash ?? contentHash(html)]);
  return { body, gzipped, etag: weakEtag(etag) };
}
