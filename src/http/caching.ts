// How long the public answers may be kept, and by whom. One place, because the pages, the
// widget, the JSON and the feeds must agree, and because Cloudflare reads them differently
// from other caches.

/** Response headers that say how an answer may be cached. */
export type Caching = Readonly<Record<string, string>>;

/**
 * Shared answers that change on election night: kept `seconds` by browsers and any CDN
 * (`s-maxage`), then served stale for up to `staleSeconds` while a fresh one is fetched.
 * Cloudflare's edge gets the same lifetime without `s-maxage` in its own header (which wins
 * there and is not passed on): at Cloudflare `s-maxage` switches off stale-while-revalidate
 * and serving the last good answer when the Worker fails.
 */
export function shortLived(seconds: number, staleSeconds: number): Caching {
  return Object.freeze({
    'cache-control': `public, max-age=${seconds}, s-maxage=${seconds}, stale-while-revalidate=${staleSeconds}`,
    'cloudflare-cdn-cache-control': `public, max-age=${seconds}, stale-while-revalidate=${staleSeconds}`,
  });
}

/** Results pages, the widget, the public JSON and the feeds. */
export const pageCaching = shortLived(5, 30);

/** The live sections htmx polls every few seconds. */
export const fragmentCaching = shortLived(2, 10);

/** A public page's unknown id: cheap to answer again, and it may exist a minute later. */
export const unknownIdCaching: Caching = Object.freeze({ 'cache-control': 'public, max-age=10' });

/** Answers for one browser only (the default for anything that does not say). */
export const notStored = Object.freeze({ 'cache-control': 'no-store' }) satisfies Caching;

/**
 * An answer that depends on the address it was asked at (a feed's links, when no public
 * address is configured): for this client only, and said to vary by Host, so no cache
 * hands one address's links to a client of another.
 */
export const perAddress: Caching = Object.freeze({ 'cache-control': 'no-store', vary: 'accept-encoding, host' });

/** `/`, which leads to the current election: that changes once a year, not once a minute. */
export const currentElectionCaching: Caching = Object.freeze({ 'cache-control': 'public, max-age=60, s-maxage=60' });
