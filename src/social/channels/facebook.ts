// The Facebook Page channel: Graph API POST /{page-id}/feed with a Page access token.
// Facebook has no idempotency key, so when an earlier attempt may have gone through, the
// adapter first reads the Page's recent posts and looks for this exact message: found, it
// is posted (under that id); not found, it is safe to send. A correction is a new Page
// post rather than a comment: people who saw the result in their feed see the correction
// there too, where a comment would be hidden under the original.
import type { Channel, Delivery, OutgoingPost } from '../channel';
import { wordingRules } from '../wording/rules';
import { bodyText, fetchWithTimeout, httpFailure, networkFailure, retryAfter, type AdapterOptions } from './http';

export interface FacebookConfig {
  pageId: string;
  pageToken: string;
  graphUrl: string;
}

interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  is_transient?: boolean;
}

// Graph's throttling codes: app (4), user (17), page (32), custom (613), and the Pages
// business-use-case limits (80001 and neighbours).
const throttleCodes = new Set([4, 17, 32, 613, 80001, 80005, 80006]);
const duplicateCode = 506;

function graphError(text: string): GraphError {
  try {
    return (JSON.parse(text) as { error?: GraphError }).error ?? {};
  } catch {
    return {};
  }
}

/**
 * When the Page may post again: the longest wait of Retry-After and the business-use-case
 * header's estimated_time_to_regain_access (minutes).
 */
function throttledUntil(headers: Headers, nowMs: number): number | null {
  const waits: number[] = [];
  const after = retryAfter(headers.get('retry-after'), nowMs);
  if (after !== null) waits.push(after);
  for (const name of ['x-business-use-case-usage', 'x-page-usage', 'x-app-usage']) {
    const raw = headers.get(name);
    if (!raw) continue;
    try {
      const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]> | { estimated_time_to_regain_access?: number };
      const entries = Object.values(usage).flat() as { estimated_time_to_regain_access?: number }[];
      const minutes = Math.max(0, ...entries.map((e) => Number(e?.estimated_time_to_regain_access) || 0), Number((usage as { estimated_time_to_regain_access?: number }).estimated_time_to_regain_access) || 0);
      if (minutes > 0) waits.push(nowMs + minutes * 60_000);
    } catch {
      // A malformed usage header tells us nothing.
    }
  }
  return waits.length ? Math.max(...waits) : null;
}

function stillUncertain(delivery: Delivery): Delivery {
  return delivery.outcome === 'retry' ? { ...delivery, maybeSent: true } : delivery;
}

export function pagePostUrl(id: string): string {
  const [page, post] = id.split('_');
  return post ? `https://www.facebook.com/${page}/posts/${post}` : `https://www.facebook.com/${id}`;
}

export function facebookChannel(config: FacebookConfig, options: AdapterOptions): Channel {
  const request = fetchWithTimeout(options.requestTimeoutMs);
  const base = config.graphUrl.replace(/\/+$/, '');

  /** The Page's post with exactly this message since `since`, if Facebook shows one. */
  async function findOnPage(post: OutgoingPost, since: string): Promise<{ found: string | null } | { failed: Delivery }> {
    const query = new URLSearchParams({
      fields: 'id,message,created_time',
      since: String(Math.floor(Date.parse(since) / 1000) - 60),
      limit: '100',
      access_token: config.pageToken,
    });
    let response: Response;
    try {
      response = await request(`${base}/${encodeURIComponent(config.pageId)}/feed?${query}`);
    } catch (error) {
      // The look failed, not the post: the row stays "may have been sent" for the next try.
      return { failed: stillUncertain(networkFailure('Facebook', error)) };
    }
    const text = await bodyText(response);
    if (!response.ok) return { failed: answerToDelivery(response, text, true) };
    try {
      const data = (JSON.parse(text) as { data?: { id: string; message?: string }[] }).data ?? [];
      return { found: data.find((p) => p.message === post.text)?.id ?? null };
    } catch {
      return { failed: { outcome: 'retry', error: 'Facebook sent an unreadable list of Page posts.', maybeSent: true } };
    }
  }

  function answerToDelivery(response: Response, text: string, maybeSent: boolean): Delivery {
    const error = graphError(text);
    const detail = error.message ?? text;
    if (error.code !== undefined && throttleCodes.has(error.code)) {
      return {
        outcome: 'retry',
        error: `Facebook rate limit (#${error.code}): ${detail}`.slice(0, 300),
        maybeSent,
        rateLimited: true,
        retryAt: throttledUntil(response.headers, options.now()) ?? options.now() + options.rateLimitFallbackMs,
      };
    }
    if (error.is_transient || error.code === 1 || error.code === 2) {
      return { outcome: 'retry', error: `Facebook had a temporary problem (#${error.code}): ${detail}`.slice(0, 300), maybeSent: true };
    }
    const failure = httpFailure('Facebook', response.status, detail, retryAfter(response.headers.get('retry-after'), options.now()), options);
    return maybeSent ? stillUncertain(failure) : failure;
  }

  return {
    name: 'facebook',
    rules: wordingRules.facebook,
    async send(post) {
      if (post.maybeSentSince) {
        const check = await findOnPage(post, post.maybeSentSince);
        if ('failed' in check) return check.failed;
        if (check.found) {
          return { outcome: 'posted', remote: { id: check.found, url: pagePostUrl(check.found) }, note: 'Found on the Page after an attempt that may have gone through: not posted again.' };
        }
      }
      let response: Response;
      try {
        response = await request(`${base}/${encodeURIComponent(config.pageId)}/feed`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ message: post.text, link: post.link, access_token: config.pageToken }),
        });
      } catch (error) {
        return networkFailure('Facebook', error);
      }
      const text = await bodyText(response);
      if (response.ok) {
        try {
          const id = (JSON.parse(text) as { id?: unknown }).id;
          if (typeof id === 'string') return { outcome: 'posted', remote: { id, url: pagePostUrl(id) } };
        } catch {
          // fall through: accepted, but we cannot tell under which id
        }
        return { outcome: 'retry', error: 'Facebook accepted the post but its answer was unreadable; the next attempt looks for it on the Page.', maybeSent: true };
      }
      if (graphError(text).code === duplicateCode) {
        return { outcome: 'posted', remote: null, note: 'Facebook says this exact message is already on the Page: not posted again.' };
      }
      return answerToDelivery(response, text, false);
    },
  };
}
