// Every fake platform served on 127.0.0.1, with the environment that points Declare at them.
import type { FakeOptions } from './core';
import { allPlatforms, earlyRequests, envFor, platformNames, type PlatformName, type Platforms } from './platforms';
import { serveFake, type Served } from './server';

export { postedTexts } from './platforms';

export type Fakes = Awaited<ReturnType<typeof startAllFakes>>;

export async function startAllFakes(options: (platform: PlatformName) => FakeOptions = () => ({})) {
  const platforms = allPlatforms(options);
  const [x, bluesky, mastodon, facebook, webhook] = await Promise.all(platformNames.map((name) => serveFake(platforms[name])));
  const served = { x: x!, bluesky: bluesky!, mastodon: mastodon!, facebook: facebook!, webhook: webhook! } as { [K in PlatformName]: Served<Platforms[K]> };
  return {
    ...served,
    env: envFor({ x: served.x.url, bluesky: served.bluesky.url, mastodon: served.mastodon.url, facebook: served.facebook.url, webhook: served.webhook.url }),
    early: () => earlyRequests(platforms),
    close: () => Promise.all(platformNames.map((name) => served[name].close())),
  };
}
