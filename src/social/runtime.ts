// Social posting as a runtime starts it: read the configuration, build the adapters (each
// runtime passes its own, see channels/build.ts), and a dispatcher over the database that
// also delivers to the newsroom subscribers of the moment (the same on Node and Workers).
import type { Db } from '../../db/client';
import { buildChannels, type RuntimeAdapters } from './channels/build';
import { subscriberChannels } from './channels/subscriber';
import { dispatchTuning, socialConfig, type Env, type SocialConfig } from './config';
import { createDispatcher, type Dispatcher } from './dispatch/dispatcher';
import { redactor, secretsOf } from './redact';

export interface Social {
  config: SocialConfig;
  /** The channel names a declaration queues a post on. */
  channelNames: string[];
  dispatcher: Dispatcher;
  pollMs: number;
}

export function socialFromEnv(db: Db, env: Env, adapters: RuntimeAdapters, options: { fallbackPublicUrl?: string; log?: (line: string) => void; id?: string } = {}): Social {
  const config = socialConfig(env, options.fallbackPublicUrl);
  const tuning = dispatchTuning(env);
  const adapterOptions = { requestTimeoutMs: tuning.requestTimeoutMs, rateLimitFallbackMs: tuning.rateLimitFallbackMs, now: Date.now };
  const channels = buildChannels(config.channels, adapterOptions, adapters, options.log);
  const dispatcher = createDispatcher({ db, channels, moreChannels: () => subscriberChannels(db, adapterOptions), publicUrl: config.publicUrl, tuning, log: options.log, id: options.id, redact: redactor(secretsOf(config.channels)) });
  return { config, channelNames: channels.map((c) => c.name), dispatcher, pollMs: tuning.pollMs };
}
