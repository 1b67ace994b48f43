// The Facebook Page adapter (plain fetch) against a fake Graph API: the page token, the
// feed post, Graph's error shapes, and finding a maybe-sent post on the Page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookChannel } from '../../src/social/channels/facebook';
import { facebookPage, fakeFacebook } from './fakes/facebook';
import { serveFake, type Served } from './fakes/server';
import { adapterOptions, samplePost } from './support';

let fake: Served<ReturnType<typeof fakeFacebook>>;
beforeAll(async () => {
  fake = await serveFake(fakeFacebook({ throttleMinutes: 2 }));
});
afterAll(() => fake.close());

const config = () => ({ pageId: facebookPage.id, pageToken: facebookPage.token, graphUrl: `${fake.url}/v21.0` });
const unique = (words: string) => samplePost({ text: `${words} ${crypto.randomUUID()}` });

describe('Facebook Page via the Graph API', () => {
  it('posts the message with its link to the Page feed, with the Page token', async () => {
    fake.setFaults(() => 'none');
    const post = unique('All Saints ward: Independent win.');
    const delivery = await facebookChannel(config(), adapterOptions).send(post);
    const stored = fake.posts.at(-1)!;
    expect(stored).toMatchObject({ message: post.text, link: post.link });
    const postId = stored.id.split('_')[1];
    expect(delivery).toEqual({ outcome: 'posted', remote: { id: stored.id, url: `https://www.facebook.com/${facebookPage.id}/posts/${postId}` } });
  });

  it('after a dropped connection looks on the Page first and finds the post, without posting again', async () => {
    fake.setFaults((req, n) => (n === 1 && req.method === 'POST' ? 'drop-after' : 'none'));
    const post = unique('Dropped after posting.');
    const channel = facebookChannel(config(), adapterOptions);
    expect(await channel.send(post)).toMatchObject({ outcome: 'retry', maybeSent: true });
    const again = await channel.send({ ...post, maybeSentSince: new Date().toISOString() });
    expect(fake.posts.filter((p) => p.message === post.text)).toHaveLength(1);
    expect(again).toMatchObject({ outcome: 'posted', remote: { id: fake.posts.find((p) => p.message === post.text)!.id } });
    expect(fake.log.at(-1)).toMatchObject({ method: 'GET' });
  });

  it('after a failure that did not post, looks on the Page, finds nothing, and posts', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'drop-before' : 'none'));
    const post = unique('Dropped before posting.');
    const channel = facebookChannel(config(), adapterOptions);
    expect(await channel.send(post)).toMatchObject({ outcome: 'retry', maybeSent: true });
    expect(await channel.send({ ...post, maybeSentSince: new Date().toISOString() })).toMatchObject({ outcome: 'posted' });
    expect(fake.posts.filter((p) => p.message === post.text)).toHaveLength(1);
  });

  it('counts a duplicate message (#506) as posted', async () => {
    fake.setFaults(() => 'none');
    const post = unique('Posted twice by hand.');
    await facebookChannel(config(), adapterOptions).send(post);
    expect(await facebookChannel(config(), adapterOptions).send(post)).toMatchObject({ outcome: 'posted', remote: null });
  });

  it('waits as long as the business-use-case header says after a Page throttle (#32)', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'rate-limit' : 'none'));
    const sentAt = Date.now();
    const delivery = (await facebookChannel(config(), adapterOptions).send(unique('Throttled.'))) as { retryAt: number };
    expect(delivery).toMatchObject({ outcome: 'retry', rateLimited: true, error: expect.stringContaining('#32') });
    expect(delivery.retryAt).toBeGreaterThanOrEqual(sentAt + 2 * 60_000);
    fake.unblock();
  });

  it('refuses for good an invalid Page token (#190), without repeating it', async () => {
    fake.setFaults(() => 'none');
    const delivery = await facebookChannel({ ...config(), pageToken: 'EAAGstale' }, adapterOptions).send(unique('Never.'));
    expect(delivery).toMatchObject({ outcome: 'refused', error: expect.stringContaining('Invalid OAuth access token') });
    expect(JSON.stringify(delivery)).not.toContain('EAAGstale');
  });

  it('treats a transient Graph error (500, is_transient) as maybe sent', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'fail-before' : 'none'));
    expect(await facebookChannel(config(), adapterOptions).send(unique('Transient.'))).toMatchObject({ outcome: 'retry', maybeSent: true });
  });
});
