// Every fake platform at once, whatever carries their requests, and the environment that
// points Declare's channels at them: the variables a council sets, with each API's address
// changed to its fake.
import { blueskyAccount, fakeBluesky } from './bluesky';
import type { FakeOptions } from './core';
import { facebookPage, fakeFacebook } from './facebook';
import { fakeMastodon, mastodonToken } from './mastodon';
import { fakeWebhook, webhookSecret } from './webhook';
import { fakeX, xCredentials } from './x';

export const platformNames = ['x', 'bluesky', 'mastodon', 'facebook', 'webhook'] as const;
export type PlatformName = (typeof platformNames)[number];

export function allPlatforms(options: (platform: PlatformName) => FakeOptions = () => ({})) {
  return {
    x: fakeX(options('x')),
    bluesky: fakeBluesky(options('bluesky')),
    mastodon: fakeMastodon(options('mastodon')),
    facebook: fakeFacebook(options('facebook')),
    webhook: fakeWebhook(options('webhook')),
  };
}

export type Platforms = ReturnType<typeof allPlatforms>;

export function envFor(urls: Record<PlatformName, string>): Record<string, string> {
  return {
    X_APP_KEY: xCredentials.appKey,
    X_APP_SECRET: xCredentials.appSecret,
    X_ACCESS_TOKEN: xCredentials.accessToken,
    X_ACCESS_SECRET: xCredentials.accessSecret,
    X_API_URL: urls.x,
    BLUESKY_SERVICE: urls.bluesky,
    BLUESKY_IDENTIFIER: blueskyAccount.identifier,
    BLUESKY_APP_PASSWORD: blueskyAccount.appPassword,
    MASTODON_URL: urls.mastodon,
    MASTODON_TOKEN: mastodonToken,
    FACEBOOK_PAGE_ID: facebookPage.id,
    FACEBOOK_PAGE_TOKEN: facebookPage.token,
    FACEBOOK_GRAPH_URL: `${urls.facebook}/v21.0`,
    WEBHOOK_URL: `${urls.webhook}/hooks/declare`,
    WEBHOOK_SECRET: webhookSecret,
    PUBLIC_URL: 'https://results.medway.example',
  };
}

/** Requests that came before a rate limit's reset, on any platform. */
export function earlyRequests(platforms: Platforms) {
  return platformNames.flatMap((name) => platforms[name].early.map((e) => ({ platform: name, ...e })));
}

/**
 * Each platform's posts as text, to compare with the outbox's frozen words. Bluesky's
 * posts also carry the address their link facet points to ("text → address").
 */
export function postedTexts(platforms: Platforms): Record<PlatformName, string[]> {
  return {
    x: platforms.x.tweets.map((t) => t.text),
    bluesky: [...platforms.bluesky.posts.values()].map((p) => `${p.record.text} → ${p.record.facets?.[0]?.features[0]?.uri}`),
    mastodon: platforms.mastodon.statuses.map((s) => s.text),
    facebook: platforms.facebook.posts.map((p) => p.message),
    webhook: [...platforms.webhook.processed.values()].map((d) => d.payload.text as string),
  };
}
