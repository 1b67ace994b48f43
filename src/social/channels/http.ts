// What an HTTP answer or failure means for a post, shared by the adapters. The one rule
// that matters for exactly-once: unless the platform clearly answered "no", the post may
// have gone through, and the next attempt must check before it sends.
import type { Delivery } from '../channel';

export interface AdapterOptions {
  /** Abort a request that has had no answer after this long (then it may have been posted). */
  requestTimeoutMs: number;
  /** Wait this long after a rate limit that did not say when it resets. */
  rateLimitFallbackMs: number;
  now: () => number;
}

// Errors raised before a single byte left: the request cannot have reached the platform.
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL', 'ERR_INVALID_PROTOCOL']);

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'TimeoutError' || name === 'AbortError' || /timeout/i.test(String((error as Error)?.message));
}

/** A request that failed without an HTTP answer (timeout, reset, refused). */
export function networkFailure(platform: string, error: unknown): Delivery {
  const code = errorCode(error);
  if (code && neverSentCodes.has(code)) {
    return { outcome: 'retry', error: `Could not reach ${platform} (${code}).`, maybeSent: false };
  }
  if (isTimeout(error)) {
    return { outcome: 'retry', error: `${platform} did not answer in time; it may have been posted, so the next attempt checks first.`, maybeSent: true };
  }
  return {
    outcome: 'retry',
    error: `The connection to ${platform} failed${code ? ` (${code})` : ''}; it may have been posted, so the next attempt checks first.`,
    maybeSent: true,
  };
}

/** An HTTP error answer, other than a platform's own special cases. */
export function httpFailure(platform: string, status: number, detail: string, retryAt: number | null, options: AdapterOptions): Delivery {
  const said = detail ? `: ${detail.slice(0, 300)}` : '';
  if (status === 429) {
    return { outcome: 'retry', error: `${platform} rate limit (429)${said}`, maybeSent: false, rateLimited: true, retryAt: retryAt ?? options.now() + options.rateLimitFallbackMs };
  }
  // 5xx and 408: the platform may have created the post before failing to answer.
  if (status >= 500 || status === 408) return { outcome: 'retry', error: `${platform} answered ${status}${said}`, maybeSent: true };
  return { outcome: 'refused', error: `${platform} refused the post (${status})${said}` };
}

/** Retry-After: seconds, or an HTTP date. Returns epoch ms, or null. */
export function retryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return nowMs + seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : date;
}

/** A reset given in epoch seconds (X, Bluesky). */
export function epochSeconds(header: string | null | undefined): number | null {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** fetch with a timeout: the request is aborted if no answer comes in time. */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => base(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}

/** The text of an answer, without failing on a broken body. */
export async function bodyText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}
