// The Mastodon channel on Workers: POST /api/v1/statuses with fetch, the bearer token and
// the outbox row id as Idempotency-Key, as masto sends it on Node.
import type { Channel } from '../channel';
import { wordingRules } from '../wording/rules';
import { bodyText, fetchWithTimeout, networkFailure, type AdapterOptions } from './http';
import type { MastodonConfig } from './mastodon';
import { mastodonErrorAnswer, parseJson, statusParams, tooLateToRepeat } from './mastodonAnswers';

export function mastodonFetchChannel(config: MastodonConfig, options: AdapterOptions): Channel {
  const request = fetchWithTimeout(options.requestTimeoutMs);
  const url = new URL('/api/v1/statuses', config.url).toString();
  return {
    name: 'mastodon',
    rules: wordingRules.mastodon,
    async send(post) {
      const late = tooLateToRepeat(post, options.now());
      if (late) return late;
      let response: Response;
      try {
        response = await request(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json', 'idempotency-key': post.id },
          body: JSON.stringify(statusParams(post)),
        });
      } catch (error) {
        return networkFailure('Mastodon', error);
      }
      if (!response.ok) return mastodonErrorAnswer(response, options);
      const data = parseJson(await bodyText(response));
      if (typeof data.id === 'string') return { outcome: 'posted', remote: { id: data.id, url: typeof data.url === 'string' ? data.url : String(data.uri ?? '') || null } };
      return { outcome: 'retry', error: "Mastodon's answer was unreadable; the next attempt repeats the same Idempotency-Key.", maybeSent: true };
    },
  };
}
