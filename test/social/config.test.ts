// Which channels are on, from the environment; and how long the dispatcher waits.
import { describe, expect, it } from 'vitest';
import { dispatchTuning, socialConfig } from '../../src/social/config';
import { backoffMs } from '../../src/social/dispatch/backoff';

const x = { X_APP_KEY: 'k', X_APP_SECRET: 'secret-one', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'secret-two' };

describe('channels from the environment', () => {
  it('switches a channel on when all its credentials are set, with its address overridable', () => {
    const config = socialConfig({ ...x, X_API_URL: 'http://127.0.0.1:9999', MASTODON_URL: 'https://m.example', MASTODON_TOKEN: 'tok', PUBLIC_URL: 'https://results.example/' });
    expect(config.channels.map((c) => c.name)).toEqual(['x', 'mastodon']);
    expect(config.channels[0]).toMatchObject({ apiUrl: 'http://127.0.0.1:9999' });
    expect(config.publicUrl).toBe('https://results.example');
    expect(config.problems).toEqual([]);
  });

  it('uses each platform’s real address when none is given', () => {
    const config = socialConfig({ ...x, BLUESKY_IDENTIFIER: 'me', BLUESKY_APP_PASSWORD: 'p', FACEBOOK_PAGE_ID: '1', FACEBOOK_PAGE_TOKEN: 't' });
    expect(config.channels).toMatchObject([{ apiUrl: 'https://api.x.com' }, { service: 'https://bsky.social' }, { graphUrl: 'https://graph.facebook.com/v21.0' }]);
  });

  it('names the missing variables of a half-set channel, never a value, and leaves it off', () => {
    const config = socialConfig({ X_APP_KEY: 'k', X_APP_SECRET: 'secret-one', WEBHOOK_URL: 'https://hook.example' });
    expect(config.channels.map((c) => c.name)).toEqual(['log']);
    expect(config.problems).toEqual(['x is off: X_ACCESS_TOKEN, X_ACCESS_SECRET not set.', 'webhook is off: WEBHOOK_SECRET not set.']);
    expect(JSON.stringify(config.problems)).not.toContain('secret-one');
  });

  it.each([
    [{}, ['log']],
    [{ SOCIAL_LOG: 'off' }, []],
    [x, ['x']],
    [{ ...x, SOCIAL_LOG: 'on' }, ['x', 'log']],
  ])('prints posts to the log (the demo) when no real channel is set up, or when asked: %j', (env, names) => {
    expect(socialConfig(env).channels.map((c) => c.name)).toEqual(names);
  });

  it('reads the dispatcher timings, keeping the defaults for anything unset or nonsense', () => {
    expect(dispatchTuning({ SOCIAL_MAX_ATTEMPTS: '3', SOCIAL_TIMEOUT_MS: 'soon' })).toMatchObject({ maxAttempts: 3, requestTimeoutMs: 15_000, backoffBaseMs: 2_000 });
  });
});

describe('backoff between attempts', () => {
  it.each([
    [1, 0, 1_000],
    [1, 1, 2_000],
    [2, 0, 2_000],
    [3, 1, 8_000],
    [10, 1, 60_000],
    [10, 0, 30_000],
  ])('attempt %d with jitter %d waits %d ms (2 s base, doubling, capped at a minute, at least half)', (attempt, jitter, expected) => {
    expect(backoffMs(attempt, 2_000, 60_000, () => jitter)).toBe(expected);
  });
});
