// The adapters on Node: each platform's own client library.
import type { RuntimeAdapters } from './build';
import { blueskyChannel } from './bluesky';
import { mastodonChannel } from './mastodon';
import { xChannel } from './x';

export const nodeAdapters: RuntimeAdapters = { x: xChannel, bluesky: blueskyChannel, mastodon: mastodonChannel };
