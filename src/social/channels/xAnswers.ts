// What X's answers mean, shared by both X adapters (twitter-api-v2 on Node, fetch on Workers).
import type { Delivery } from '../channel';
import { epochSeconds, httpFailure, type AdapterOptions } from './http';

export function tweetUrl(id: string): string {
  return `https://x.com/i/web/status/${id}`;
}

interface XProblem {
  detail?: string;
  title?: string;
  errors?: { message?: string }[];
}

function problemText(body: unknown): string {
  const p = (body ?? {}) as XProblem;
  return p.detail ?? p.errors?.[0]?.message ?? p.title ?? '';
}

/**
 * X refuses a text it has just seen from the account with 403 "duplicate content": the
 * post is already there (an earlier attempt went through), so it counts as posted.
 */
export function isDuplicateContent(status: number, body: unknown): boolean {
  return status === 403 && /duplicate/i.test(problemText(body));
}

export function xFailure(status: number, body: unknown, resetHeader: string | null | undefined, options: AdapterOptions): Delivery {
  if (isDuplicateContent(status, body)) {
    return { outcome: 'posted', remote: null, note: 'X says this exact text is already on the account (duplicate content): not posted again.' };
  }
  return httpFailure('X', status, problemText(body), status === 429 ? epochSeconds(resetHeader) : null, options);
}
