// A request refused before any route reads it, answered in the language of whoever asked:
// a plain page for people, the API's JSON error ({error, message}) for programs.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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

export function refuse(c: Context<AppEnv>, { status, error, title, message, headers = {} }: Refusal): Response | Promise<Response> {
  const { Refused } = c.var.pages;
  if (wantsHtml(c)) return c.html(<Refused title={title} message={message} />, status, headers);
  return c.json({ error, message: `${message} Nothing was saved or published.` }, status, headers);
}
