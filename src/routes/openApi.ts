// GET /api/v1/openapi.json: the API's description, generated from the code's own zod
// schemas (src/openapi/openApiDocument.ts). It changes only with a deploy, so it is built
// once, at the first request (not at start-up: Workers forbid that work at module scope).
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { openDataCors } from '../http/cors';
import { prepare, type Rendered } from '../http/rendered';
import { sendRendered } from '../http/sendRendered';
import { openApiDocument } from '../openapi/openApiDocument';

const headers = Object.freeze({ 'cache-control': 'public, max-age=300, stale-while-revalidate=86400', ...openDataCors });

let document: Promise<Rendered> | undefined;

export const openApiRoutes = new Hono<AppEnv>().get('/api/v1/openapi.json', async (c) => {
  document ??= prepare(JSON.stringify(openApiDocument(), null, 2));
  return sendRendered(c, await document, headers, 'application/json; charset=utf-8');
});
