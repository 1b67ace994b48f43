// As src/nodeServer.ts answers a GET: from an answer kept ready if there is one (Node writes
// its parts to the socket; here they become a Response, to compare with the app's), else
// from the app. `fromMemory` says which answered.
import type { PublishedPages } from '../../src/published/publishedPages';

interface App {
  request(request: Request): Response | Promise<Response>;
}

export function readyOrApp(published: PublishedPages, app: App) {
  return async (path: string, headers: Record<string, string> = {}) => {
    // Node's parsed headers have lower-case names, as these do.
    const ready = published.readyAnswer('GET', path, headers);
    if (ready) return { fromMemory: true, res: new Response(ready.body, ready.init) };
    return { fromMemory: false, res: await app.request(new Request(`http://localhost${path}`, { headers })) };
  };
}
