// 404 for an address no route serves and 405 (with Allow) for one asked with a method it
// does not take, whatever the method: answered before the CSRF check, which would
// otherwise refuse a PUT or DELETE anywhere with a 403 that explains nothing.
import type { Context, MiddlewareHandler } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { refuse } from './refuse';

interface Route {
  method: string;
  path: string;
}

const methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * `routes` is read at the first request, once every route is mounted (the app's own
 * `app.routes`). Middleware (`app.use`, method "ALL") serves no address, so it is left out.
 */
export function knownRoutes(routes: () => readonly Route[], notFound: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  let methodsAt: TrieRouter<string> | undefined;
  const build = () => {
    const router = new TrieRouter<string>();
    for (const route of routes()) if (route.method !== 'ALL') router.add('ALL', route.path, route.method);
    return router;
  };
  return async (c, next) => {
    methodsAt ??= build();
    const allowed = new Set(methodsAt.match(c.req.method, c.req.path)[0].map(([method]) => method));
    // The open data's CORS preflight answers OPTIONS under a whole prefix: an address only it
    // matches is still one no page serves.
    if (allowed.size === 0 || (allowed.size === 1 && allowed.has('OPTIONS') && c.req.method !== 'OPTIONS')) return notFound(c);
    // Hono answers HEAD with the GET route.
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(c.req.method)) return next();
    const allow = methodOrder.filter((m) => allowed.has(m)).join(', ');
    return refuse(c, {
      status: 405,
      error: 'method_not_allowed',
      title: 'Not available this way',
      message: `This address does not take ${c.req.method} requests: it takes ${allow}.`,
      headers: { allow },
    });
  };
}
