// Cross-origin reading of the open data: a newsroom's page (or a reader's script) on any
// origin may fetch the public JSON, feeds and exports, and read their validators to poll
// them cheaply. Only those: officer, admin, sign-in and write routes never carry these
// headers, so no other site's script can read or drive them through a browser.
import type { Context } from 'hono';
import { pageCaching, type Caching } from './caching';

/** The headers every open-data answer carries, 200 and 304 alike. */
export const openDataCors: Readonly<Record<string, string>> = Object.freeze({
  'access-control-allow-origin': '*',
  // Without this a script on another origin cannot see the ETag it needs for If-None-Match.
  'access-control-expose-headers': 'ETag, Last-Modified',
});

/**
 * The open data's caching and CORS headers as one frozen object, built once: sendRendered
 * copies it into every answer, 304s included, at no more cost than the caching alone.
 */
export const openDataCaching: Caching = Object.freeze({ ...pageCaching, ...openDataCors });

/** The preflight answer: what a cross-origin GET may send (the validators to poll with). */
export const openDataPreflight: Readonly<Record<string, string>> = Object.freeze({
  ...openDataCors,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since, Accept, Cache-Control',
  // Browsers cap this (Chromium at 2 hours); a day costs nothing since it never changes.
  'access-control-max-age': '86400',
});

/** An open-data error (404, 400) a script on another origin may read too. */
export function openDataError(c: Context, status: 400 | 404, error: string, message: string) {
  return c.json({ error, message }, status, { ...openDataCors });
}
