// Answers browsers' CORS preflight (OPTIONS) for the open data: the public JSON, feeds and
// exports under /api/v1/elections/ and the OpenAPI document. A script that sends
// If-None-Match to poll cheaply triggers one. The write API (/api/v1/contests/..., and the
// updates from the count under /api/v1/elections/{id}/updates, whose preflight allows reading
// only) and every page for officers and admins get no CORS header, so browsers keep other
// sites out of them.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { openDataPreflight } from '../http/cors';

const preflight = () => new Response(null, { status: 204, headers: { ...openDataPreflight, 'cache-control': 'public, max-age=86400' } });

export const openDataPreflightRoutes = new Hono<AppEnv>()
  .options('/api/v1/elections/*', preflight)
  .options('/api/v1/openapi.json', preflight);
