// Turns the configured channels into adapters. X, Bluesky and Mastodon each have two: the
// platform's client library on Node, and a fetch-based twin on Workers, where those
// libraries cannot run or load (twitter-api-v2 needs node:https; masto and @atproto/api do
// not load in the Workers pool and add megabytes). Both answer the same contract tests.
import type { Channel } from '../channel';
import type { ChannelConfig } from '../config';
import type { BlueskyConfig } from './bluesky';
import { facebookChannel } from './facebook';
import type { AdapterOptions } from './http';
import { logChannel } from './log';
import type { MastodonConfig } from './mastodon';
import { webhookChannel } from './webhook';
import type { XConfig } from './xFetch';

type Adapter<C> = (config: C, options: AdapterOptions) => Channel;

export interface RuntimeAdapters {
  x: Adapter<XConfig>;
  bluesky: Adapter<BlueskyConfig>;
  mastodon: Adapter<MastodonConfig>;
}

export function buildChannels(configs: ChannelConfig[], options: AdapterOptions, adapters: RuntimeAdapters, logLine?: (line: string) => void): Channel[] {
  return configs.map((config) => {
    switch (config.name) {
      case 'x':
        return adapters.x(config, options);
      case 'bluesky':
        return adapters.bluesky(config, options);
      case 'mastodon':
        return adapters.mastodon(config, options);
      case 'facebook':
        return facebookChannel(config, options);
      case 'webhook':
        return webhookChannel(config, options);
      case 'log':
        return logChannel(logLine);
    }
  });
}
