// The Bluesky adapter (@atproto/api) against a fake PDS: session login, createRecord with a
// link facet and a deterministic TID record key, replies in a thread, and its error shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blueskyChannel } from '../../src/social/channels/bluesky';
import { blueskyFetchChannel } from '../../src/social/channels/blueskyFetch';
import { recordKeyFor } from '../../src/social/channels/tid';
import { blueskyLinkText } from '../../src/social/wording/rules';
import { blueskyAccount, fakeBluesky } from './fakes/bluesky';
import { serveFake, type Served } from './fakes/server';
import { adapterOptions, samplePost } from './support';

let fake: Served<ReturnType<typeof fakeBluesky>>;
beforeAll(async () => {
  fake = await serveFake(fakeBluesky());
});
afterAll(() => fake.close());

const config = () => ({ service: fake.url, identifier: blueskyAccount.identifier, appPassword: blueskyAccount.appPassword });

/** A post as composed for Bluesky: the link written short, the facet carrying the address. */
function blueskyPost(words: string) {
  const base = samplePost();
  const linkText = blueskyLinkText(base.link);
  // A tag keeps each test's words apart: both adapters post to the same fake.
  return samplePost({ text: `${words} #t${crypto.randomUUID().slice(0, 6)} Full result: ${linkText}`, linkText });
}

const adapters = [
  ['@atproto/api (Node)', blueskyChannel],
  ['fetch (Workers)', blueskyFetchChannel],
] as const;

describe.each(adapters)('Bluesky via %s', (_name, makeChannel) => {
  it('logs in once with the app password and posts with a link facet under the row’s record key', async () => {
    fake.setFaults(() => 'none');
    const channel = makeChannel(config(), adapterOptions);
    const post = blueskyPost('Luton ward: Labour win all 2 seats. Café, naïve and “quotes” count in bytes.');
    const delivery = await channel.send(post);
    const rkey = recordKeyFor(post.id, post.queuedAt);
    const stored = fake.posts.get(rkey);
    expect(stored?.record.text).toBe(post.text);
    expect(delivery).toEqual({
      outcome: 'posted',
      remote: { id: stored!.uri, url: `https://bsky.app/profile/${blueskyAccount.did}/post/${rkey}`, meta: { cid: stored!.cid, rootUri: stored!.uri, rootCid: stored!.cid } },
    });
    const facet = stored!.record.facets![0]!;
    const bytes = new TextEncoder().encode(post.text);
    expect(new TextDecoder().decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd))).toBe(post.linkText);
    expect(facet.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#link', uri: post.link });
    expect(fake.refusals).toEqual([]);
    const sessionsBefore = fake.logins();
    await channel.send(blueskyPost('A second post on the same session.'));
    expect(fake.logins()).toBe(sessionsBefore);
  });

  it('gives the same post the same TID record key every time, and different posts different keys', () => {
    const at = '2023-05-05T01:23:45.678Z';
    expect(recordKeyFor('row-1', at)).toBe(recordKeyFor('row-1', at));
    expect(recordKeyFor('row-1', at)).not.toBe(recordKeyFor('row-2', at));
    expect(recordKeyFor('row-1', at)).toMatch(/^[234567a-j][234567a-z]{12}$/);
  });

  it('posts a correction as a reply in the thread of the original', async () => {
    const channel = makeChannel(config(), adapterOptions);
    const original = (await channel.send(blueskyPost('Original result.'))) as { remote: { id: string; url: string; meta: Record<string, string> } };
    const correction = blueskyPost('Correction: the result.');
    const delivery = await channel.send({ ...correction, kind: 'correction', replyTo: original.remote });
    expect(delivery).toMatchObject({ outcome: 'posted', remote: { meta: { rootUri: original.remote.id } } });
    const reply = fake.posts.get(recordKeyFor(correction.id, correction.queuedAt))!.record.reply;
    expect(reply).toEqual({ root: { uri: original.remote.id, cid: original.remote.meta.cid }, parent: { uri: original.remote.id, cid: original.remote.meta.cid } });
  });

  it('after a dropped connection finds its own record instead of posting again', async () => {
    const channel = makeChannel(config(), adapterOptions);
    await channel.send(blueskyPost('Warm up the session.'));
    fake.setFaults((req, n) => (n === 1 && req.url.pathname.endsWith('createRecord') ? 'drop-after' : 'none'));
    const post = blueskyPost('Sent once, answered never.');
    expect(await channel.send(post)).toMatchObject({ outcome: 'retry', maybeSent: true });
    const again = await channel.send({ ...post, maybeSentSince: new Date().toISOString() });
    expect(again).toMatchObject({ outcome: 'posted' });
    expect([...fake.posts.values()].filter((p) => p.record.text === post.text)).toHaveLength(1);
    expect(fake.log.at(-1)?.path).toBe('/xrpc/com.atproto.repo.getRecord');
  });

  it('counts "record already exists" at its key as its own earlier post', async () => {
    const channel = makeChannel(config(), adapterOptions);
    const post = blueskyPost('Sent, and sent again without knowing.');
    await channel.send(post);
    const again = await channel.send(post);
    expect(again).toMatchObject({ outcome: 'posted', note: expect.stringMatching(/earlier attempt/) });
    expect([...fake.posts.values()].filter((p) => p.record.text === post.text)).toHaveLength(1);
  });

  it('reads ratelimit-reset (epoch seconds) from a 429', async () => {
    const channel = makeChannel(config(), adapterOptions);
    fake.setFaults((_req, n) => (n === 1 ? 'rate-limit' : 'none'));
    expect(await channel.send(blueskyPost('Limited.'))).toMatchObject({ outcome: 'retry', rateLimited: true, retryAt: fake.blockedUntil() });
    fake.unblock();
  });

  it('treats a 502 as maybe sent', async () => {
    const channel = makeChannel(config(), adapterOptions);
    await channel.send(blueskyPost('Warm up.'));
    fake.setFaults((_req, n) => (n === 1 ? 'fail-before' : 'none'));
    expect(await channel.send(blueskyPost('Upstream failure.'))).toMatchObject({ outcome: 'retry', maybeSent: true });
  });

  it('refuses at once when the app password is wrong, without repeating it', async () => {
    fake.setFaults(() => 'none');
    const channel = makeChannel({ ...config(), appPassword: 'wrong-pass-word' }, adapterOptions);
    const delivery = await channel.send(blueskyPost('Never posted.'));
    expect(delivery).toMatchObject({ outcome: 'refused', error: expect.stringContaining('401') });
    expect(JSON.stringify(delivery)).not.toContain('wrong-pass-word');
  });
});
