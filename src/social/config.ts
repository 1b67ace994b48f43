// Which channels are on, read from the environment (process.env on Node, the Worker's
// bindings on Workers). A channel is on when all its credentials are set. The values are
// secrets: they are passed to the adapters and never shown back, logged or stored.
import { channelNames, type ChannelName } from './channelNames';

export type Env = Record<string, unknown>;

export type ChannelConfig =
  | { name: 'x'; appKey: string; appSecret: string; accessToken: string; accessSecret: string; apiUrl: string }
  | { name: 'bluesky'; service: string; identifier: string; appPassword: string }
  | { name: 'mastodon'; url: string; token: string }
  | { name: 'facebook'; pageId: string; pageToken: string; graphUrl: string }
  | { name: 'webhook'; url: string; secret: string }
  | { name: 'log' };

/** The variables each channel needs (all of them), and the optional address override. */
export const channelVariables: Record<ChannelName, { required: string[]; optional: string[] }> = {
  x: { required: ['X_APP_KEY', 'X_APP_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'], optional: ['X_API_URL'] },
  bluesky: { required: ['BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD'], optional: ['BLUESKY_SERVICE'] },
  mastodon: { required: ['MASTODON_URL', 'MASTODON_TOKEN'], optional: [] },
  facebook: { required: ['FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_TOKEN'], optional: ['FACEBOOK_GRAPH_URL'] },
  webhook: { required: ['WEBHOOK_URL', 'WEBHOOK_SECRET'], optional: [] },
  log: { required: [], optional: ['SOCIAL_LOG'] },
};

export const defaultAddresses = {
  x: 'https://api.x.com',
  bluesky: 'https://bsky.social',
  facebook: 'https://graph.facebook.com/v21.0',
} as const;

export interface SocialConfig {
  /** The address people follow from a post (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  channels: ChannelConfig[];
  /** Channels with some but not all of their variables set, named by variable only. */
  problems: string[];
}

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the channel settings. The Log channel prints what would be posted: it is on when
 * SOCIAL_LOG=on, or when no real channel is configured (the demo), unless SOCIAL_LOG=off.
 */
export function socialConfig(env: Env, fallbackPublicUrl = 'http://localhost:8787'): SocialConfig {
  const channels: ChannelConfig[] = [];
  const problems: string[] = [];
  const has = (name: ChannelName) => {
    const { required } = channelVariables[name];
    const missing = required.filter((v) => !read(env, v));
    if (missing.length && missing.length < required.length) problems.push(`${name} is off: ${missing.join(', ')} not set.`);
    return missing.length === 0;
  };
  const v = (name: string) => read(env, name)!;
  if (has('x')) {
    channels.push({ name: 'x', appKey: v('X_APP_KEY'), appSecret: v('X_APP_SECRET'), accessToken: v('X_ACCESS_TOKEN'), accessSecret: v('X_ACCESS_SECRET'), apiUrl: read(env, 'X_API_URL') ?? defaultAddresses.x });
  }
  if (has('bluesky')) {
    channels.push({ name: 'bluesky', service: read(env, 'BLUESKY_SERVICE') ?? defaultAddresses.bluesky, identifier: v('BLUESKY_IDENTIFIER'), appPassword: v('BLUESKY_APP_PASSWORD') });
  }
  if (has('mastodon')) channels.push({ name: 'mastodon', url: v('MASTODON_URL'), token: v('MASTODON_TOKEN') });
  if (has('facebook')) {
    channels.push({ name: 'facebook', pageId: v('FACEBOOK_PAGE_ID'), pageToken: v('FACEBOOK_PAGE_TOKEN'), graphUrl: read(env, 'FACEBOOK_GRAPH_URL') ?? defaultAddresses.facebook });
  }
  if (has('webhook')) channels.push({ name: 'webhook', url: v('WEBHOOK_URL'), secret: v('WEBHOOK_SECRET') });
  const log = read(env, 'SOCIAL_LOG')?.toLowerCase();
  if (log === 'on' || (log !== 'off' && channels.length === 0)) channels.push({ name: 'log' });
  const publicUrl = (read(env, 'PUBLIC_URL') ?? fallbackPublicUrl).replace(/\/+$/, '');
  return { publicUrl, channels, problems };
}

/** on: every credential set; incomplete: some of them (a mistake to fix); off: none. */
export type ChannelSetup = 'on' | 'incomplete' | 'off';

export function channelSetups(env: Env): Record<ChannelName, ChannelSetup> {
  const on = new Set(socialConfig(env).channels.map((ch) => ch.name));
  const setupOf = (name: ChannelName): ChannelSetup =>
    on.has(name) ? 'on' : channelVariables[name].required.some((v) => read(env, v) !== undefined) ? 'incomplete' : 'off';
  return Object.fromEntries(channelNames.map((name) => [name, setupOf(name)])) as Record<ChannelName, ChannelSetup>;
}

/** For the admin screen: which variables are set, by name only, never their values. */
export function variablesSet(env: Env, name: ChannelName): { name: string; set: boolean }[] {
  const { required, optional } = channelVariables[name];
  return [...required, ...optional].map((variable) => ({ name: variable, set: read(env, variable) !== undefined }));
}

/** Dispatcher timings, from SOCIAL_* variables; the defaults suit a real election night. */
export interface DispatchTuning {
  pollMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a claim lasts: well over one request with its timeout. */
  claimMs: number;
  requestTimeoutMs: number;
  /** How long to wait after a rate limit that did not say when it resets. */
  rateLimitFallbackMs: number;
}

export const defaultTuning: DispatchTuning = {
  pollMs: 1_000,
  maxAttempts: 8,
  backoffBaseMs: 2_000,
  backoffMaxMs: 10 * 60_000,
  claimMs: 60_000,
  requestTimeoutMs: 15_000,
  rateLimitFallbackMs: 60_000,
};

export function dispatchTuning(env: Env): DispatchTuning {
  const num = (name: string, fallback: number) => {
    const n = Number(read(env, name));
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    pollMs: num('SOCIAL_POLL_MS', defaultTuning.pollMs),
    maxAttempts: Math.floor(num('SOCIAL_MAX_ATTEMPTS', defaultTuning.maxAttempts)),
    backoffBaseMs: num('SOCIAL_BACKOFF_BASE_MS', defaultTuning.backoffBaseMs),
    backoffMaxMs: num('SOCIAL_BACKOFF_MAX_MS', defaultTuning.backoffMaxMs),
    claimMs: num('SOCIAL_CLAIM_MS', defaultTuning.claimMs),
    requestTimeoutMs: num('SOCIAL_TIMEOUT_MS', defaultTuning.requestTimeoutMs),
    rateLimitFallbackMs: num('SOCIAL_RATE_LIMIT_FALLBACK_MS', defaultTuning.rateLimitFallbackMs),
  };
}
