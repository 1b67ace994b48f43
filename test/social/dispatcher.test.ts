// The dispatcher end to end on better-sqlite3, with every adapter's real client library
// talking to its fake platform: what a declaration, a correction, a refusal, a rate limit
// and an outage each end up as, on the platforms and in the outbox.
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { changeChannelSettings } from '../../db/socialChannels';
import { actOnOutboxRow } from '../../db/outbox';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { socialFromEnv } from '../../src/social/runtime';
import { startAllFakes, type Fakes } from './fakes/all';
import { startFake, type Fault, type FakeRequest } from './fakes/server';
import { medwayNight } from './medwayNight';
import { outboxOf, settle } from './settle';

const quick: Record<string, string> = {
  SOCIAL_BACKOFF_BASE_MS: '20',
  SOCIAL_BACKOFF_MAX_MS: '200',
  SOCIAL_TIMEOUT_MS: '2000',
  SOCIAL_MAX_ATTEMPTS: '3',
  SOCIAL_RATE_LIMIT_FALLBACK_MS: '500',
};

let fakes: Fakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

async function setUp(env: Record<string, string> = {}, fakeOptions?: Parameters<typeof startAllFakes>[0]) {
  fakes = await startAllFakes(fakeOptions);
  const { db } = openSqlite(':memory:');
  const lines: string[] = [];
  const social = socialFromEnv(db, { ...fakes.env, ...quick, SOCIAL_LOG: 'on', ...env }, nodeAdapters, { log: (l) => lines.push(l) });
  const night = await medwayNight(async () => db, { channels: social.channelNames });
  return { night, social, fakes, lines, db };
}

describe('the dispatcher', () => {
  it('posts every declaration once on every channel, and each correction as a reply', async () => {
    const { night, social, fakes, lines } = await setUp();
    await night.declareWard('All Saints');
    await night.declareWard('Luton');
    await settle(night.db, night.def.id, [social.dispatcher]);
    await night.correctWard('Luton', 12);
    await settle(night.db, night.def.id, [social.dispatcher]);

    const rows = await outboxOf(night.db, night.def.id);
    expect(rows).toHaveLength(3 * 6);
    expect(rows.every((r) => r.status === 'posted')).toBe(true);
    expect(fakes.x.tweets).toHaveLength(3);
    expect(fakes.bluesky.posts.size).toBe(3);
    expect(fakes.mastodon.statuses).toHaveLength(3);
    expect(fakes.facebook.posts).toHaveLength(3);
    expect(fakes.webhook.processed.size).toBe(3);

    const lutonX = rows.filter((r) => r.channel === 'x' && r.contestName === 'Luton').sort((a, b) => a.version - b.version);
    const correction = fakes.x.tweets.find((t) => t.id === lutonX[1]!.remoteId)!;
    expect(correction.text).toMatch(/^Correction: Luton ward: /);
    expect(correction.replyTo).toBe(lutonX[0]!.remoteId);
    expect(lutonX[1]!.remoteUrl).toBe(`https://x.com/i/web/status/${correction.id}`);
    expect(fakes.mastodon.statuses.at(-1)).toMatchObject({ inReplyToId: rows.find((r) => r.channel === 'mastodon' && r.contestName === 'Luton' && r.version === 1)!.remoteId });
    expect([...fakes.bluesky.posts.values()].find((p) => p.record.text.startsWith('Correction'))?.record.reply).toBeDefined();
    expect([...fakes.webhook.processed.values()].find((d) => d.event === 'correction')?.payload.contest.version).toBe(2);
    // The words posted are the words the outbox kept, on every platform.
    expect(rows.every((r) => r.body && r.link?.startsWith('https://results.medway.example/elections/'))).toBe(true);
    expect(lines.some((l) => l.startsWith('[social] post for All Saints (version 1): All Saints ward: Independent win.'))).toBe(true);
    expect(fakes.early()).toEqual([]);
  });

  it('gives up after the set number of attempts, and posts once an admin retries', async () => {
    const { night, social, fakes } = await setUp({}, (platform) => (platform === 'mastodon' ? { faults: () => 'fail-before' } : {}));
    await night.declareWard('Twydall');
    await settle(night.db, night.def.id, [social.dispatcher]);
    const failed = (await outboxOf(night.db, night.def.id)).find((r) => r.channel === 'mastodon')!;
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, uncertain: true, lastError: expect.stringContaining('gave up after 3 attempts') });
    expect(fakes.mastodon.log).toHaveLength(3);

    fakes.mastodon.setFaults(() => 'none');
    await actOnOutboxRow(night.db, failed.id, 'retry', { userId: null });
    await settle(night.db, night.def.id, [social.dispatcher]);
    const retried = (await outboxOf(night.db, night.def.id)).find((r) => r.channel === 'mastodon')!;
    expect(retried).toMatchObject({ status: 'posted', remoteId: fakes.mastodon.statuses[0]!.id });
    expect(fakes.mastodon.statuses).toHaveLength(1);
  });

  it('gives up at once when a platform refuses the credentials, and says so', async () => {
    const { night, social, fakes } = await setUp({ MASTODON_TOKEN: 'revoked-token' });
    await night.declareWard('Twydall');
    await settle(night.db, night.def.id, [social.dispatcher]);
    const row = (await outboxOf(night.db, night.def.id)).find((r) => r.channel === 'mastodon')!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Mastodon refused the post (401): The access token is invalid' });
    expect(fakes.mastodon.log).toHaveLength(1);
  });

  it('never stores or logs a secret, even when a platform repeats it in an error', async () => {
    const leaky = await startFake((req) => ({ status: 401, body: { error: `Token ${req.headers.authorization?.slice(7)} was revoked` } }));
    try {
      const { night, social, lines } = await setUp({ MASTODON_URL: leaky.url, MASTODON_TOKEN: 'leaky-token-123' });
      await night.declareWard('Twydall');
      await settle(night.db, night.def.id, [social.dispatcher]);
      const row = (await outboxOf(night.db, night.def.id)).find((r) => r.channel === 'mastodon')!;
      expect(row).toMatchObject({ status: 'failed', lastError: 'Mastodon refused the post (401): Token [secret] was revoked' });
      expect(lines.join('\n')).not.toContain('leaky-token-123');
      expect(lines.some((l) => l.includes('Token [secret] was revoked'))).toBe(true);
    } finally {
      await leaky.close();
    }
  });

  it('waits for a rate-limit reset before the next request to that platform', async () => {
    let limited = false;
    const firstPostLimited = (req: FakeRequest): Fault => {
      if (limited || !req.url.pathname.endsWith('createRecord')) return 'none';
      limited = true;
      return 'rate-limit';
    };
    const { night, social, fakes } = await setUp({}, (platform) => (platform === 'bluesky' ? { faults: firstPostLimited } : {}));
    await night.declareWard('Twydall');
    await night.declareWard('Luton');
    await settle(night.db, night.def.id, [social.dispatcher]);
    expect(fakes.bluesky.faultsInjected['rate-limit']).toBe(1);
    expect(fakes.bluesky.posts.size).toBe(2);
    const limitedAt = fakes.bluesky.log.findIndex((r) => r.fault === 'rate-limit');
    expect(fakes.bluesky.log[limitedAt + 1]!.at).toBeGreaterThanOrEqual(fakes.bluesky.blockedUntil());
    expect(fakes.early()).toEqual([]);
    const rows = await outboxOf(night.db, night.def.id);
    // A rate-limit wait is not a failed attempt.
    expect(rows.filter((r) => r.channel === 'bluesky').map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('posts the corrected figures instead when a correction arrives before the first post went out', async () => {
    const { night, social, fakes } = await setUp();
    await changeChannelSettings(night.db, 'x', { paused: true }, { userId: null });
    await night.declareWard('Luton');
    await night.correctWard('Luton', 30);
    await changeChannelSettings(night.db, 'x', { paused: false }, { userId: null });
    await settle(night.db, night.def.id, [social.dispatcher]);
    const x = (await outboxOf(night.db, night.def.id)).filter((r) => r.channel === 'x').sort((a, b) => a.version - b.version);
    expect(x.map((r) => r.status)).toEqual(['cancelled', 'posted']);
    expect(x[0]!.note).toBe('Not posted: version 2 replaced it before it went out.');
    expect(fakes.x.tweets).toHaveLength(1);
    // Nobody saw version 1, so version 2 is not worded as a correction.
    expect(fakes.x.tweets[0]!.text).toMatch(/^Luton ward: Labour win both seats\. Elected: Simon Michael Curry \(Lab\) 826/);
  });

  it('holds posts of a channel for approval and sends only the approved ones', async () => {
    const { night, social, fakes } = await setUp();
    await changeChannelSettings(night.db, 'facebook', { holdForApproval: true }, { userId: null });
    await night.declareWard('Luton');
    await night.declareWard('Twydall');
    await social.dispatcher.runOnce();
    const held = (await outboxOf(night.db, night.def.id)).filter((r) => r.channel === 'facebook');
    expect(held.map((r) => r.status)).toEqual(['held', 'held']);
    await actOnOutboxRow(night.db, held.find((r) => r.contestName === 'Twydall')!.id, 'approve', { userId: null });
    await actOnOutboxRow(night.db, held.find((r) => r.contestName === 'Luton')!.id, 'cancel', { userId: null });
    await settle(night.db, night.def.id, [social.dispatcher]);
    expect(fakes.facebook.posts.map((p) => p.message.split(':')[0])).toEqual(['Twydall ward']);
  });
});
