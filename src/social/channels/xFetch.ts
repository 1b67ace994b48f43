// The X channel for Workers: POST /2/tweets with fetch and our own OAuth 1.0a signature
// (oauth1.ts). Same requests, same answers as the twitter-api-v2 adapter used on Node.
import type { Channel } from '../channel';
import { wordingRules } from '../wording/rules';
import { bodyText, fetchWithTimeout, networkFailure, type AdapterOptions } from './http';
import { oauth1Header } from './oauth1';
import { tweetUrl, xFailure } from './xAnswers';

export interface XConfig {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
  apiUrl: string;
}

export function tweetBody(text: string, replyTo: string | null) {
  return { text, ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo } } : {}) };
}

export function xFetchChannel(config: XConfig, options: AdapterOptions): Channel {
  const request = fetchWithTimeout(options.requestTimeoutMs);
  const url = `${config.apiUrl.replace(/\/+$/, '')}/2/tweets`;
  const credentials = { consumerKey: config.appKey, consumerSecret: config.appSecret, token: config.accessToken, tokenSecret: config.accessSecret };
  return {
    name: 'x',
    rules: wordingRules.x,
    // A repeat after an uncertain attempt sends the same text: X answers "duplicate
    // content" if the first went through, which counts as posted.
    async send(post) {
      let response: Response;
      try {
        response = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: await oauth1Header('POST', url, credentials, options.now()) },
          body: JSON.stringify(tweetBody(post.text, post.replyTo?.id ?? null)),
        });
      } catch (error) {
        return networkFailure('X', error);
      }
      const text = await bodyText(response);
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = { detail: text };
      }
      if (response.ok) {
        const id = (body as { data?: { id?: unknown } })?.data?.id;
        if (typeof id === 'string') return { outcome: 'posted', remote: { id, url: tweetUrl(id) } };
        return { outcome: 'retry', error: 'X accepted the post but its answer was unreadable; the next attempt repeats it and X spots the duplicate.', maybeSent: true };
      }
      return xFailure(response.status, body, response.headers.get('x-rate-limit-reset'), options);
    },
  };
}
