// Serves the static files from memory, with ETags so a phone revalidates for free.
// On Workers the same files are served by Workers static assets (see README, Deploying).
import { Hono } from 'hono';
import type { Asset } from '../assets/asset';
import type { AppEnv } from '../env';

export function assetRoutes(assets: Map<string, Asset>) {
  const routes = new Hono<AppEnv>();
  for (const [path, asset] of assets) {
    routes.get(path, (c) => {
      const headers: Record<string, string> = {
        'content-type': asset.type,
        etag: asset.etag,
        // Short, so a deploy reaches phones within minutes; revalidation is a cheap 304.
        'cache-control': 'public, max-age=300, stale-while-revalidate=86400',
      };
      // The service worker lives at the root so it may control /officer pages.
      if (path === '/officer-sw.js') headers['cache-control'] = 'no-cache';
      if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
      return c.body(asset.body, 200, headers);
    });
  }
  return routes;
}
