// Every adapter, Node's client libraries and the fetch-based twins, in a process where
// @hono/node-server's serve() has replaced the global Request and Response (its default; our
// server turns it off, see src/node.ts, but a library must not depend on that): a 429 is
// still a rate limit with its reset, and a refusal still a refusal, never "maybe sent".
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/social/channel';
import { buildChannels } from '../../src/social/channels/build';
import { fetchAdapters } from '../../src/social/channels/fetchAdapters';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { socialConfig } from '../../src/social/config';
import { startAllFakes, type Fakes } from './fakes/all';
import type { FakeRequest } from './fakes/server';
import { adapterOptions, samplePost } from './support';

let fakes: Fakes;
let server: ServerType;
const nativeResponse = globalThis.Response;
beforeAll(async () => {
  fakes = await startAllFakes();
  server = serve({ fetch: () => new nativeResponse('unused'), port: 0, hostname: '127.0.0.1' });
});
afterAll(async () => {
  server.close();
  await fakes.close();
});

type Name = 'x' | 'bluesky' | 'mastodon' | 'facebook' | 'webhook';
function channels(env: Record<string, string>): [string, Channel][] {
  const configs = socialConfig({ ...env, SOCIAL_LOG: 'off' }).channels;
  return [
    ...buildChannels(configs, adapterOptions, nodeAdapters).map((c): [string, Channel] => [`${c.name} (Node)`, c]),
    ...buildChannels(configs, adapterOptions, fetchAdapters)
      .filter((c) => ['x', 'bluesky', 'mastodon'].includes(c.name))
      .map((c): [string, Channel] => [`${c.name} (fetch)`, c]),
  ];
}
const isPost = (req: FakeRequest) => req.method === 'POST' && !req.url.pathname.endsWith('createSession');

describe("adapters under @hono/node-server's global Request and Response", () => {
  it('the globals are replaced here, as in a server with the default', () => {
    expect(globalThis.Response).not.toBe(nativeResponse);
  });

  it.each(['x', 'bluesky', 'mastodon', 'facebook', 'webhook', 'x (fetch)', 'bluesky (fetch)', 'mastodon (fetch)'])('%s: a 429 is a rate limit with the reset', async (which) => {
    const [name] = which.split(' ') as [Name];
    const channel = channels(fakes.env).find(([label]) => label.startsWith(`${name} (${which.includes('fetch') ? 'fetch' : 'Node'})`))![1];
    const fake = fakes[name];
    fake.unblock();
    fake.setFaults((req) => (isPost(req) ? 'rate-limit' : 'none'));
    const delivery = await channel.send(samplePost());
    fake.setFaults(() => 'none');
    fake.unblock();
    expect(delivery).toMatchObject({ outcome: 'retry', rateLimited: true, maybeSent: false });
    expect((delivery as { retryAt: number }).retryAt).toBeGreaterThan(Date.now() - 1000);
  });

  it.each(['x', 'bluesky', 'mastodon', 'facebook', 'webhook', 'x (fetch)', 'bluesky (fetch)', 'mastodon (fetch)'])('%s: wrong credentials are a refusal, not a dropped connection', async (which) => {
    const [name] = which.split(' ') as [Name];
    const wrong = {
      ...fakes.env,
      X_ACCESS_SECRET: 'wrong',
      BLUESKY_APP_PASSWORD: 'wrong-wrong-wrong-wrong',
      MASTODON_TOKEN: 'wrong',
      FACEBOOK_PAGE_TOKEN: 'wrong',
      WEBHOOK_SECRET: 'wrong-secret-wrong-secret-wrong-secret',
    };
    const channel = channels(wrong).find(([label]) => label.startsWith(`${name} (${which.includes('fetch') ? 'fetch' : 'Node'})`))![1];
    const delivery = await channel.send(samplePost());
    expect(delivery).toMatchObject({ outcome: 'refused' });
    expect((delivery as { error: string }).error).not.toMatch(/connection|may have been posted/);
  });
});
