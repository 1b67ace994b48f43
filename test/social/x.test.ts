// The X adapters (twitter-api-v2 on Node, fetch + our OAuth 1.0a signer on Workers)
// against a fake X that verifies the signature and answers as X does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xChannel } from '../../src/social/channels/x';
import { xFetchChannel, type XConfig } from '../../src/social/channels/xFetch';
import { serveFake, type Served } from './fakes/server';
import { fakeX, xCredentials } from './fakes/x';
import { adapterOptions, samplePost } from './support';

let fake: Served<ReturnType<typeof fakeX>>;
beforeAll(async () => {
  fake = await serveFake(fakeX());
});
afterAll(() => fake.close());

const adapters = [
  ['twitter-api-v2 (Node)', xChannel],
  ['fetch with our OAuth 1.0a signer (Workers)', xFetchChannel],
] as const;

describe.each(adapters)('X via %s', (_name, makeChannel) => {
  const config = (): XConfig => ({ ...xCredentials, apiUrl: fake.url });
  const channel = () => makeChannel(config(), adapterOptions);

  it('posts a signed tweet to X_API_URL and remembers its id and address', async () => {
    fake.setFaults(() => 'none');
    const post = samplePost({ text: `${samplePost().text} #${crypto.randomUUID().slice(0, 6)}` });
    const delivery = await channel().send(post);
    const tweet = fake.tweets.find((t) => t.text === post.text);
    expect(tweet).toBeDefined();
    expect(delivery).toEqual({ outcome: 'posted', remote: { id: tweet!.id, url: `https://x.com/i/web/status/${tweet!.id}` } });
    expect(fake.log.at(-1)).toMatchObject({ method: 'POST', path: '/2/tweets' });
  });

  it('posts a correction as a reply to the original tweet', async () => {
    const original = await channel().send(samplePost({ text: `Original ${crypto.randomUUID()}` }));
    const remote = (original as { remote: { id: string; url: string } }).remote;
    const correction = samplePost({ kind: 'correction', text: `Correction: ${crypto.randomUUID()}`, replyTo: remote });
    expect(await channel().send(correction)).toMatchObject({ outcome: 'posted' });
    expect(fake.tweets.at(-1)).toMatchObject({ text: correction.text, replyTo: remote.id });
  });

  it('counts a duplicate-content 403 as posted: an earlier attempt made it', async () => {
    const post = samplePost({ text: `Twice ${crypto.randomUUID()}` });
    await channel().send(post);
    const before = fake.tweets.length;
    const again = await channel().send({ ...post, maybeSentSince: new Date().toISOString() });
    expect(again).toMatchObject({ outcome: 'posted', remote: null });
    expect((again as { note: string }).note).toMatch(/duplicate content/);
    expect(fake.tweets.length).toBe(before);
  });

  it('after a dropped connection says it may have been sent, and the repeat does not post twice', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'drop-after' : 'none'));
    const post = samplePost({ text: `Dropped ${crypto.randomUUID()}` });
    const first = await channel().send(post);
    expect(first).toMatchObject({ outcome: 'retry', maybeSent: true });
    const second = await channel().send({ ...post, maybeSentSince: new Date().toISOString() });
    expect(second).toMatchObject({ outcome: 'posted' });
    expect(fake.tweets.filter((t) => t.text === post.text)).toHaveLength(1);
  });

  it('reads the rate-limit reset of a 429 (x-rate-limit-reset, epoch seconds) as the time to come back', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'rate-limit' : 'none'));
    const delivery = await channel().send(samplePost({ text: `Limited ${crypto.randomUUID()}` }));
    expect(delivery).toMatchObject({ outcome: 'retry', rateLimited: true, maybeSent: false, retryAt: fake.blockedUntil() });
    fake.unblock();
  });

  it('treats a 503 as maybe sent (X may have posted before failing)', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'fail-before' : 'none'));
    expect(await channel().send(samplePost({ text: `Outage ${crypto.randomUUID()}` }))).toMatchObject({ outcome: 'retry', maybeSent: true });
  });

  it('gives up at once on wrong credentials (401), without saying the secret', async () => {
    fake.setFaults(() => 'none');
    const wrong = makeChannel({ ...config(), accessSecret: 'not-the-secret' }, adapterOptions);
    const delivery = await wrong.send(samplePost({ text: `Wrong ${crypto.randomUUID()}` }));
    expect(delivery).toMatchObject({ outcome: 'refused' });
    expect((delivery as { error: string }).error).toContain('401');
    expect(JSON.stringify(delivery)).not.toContain('not-the-secret');
    expect(fake.refusals.at(-1)).toBe('bad signature');
  });

  it('sends a fresh nonce and a valid signature on every request', async () => {
    fake.setFaults(() => 'none');
    const refusalsBefore = fake.refusals.length;
    for (let i = 0; i < 3; i++) await channel().send(samplePost({ text: `Nonce ${i} ${crypto.randomUUID()}` }));
    expect(fake.refusals.length).toBe(refusalsBefore);
  });
});
