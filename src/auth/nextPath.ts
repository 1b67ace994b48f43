// Where a sign-in lands: the `next` of a sign-in link. A crafted link must neither send an
// officer to another site after they typed their password, nor break the sign-in.

/** Where a sign-in goes when `next` is missing or not acceptable. */
export const defaultNext = '/officer';

// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" and
// "/\\evil.example" are read as "//evil.example", another site; a newline or NUL in a
// Location header makes the runtime throw after the session is made. None of them belongs in
// a path we link to, so any of them means "not ours".
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\\]/;
// Longer than any page of ours; a megabyte-long redirect helps no one.
const maxLength = 2000;

/**
 * `next` if it is a plain path on this site, as the URL parser reads it; otherwise the
 * default page. The answer is the parser's own serialisation (ASCII, percent-encoded), so
 * it is always a valid Location header and a same-site path.
 */
export function safeNextPath(next: string | undefined, ourOrigin: string): string {
  if (!next || next.length > maxLength || !next.startsWith('/') || next.startsWith('//') || unsafeCharacters.test(next)) {
    return defaultNext;
  }
  let url: URL;
  try {
    url = new URL(next, ourOrigin);
  } catch {
    return defaultNext;
  }
  if (url.origin !== new URL(ourOrigin).origin) return defaultNext;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? defaultNext : path;
}
