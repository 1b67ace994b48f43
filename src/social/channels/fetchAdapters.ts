// The adapters on Workers: fetch only (see build.ts for why).
import type { RuntimeAdapters } from './build';
import { blueskyFetchChannel } from './blueskyFetch';
import { mastodonFetchChannel } from './mastodonFetch';
import { xFetchChannel } from './xFetch';

export const fetchAdapters: RuntimeAdapters = { x: xFetchChannel, bluesky: blueskyFetchChannel, mastodon: mastodonFetchChannel };
