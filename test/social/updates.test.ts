// Updates from the count on the social channels, end to end on better-sqlite3: each
// channel's real client library against its fake platform. An update is posted once per
// channel, a correction and a withdrawal follow it up (replies where the platform has them,
// never a delete), a channel with updates switched off gets none, and a status change posts
// its own update only where the election says so.
import { afterEach, describe, expect, it } from 'vitest';
import { setAutomaticStatusUpdates } from '../../db/countUpdates';
import { openSqlite } from '../../db/sqlite';
import { changeChannelSettings } from '../../db/socialChannels';
import { addSubscriber } from '../../db/subscribers';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { socialFromEnv } from '../../src/social/runtime';
import { xLength } from '../../src/social/wording/measure';
import { updatesClient } from '../routes/updates.suite';
import { publishedHostileName } from '../support/hostile';
import { startAllFakes, type Fakes } from './fakes/all';
import { serveFake } from './fakes/server';
import { fakeWebhook } from './fakes/webhook';
import { medwayNight } from './medwayNight';
import { outboxOf, settle } from './settle';

const quick: Record<string, string> = { SOCIAL_BACKOFF_BASE_MS: '20', SOCIAL_BACKOFF_MAX_MS: '200', SOCIAL_TIMEOUT_MS: '2000', SOCIAL_MAX_ATTEMPTS: '3' };

let fakes: Fakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

async function setUp() {
  fakes = await startAllFakes();
  const { db } = openSqlite(':memory:');
  const lines: string[] = [];
  const social = socialFromEnv(db, { ...fakes.env, ...quick, SOCIAL_LOG: 'on' }, nodeAdapters, { log: (l) => lines.push(l) });
  const night = await medwayNight(async () => db, { channels: social.channelNames });
  const settled = () => settle(night.db, night.def.id, [social.dispatcher]);
  return { night, social, fakes, lines, db, api: updatesClient(night), settled };
}

const updateRows = async (night: Awaited<ReturnType<typeof setUp>>['night'], updateId: string) =>
  (await outboxOf(night.db, night.def.id)).filter((r) => r.updateId === updateId).sort((a, b) => a.version - b.version || a.channel.localeCompare(b.channel));

describe('updates from the count on the social channels', () => {
  it('posts an update once on every channel, linking to it on the page, and says what it is to the webhook', async () => {
    const { night, fakes, api, settled, lines } = await setUp();
    const rainham = await night.contest('Rainham North');
    const update = await (await api.post({ text: 'A recount has been requested in Rainham North.', contestId: rainham.id })).json();
    await settled();

    const link = `https://results.medway.example/elections/${encodeURIComponent(night.def.id)}/contests/${encodeURIComponent(rainham.id)}#update-${update.id}`;
    const text = `From the count: A recount has been requested in Rainham North. ${link}`;
    expect(fakes.x.tweets.map((t) => t.text)).toEqual([text]);
    expect(fakes.mastodon.statuses.map((s) => s.text)).toEqual([text]);
    expect(fakes.facebook.posts.map((p) => p.message)).toEqual([text]);
    const [post] = [...fakes.bluesky.posts.values()];
    expect(post!.record.facets?.[0]?.features[0]?.uri).toBe(link);
    expect(fakes.bluesky.posts.size).toBe(1);
    const [delivery] = [...fakes.webhook.processed.values()];
    expect(delivery!.event).toBe('update');
    expect(delivery!.payload).toMatchObject({ event: 'update', contest: null, inReplyTo: null, url: link, update: { id: update.id, version: 1, contestName: 'Rainham North' } });
    expect(lines.some((l) => l.startsWith('[social] update for the count (update version 1): From the count: '))).toBe(true);
    const rows = await updateRows(night, update.id);
    expect(rows.map((r) => r.channel).sort()).toEqual(['bluesky', 'facebook', 'log', 'mastodon', 'webhook', 'x']);
    expect(rows.every((r) => r.status === 'posted' && r.body !== null)).toBe(true);
  });

  it('follows a correction and a withdrawal up with replies, never deleting anything', async () => {
    const { night, fakes, api, settled } = await setUp();
    const { id } = await (await api.post({ text: 'Counting has started in all wads.' })).json();
    await settled();
    await api.correct(id, 'Counting has started in all wards.');
    await settled();
    await api.withdraw(id);
    await settled();

    const rows = await updateRows(night, id);
    expect(rows.every((r) => r.status === 'posted')).toBe(true);
    const x = rows.filter((r) => r.channel === 'x');
    expect(fakes.x.tweets.map((t) => [t.text.replace(/ https:\S+$/, ''), t.replyTo])).toEqual([
      ['From the count: Counting has started in all wads.', null],
      ['Correction to our update from the count: Counting has started in all wards.', x[0]!.remoteId],
      ['Withdrawn: our update from the count no longer stands: “Counting has started in all wards.”', x[1]!.remoteId],
    ]);
    const mastodon = rows.filter((r) => r.channel === 'mastodon');
    expect(fakes.mastodon.statuses.map((s) => s.inReplyToId)).toEqual([null, mastodon[0]!.remoteId, mastodon[1]!.remoteId]);
    const bluesky = rows.filter((r) => r.channel === 'bluesky');
    expect([...fakes.bluesky.posts.values()].map((p) => p.record.reply?.parent.uri ?? null)).toEqual([null, bluesky[0]!.remoteId, bluesky[1]!.remoteId]);
    // Facebook: new Page posts, so the follow-ups reach the same feeds.
    expect(fakes.facebook.posts).toHaveLength(3);
    expect([...fakes.webhook.processed.values()].map((d) => [d.event, d.payload.update.version, d.payload.inReplyTo?.id ?? null])).toEqual([
      ['update', 1, null],
      ['update-correction', 2, rows.find((r) => r.channel === 'webhook' && r.version === 1)!.remoteId],
      ['update-withdrawal', 3, rows.find((r) => r.channel === 'webhook' && r.version === 2)!.remoteId],
    ]);
  });

  it('never posts a version already replaced, and a withdrawal of something never posted not at all', async () => {
    const { night, fakes, api, settled } = await setUp();
    const { id } = await (await api.post({ text: 'Counting has started.' })).json();
    await api.correct(id, 'Counting has started in every ward.');
    const second = await (await api.post({ text: 'Verification is running late.' })).json();
    await api.withdraw(second.id);
    await settled();
    const texts = fakes.x.tweets.map((t) => t.text.replace(/ https:\S+$/, ''));
    // The correction went out in place of the first words, as a plain update.
    expect(texts).toEqual(['From the count: Counting has started in every ward.']);
    const rows = await updateRows(night, second.id);
    expect(rows.filter((r) => r.channel === 'x').map((r) => [r.version, r.status, r.note])).toEqual([
      [1, 'cancelled', 'Not posted: version 2 replaced it before it went out.'],
      [2, 'cancelled', 'Not posted: the update was withdrawn before any version of it was posted here.'],
    ]);
  });

  it('leaves out a channel whose updates an admin switched off, but still follows up what it posted there', async () => {
    const { night, fakes, api, settled } = await setUp();
    const { id } = await (await api.post({ text: 'Counting has started.' })).json();
    await settled();
    await changeChannelSettings(night.db, 'mastodon', { postUpdates: false }, { userId: null });
    await api.post({ text: 'Verification has finished.' });
    await api.withdraw(id);
    await settled();
    expect(fakes.mastodon.statuses.map((s) => s.text.replace(/ https:\S+$/, ''))).toEqual([
      'From the count: Counting has started.',
      'Withdrawn: our update from the count no longer stands: “Counting has started.”',
    ]);
    expect(fakes.x.tweets).toHaveLength(3);
  });

  it('fits the longest update into every platform, cutting the words and never the link', async () => {
    const { fakes, api, settled } = await setUp();
    const words = `${'Counting continues in the main hall while the postal votes are checked again. '.repeat(4)}`.slice(0, 280).trim();
    expect((await api.post({ text: words })).status).toBe(201);
    await settled();
    const [tweet] = fakes.x.tweets;
    expect(xLength(tweet!.text)).toBeLessThanOrEqual(280);
    expect(tweet!.text).toMatch(/… https:\/\/results\.medway\.example\/elections\/[^ ]+#update-[0-9a-f-]+$/);
    // Mastodon (500) and Facebook take it whole.
    expect(fakes.mastodon.statuses[0]!.text).toContain(words);
    expect(fakes.facebook.posts[0]!.message).toContain(words);
    expect(fakes.x.refusals).toEqual([]);
    expect(fakes.bluesky.refusals).toEqual([]);
  });

  it("sets typed words apart in the post, so a direction control cannot turn round the link", async () => {
    const { fakes, api, settled } = await setUp();
    await api.post({ text: publishedHostileName });
    await settled();
    expect(fakes.mastodon.statuses[0]!.text).toContain(`From the count: \u2068${publishedHostileName}\u2069 https://`);
  });

  it('posts "Recount in Rainham North." on a status change only where the election has it on', async () => {
    const { night, fakes, settled } = await setUp();
    const status = (name: string, value: string) =>
      night.contest(name).then((ward) =>
        night.app.request(`/api/v1/contests/${encodeURIComponent(ward.id)}/status`, {
          method: 'POST',
          headers: { authorization: `Bearer ${night.officer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: value }),
        }),
      );
    expect((await status('Luton', 'counting')).status).toBe(200);
    await settled();
    expect(fakes.x.tweets).toEqual([]);

    await setAutomaticStatusUpdates(night.db, night.def.id, true, { userId: null });
    expect((await status('Rainham North', 'recount')).status).toBe(200);
    // The same status again is no news.
    expect((await status('Rainham North', 'recount')).status).toBe(200);
    await settled();
    expect(fakes.x.tweets.map((t) => t.text.replace(/ https:\S+$/, ''))).toEqual(['From the count: Recount in Rainham North.']);
    const { updates } = await updatesClient(night).election();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ text: 'Recount in Rainham North.', contestName: 'Rainham North' });
  });

  it("delivers every version of an update to a newsroom subscriber, in order, each once", async () => {
    const { night, api, settled } = await setUp();
    const newsroom = await serveFake(fakeWebhook({}, 'newsroom-secret-of-its-own'));
    try {
      await addSubscriber(night.db, { name: 'Kent Online', url: `${newsroom.url}/declare`, secret: 'newsroom-secret-of-its-own' }, { userId: null });
      const { id } = await (await api.post({ text: 'Counting has started.' })).json();
      // Corrected before anything went out: a subscriber still gets both versions.
      await api.correct(id, 'Counting has started in every ward.');
      await settled();
      await api.withdraw(id);
      await settled();
      const deliveries = [...newsroom.processed.values()];
      expect(deliveries.map((d) => [d.event, d.payload.update.version, d.payload.update.text, d.payload.contest])).toEqual([
        ['update', 1, 'Counting has started.', null],
        ['update-correction', 2, 'Counting has started in every ward.', null],
        ['update-withdrawal', 3, 'Counting has started in every ward.', null],
      ]);
      expect(deliveries[2]!.payload.inReplyTo).toEqual({ id: deliveries[1]!.id });
      expect(newsroom.refusals).toEqual([]);
    } finally {
      await newsroom.close();
    }
  });
});
