// Serves the static files from memory: 304 to a phone that has them, gzipped bytes to one
// that takes gzip. On Workers the same files are served by Workers static assets (see
// README, Deploying).
import { Hono } from 'hono';
import { embedHostScript, type Asset } from '../assets/asset';
import { openDataCors } from '../http/cors';
import type { AppEnv } from '../env';
import { sendRendered } from '../http/sendRendered';

// Short, so a deploy reaches phones within minutes; revalidation is a cheap 304.
const cached = { 'cache-control': 'public, max-age=300, stale-while-revalidate=86400' };
const alwaysRevalidated = { 'cache-control': 'no-cache' };
const readableAnywhere = { ...cached, ...openDataCors };

export function assetRoutes(assets: Map<string, Asset>) {
  const routes = new Hono<AppEnv>();
  for (const [path, asset] of assets) {
    // The service worker lives at the root so it may control /officer pages, and must
    // always be revalidated so a fix reaches every phone.
    const caching = path === '/officer-sw.js' ? alwaysRevalidated : path === embedHostScript ? readableAnywhere : cached;
    routes.get(path, (c) => sendRendered(c, asset, caching, asset.type));
  }
  return routes;
}
