// The X channel on Node, with twitter-api-v2 (OAuth 1.0a user context, v2.tweet). The
// library has hard-coded hosts; a plugin rewrites each request's address to X_API_URL, so
// a staging proxy or a test's fake server gets the very same, signed, requests.
import { Agent } from 'node:http';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi, type ITwitterApiClientPlugin } from 'twitter-api-v2';
import type { Channel } from '../channel';
import { wordingRules } from '../wording/rules';
import { networkFailure, type AdapterOptions } from './http';
import { tweetUrl, xFailure } from './xAnswers';
import type { XConfig } from './xFetch';

function addressRewriter(apiUrl: string, timeoutMs: number): ITwitterApiClientPlugin {
  const target = new URL(apiUrl);
  const prefix = target.pathname.replace(/\/+$/, '');
  return {
    onBeforeRequestConfig({ params }) {
      const original = new URL(params.url.startsWith('http') ? params.url : `https://${params.url}`);
      params.url = `${target.origin}${prefix}${original.pathname}${original.search}`;
      params.timeout = timeoutMs;
    },
  };
}

export function xChannel(config: XConfig, options: AdapterOptions): Channel {
  const plain = new URL(config.apiUrl).protocol === 'http:';
  const client = new TwitterApi(
    { appKey: config.appKey, appSecret: config.appSecret, accessToken: config.accessToken, accessSecret: config.accessSecret },
    // The library always calls https.request; an http agent lets it speak plain HTTP to a
    // local fake or staging proxy.
    { plugins: [addressRewriter(config.apiUrl, options.requestTimeoutMs)], ...(plain ? { httpAgent: new Agent() } : {}) },
  );
  return {
    name: 'x',
    rules: wordingRules.x,
    // A repeat after an uncertain attempt sends the same text: X answers "duplicate
    // content" if the first went through, which counts as posted.
    async send(post) {
      try {
        const { data } = await client.v2.tweet({ text: post.text, ...(post.replyTo ? { reply: { in_reply_to_tweet_id: post.replyTo.id } } : {}) });
        return { outcome: 'posted', remote: { id: data.id, url: tweetUrl(data.id) } };
      } catch (error) {
        if (error instanceof ApiResponseError) {
          return xFailure(error.code, error.data, error.rateLimit ? String(error.rateLimit.reset) : error.headers?.['x-rate-limit-reset'] as string | undefined, options);
        }
        if (error instanceof ApiPartialResponseError) {
          return { outcome: 'retry', error: 'X began to answer, then the connection broke; the next attempt repeats it and X spots the duplicate.', maybeSent: true };
        }
        if (error instanceof ApiRequestError) return networkFailure('X', error.requestError);
        return networkFailure('X', error);
      }
    },
  };
}
