// The Webhook adapter against a receiver that checks the HMAC-SHA256 signature and keeps
// delivery ids; and the Log adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logChannel } from '../../src/social/channels/log';
import { webhookChannel } from '../../src/social/channels/webhook';
import { serveFake, type Served } from './fakes/server';
import { fakeWebhook, webhookSecret } from './fakes/webhook';
import { adapterOptions, samplePost } from './support';

let fake: Served<ReturnType<typeof fakeWebhook>>;
beforeAll(async () => {
  fake = await serveFake(fakeWebhook());
});
afterAll(() => fake.close());

const channel = () => webhookChannel({ url: `${fake.url}/hooks/declare`, secret: webhookSecret }, adapterOptions);

describe('Webhook', () => {
  it('delivers the post and the result as signed JSON with a delivery id', async () => {
    fake.setFaults(() => 'none');
    const post = samplePost();
    expect(await channel().send(post)).toEqual({ outcome: 'posted', remote: { id: post.id, url: null } });
    const delivery = fake.processed.get(post.id)!;
    expect(delivery.event).toBe('declaration');
    expect(delivery.payload).toMatchObject({ deliveryId: post.id, event: 'declaration', text: post.text, url: post.link, electionId: post.electionId, contest: { name: 'All Saints' }, inReplyTo: null });
    expect(fake.refusals).toEqual([]);
  });

  it('redelivers a maybe-sent post under the same delivery id, which the receiver recognises', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'drop-after' : 'none'));
    const post = samplePost();
    expect(await channel().send(post)).toMatchObject({ outcome: 'retry', maybeSent: true });
    expect(await channel().send({ ...post, maybeSentSince: new Date().toISOString() })).toMatchObject({ outcome: 'posted' });
    expect(fake.processed.has(post.id)).toBe(true);
    expect(fake.redeliveries()).toBe(1);
  });

  it('is refused by the receiver when signed with another secret', async () => {
    fake.setFaults(() => 'none');
    const wrong = webhookChannel({ url: `${fake.url}/hooks/declare`, secret: 'another-secret' }, adapterOptions);
    expect(await wrong.send(samplePost())).toMatchObject({ outcome: 'refused', error: expect.stringContaining('401') });
    expect(fake.refusals.at(-1)).toBe('bad signature');
  });

  it('honours Retry-After on a 429', async () => {
    fake.setFaults((_req, n) => (n === 1 ? 'rate-limit' : 'none'));
    const delivery = (await channel().send(samplePost())) as { retryAt: number };
    expect(delivery).toMatchObject({ outcome: 'retry', rateLimited: true });
    expect(delivery.retryAt).toBeGreaterThanOrEqual(fake.blockedUntil());
    fake.unblock();
  });
});

describe('Log', () => {
  it('prints what would be posted and counts it as posted', async () => {
    const lines: string[] = [];
    const post = samplePost();
    expect(await logChannel((line) => lines.push(line)).send(post)).toMatchObject({ outcome: 'posted', remote: { id: `log:${post.id}` } });
    expect(lines).toEqual([`[social] post for All Saints (version 1): ${post.text}`]);
  });
});
