// The officer pages' service worker: network first, and the last good copy when there is no
// network, so a reload at a count with no signal still shows the form and what is saved on
// the phone. Only GETs of our own officer pages and static files; never a POST. Asked by a
// page once signed in, it also keeps every ward's form, so an officer who never opened a ward
// while online can still open it (and /officer, the page they bookmark) with no signal.

// The few service-worker types used here, declared locally: the project's DOM typings and
// the webworker lib cannot be loaded together.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: { postMessage(message: unknown): void } | null;
}
const worker = self as unknown as {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
};

const cacheName = 'declare-officer-v1';

worker.addEventListener('install', () => void worker.skipWaiting());
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (!url.pathname.startsWith('/officer') && !url.pathname.startsWith('/static/')) return;
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        if (response.ok && !response.redirected) await (await caches.open(cacheName)).put(request, response.clone());
        return response;
      } catch (error) {
        const cached = await caches.match(request);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});

// ---- keeping every ward for no signal ---------------------------------------------------

/** The officer's pages are few (one per ward): this bounds a crawl of a strange page. */
const mostPages = 500;
const staticFiles = ['/static/app.css', '/static/htmx.min.js', '/static/officer.js'];

/** Our officer pages linked from `html` (their paths, as written in href attributes). */
function officerLinks(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/href="(\/officer\/(?:elections|contests)\/[^"/?#]+)"/g)) found.add(match[1]!.replace(/&amp;/g, '&'));
  return [...found];
}

/**
 * Fetches and keeps a page. A redirect (/officer leads to the only election) is kept as the
 * page it led to, under the address asked for: a browser refuses a redirected response as
 * the answer to a navigation.
 */
async function keep(cache: Cache, path: string): Promise<string | null> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok || new URL(response.url).pathname === '/login') return null;
  const body = await response.text();
  await cache.put(path, new Response(body, { status: 200, headers: { 'content-type': response.headers.get('content-type') ?? 'text/html; charset=utf-8' } }));
  return body;
}

async function keepEveryWard(): Promise<number> {
  const cache = await caches.open(cacheName);
  await Promise.all(staticFiles.map((path) => keep(cache, path).catch(() => null)));
  const home = await keep(cache, '/officer');
  if (home === null) return 0;
  const queue = officerLinks(home);
  const seen = new Set(queue);
  let wards = 0;
  for (let i = 0; i < queue.length && i < mostPages; i++) {
    const html = await keep(cache, queue[i]!).catch(() => null);
    if (queue[i]!.startsWith('/officer/contests/')) wards += html === null ? 0 : 1;
    for (const link of html === null ? [] : officerLinks(html)) {
      if (!seen.has(link)) (seen.add(link), queue.push(link));
    }
  }
  return wards;
}

// When the last crawl was, kept in the cache itself: a browser stops an idle service worker
// after about 30 s, and a time held in memory would let every page load crawl again. Its
// address is outside /officer and /static, so the fetch handler never serves it.
const keptAtKey = '/.declare-officer-kept-at';
const keepAtMostEveryMs = 5 * 60_000;

async function keptRecently(cache: Cache): Promise<boolean> {
  const at = Number(await (await cache.match(keptAtKey))?.text());
  return Number.isFinite(at) && Date.now() - at < keepAtMostEveryMs;
}

worker.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type !== 'keep-for-offline') return;
  event.waitUntil(
    (async () => {
      // Every page load asks; a crawl every few minutes keeps statuses fresh enough.
      const cache = await caches.open(cacheName);
      if (await keptRecently(cache)) return event.source?.postMessage({ type: 'kept', wards: null });
      await cache.put(keptAtKey, new Response(String(Date.now())));
      const wards = await keepEveryWard().catch(() => 0);
      // Nothing kept (signed out, no signal): the next page load tries again.
      if (wards === 0) await cache.delete(keptAtKey);
      event.source?.postMessage({ type: 'kept', wards });
    })(),
  );
});
