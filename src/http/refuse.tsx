// A request refused before any route reads it, answered in the language of whoever asked:
// a plain page for people, the API's JSON error ({error, message}) for programs.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RefusedPage } from '../../views/RefusedPage';
import { wantsHtml } from './wantsHtml';

export interface Refusal {
  status: ContentfulStatusCode;
  /** The API's error code: "too_large", "method_not_allowed"... */
  error: string;
  /** The page's heading. */
  title: string;
  message: string;
  headers?: Record<string, string>;
}

export function refuse(c: Context, { status, error, title, message, headers = {} }: Refusal): Response | Promise<Response> {
  if (wantsHtml(c)) return c.html(<RefusedPage title={title} message={message} />, status, headers);
  return c.json({ error, message: `${message} Nothing was saved or published.` }, status, headers);
}
