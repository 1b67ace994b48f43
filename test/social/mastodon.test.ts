// The Mastodon adapter (masto) against a fake instance: bearer token, Idempotency-Key,
// replies, 422 and 429 shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonChannel } from '../../src/social/channels/mastodon';
import { mastodonFetchChannel } from '../../src/social/channels/mastodonFetch';
import { fakeMastodon, mastodonToken } from './fakes/mastodon';
import { serveFake, type Served } from './fakes/server';
import { adapterOptions, samplePost } from './support';

let fake: Served<ReturnType<typeof fakeMastodon>>;
beforeAll(async () => {
  fake = await serveFake(fakeMastodon());
});
afterAll(() => fake.close());

const adapters = [
  ['masto (Node)', mastodonChannel],
  ['fetch (Workers)', mastodonFetchChannel],
] as const;

describe.each(adapters)('Mastodon via %s', (_name, makeChannel) => {
  const channel = () => makeChannel({ url: fake.url, token: mastodonToken }, adapterOptions);

  it('posts a public status with the bearer token and the row id as Idempotency-Key', async () => {
    fake.setFaults(() => 'none');
    const post = samplePost();
    const delivery = await channel().send(post);
    const status = fake.statuses.at(-1)!;
    expect(status).toMatchObject({ text: post.text, visibility: 'public', idempotencyKey: post.id, inReplyToId: null });
    expect(delivery).toEqual({ outcome: 'posted', remote: { id: status.id, url: `${fake.url}/@council/${status.id}` } });
  });

  it('posts a correction in reply to the original status', async () => {
    const original = (await channel().send(samplePost())) as { remote: { id: string; url: string } };
    await channel().send(samplePost({ kind: 'correction', text: 'Correction: All Saints…', replyTo: original.remote }));
    expect(fake.statuses.at(-1)).toMatchObject({ text: 'Correction: All Saints…', inReplyToId: original.remote.id });
  });

  it('repeats a maybe-sent post with the same key, and Mastodon returns the status it already made', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'drop-after' : 'none'));
    const post = samplePost();
    expect(await channel().send(post)).toMatchObject({ outcome: 'retry', maybeSent: true });
    const again = await channel().send({ ...post, maybeSentSince: new Date().toISOString() });
    const made = fake.statuses.filter((s) => s.idempotencyKey === post.id);
    expect(made).toHaveLength(1);
    expect(again).toMatchObject({ outcome: 'posted', remote: { id: made[0]!.id } });
  });

  it('does not repeat a maybe-sent post once Mastodon has forgotten its key (after an hour)', async () => {
    const before = fake.statuses.length;
    const delivery = await channel().send(samplePost({ maybeSentSince: new Date(Date.now() - 2 * 3600_000).toISOString() }));
    expect(delivery).toMatchObject({ outcome: 'posted', remote: null, note: expect.stringMatching(/not sent again/) });
    expect(fake.statuses.length).toBe(before);
  });

  it('reads X-RateLimit-Reset (an ISO time) from a 429', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'rate-limit' : 'none'));
    expect(await channel().send(samplePost())).toMatchObject({ outcome: 'retry', rateLimited: true, retryAt: fake.blockedUntil() });
    fake.unblock();
  });

  it('refuses for good a status Mastodon rejects (422), and a bad token (401)', async () => {
    fake.setFaults(() => 'none');
    const tooLong = await channel().send(samplePost({ text: 'x'.repeat(501) }));
    expect(tooLong).toMatchObject({ outcome: 'refused', error: expect.stringContaining('character limit of 500') });
    const badToken = await makeChannel({ url: fake.url, token: 'nope-token' }, adapterOptions).send(samplePost());
    expect(badToken).toMatchObject({ outcome: 'refused', error: expect.stringContaining('401') });
    expect(JSON.stringify(badToken)).not.toContain('nope-token');
  });

  it('treats a 503 as maybe sent', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'fail-before' : 'none'));
    expect(await channel().send(samplePost())).toMatchObject({ outcome: 'retry', maybeSent: true });
  });
});
