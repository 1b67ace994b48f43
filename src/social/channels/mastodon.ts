// The Mastodon channel on Node, with masto. The outbox row id goes as the Idempotency-Key,
// so Mastodon itself turns a repeated request into the status it already made (it keeps
// keys for an hour). A correction replies to the original status. (Workers use
// mastodonFetch.ts: masto does not load there.)
import { createRestAPIClient, MastoHttpError, MastoTimeoutError } from 'masto';
import type { Channel } from '../channel';
import { wordingRules } from '../wording/rules';
import { httpFailure, networkFailure, type AdapterOptions } from './http';
import { mastodonErrorAnswer, mastodonReset, thrownAnswer, tooLateToRepeat } from './mastodonAnswers';

export interface MastodonConfig {
  url: string;
  token: string;
}

export function mastodonChannel(config: MastodonConfig, options: AdapterOptions): Channel {
  const client = createRestAPIClient({ url: config.url, accessToken: config.token, timeout: options.requestTimeoutMs });
  return {
    name: 'mastodon',
    rules: wordingRules.mastodon,
    async send(post) {
      const late = tooLateToRepeat(post, options.now());
      if (late) return late;
      try {
        const status = await client.v1.statuses.create(
          { status: post.text, visibility: 'public', language: 'en', ...(post.replyTo ? { inReplyToId: post.replyTo.id } : {}) },
          { requestInit: { headers: { 'Idempotency-Key': post.id } } },
        );
        return { outcome: 'posted', remote: { id: status.id, url: status.url ?? status.uri } };
      } catch (error) {
        if (error instanceof MastoHttpError) {
          const detail = [error.message, error.description].filter(Boolean).join(': ');
          return httpFailure('Mastodon', error.statusCode, detail, mastodonReset((error.cause as Response | undefined)?.headers, options.now()), options);
        }
        const answer = thrownAnswer(error);
        if (answer) return mastodonErrorAnswer(answer, options);
        if (error instanceof MastoTimeoutError) {
          return { outcome: 'retry', error: 'Mastodon did not answer in time; the next attempt repeats the same Idempotency-Key.', maybeSent: true };
        }
        return networkFailure('Mastodon', error);
      }
    },
  };
}
