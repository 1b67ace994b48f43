// The fault test of the "Done when": over 100 declarations and a night's updates
// from the count (with their corrections and withdrawals), with every fake platform failing
// 30 % of requests at random (5xx before or after acting, connections dropped before or
// after acting) and rate limiting now and then, two dispatchers racing on the same outbox
// must leave every channel with exactly one post per declaration version and per update
// version, each correction or withdrawal a follow-up, none before a rate-limit reset, none twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '../../db/sqlite';
import { nodeAdapters } from '../../src/social/channels/nodeAdapters';
import { startDispatchLoop } from '../../src/social/dispatch/loop';
import { socialFromEnv } from '../../src/social/runtime';
import { expectExactlyOnePostPerRow } from './exactlyOnce';
import { startAllFakes, type Fakes } from './fakes/all';
import { randomFaults, seededRandom } from './fakes/server';
import { medwayNight, medwayWardNames, type Night } from './medwayNight';
import { outboxOf, unsettled } from './settle';

const seed = Number(process.env.FAULT_SEED) || 20230504;
const platforms = ['x', 'bluesky', 'mastodon', 'facebook', 'webhook'] as const;

let fakes: Fakes;
let nights: Night[] = [];
let rows: Awaited<ReturnType<typeof outboxOf>> = [];

async function waitUntilSettled(db: Parameters<typeof unsettled>[0], electionIds: string[], timeoutMs: number) {
  await vi.waitFor(
    async () => {
      const left = (await Promise.all(electionIds.map((id) => unsettled(db, id)))).reduce((a, b) => a + b, 0);
      if (left > 0) throw new Error(`outbox not settled after ${timeoutMs} ms: ${left} rows still to send (seed ${seed})`);
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

beforeAll(async () => {
  // Each platform its own stream of faults, so a run can be replayed from its seed.
  fakes = await startAllFakes((platform) => ({ faults: randomFaults(seededRandom(seed * 31 + platforms.indexOf(platform as never)), 60) }));
  const { db } = openSqlite(':memory:');
  const env = { ...fakes.env, SOCIAL_BACKOFF_BASE_MS: '10', SOCIAL_BACKOFF_MAX_MS: '150', SOCIAL_TIMEOUT_MS: '2000', SOCIAL_MAX_ATTEMPTS: '25', SOCIAL_LOG: 'off' };
  const quiet = () => {};
  const one = socialFromEnv(db, env, nodeAdapters, { log: quiet, id: 'dispatcher-one' });
  const two = socialFromEnv(db, env, nodeAdapters, { log: quiet, id: 'dispatcher-two' });
  const loops = [one, two].map((s) => startDispatchLoop(s.dispatcher, { pollMs: 50 }));
  try {
    // Three councils' worth of wards (72), declared while both dispatchers are at work, with
    // 4 updates from the count each (12)...
    nights = [];
    for (let i = 0; i < 3; i++) nights.push(await medwayNight(async () => db, { channels: one.channelNames }));
    const updateIds = new Map<Night, string[]>(nights.map((n) => [n, []]));
    for (const [i, ward] of medwayWardNames.entries()) {
      for (const night of nights) {
        await night.declareWard(ward);
        if (i % 6 === 0) updateIds.get(night)!.push(await night.postUpdate(`Counting has started in ${medwayWardNames[i + 1]}.`, i % 12 === 0 ? medwayWardNames[i + 1] : undefined));
      }
    }
    const ids = nights.map((n) => n.def.id);
    await waitUntilSettled(db, ids, 40_000);
    // ...then 30 corrections, 6 corrected updates and 3 withdrawn ones, and 6 second
    // corrections, also under fire.
    const corrected = medwayWardNames.slice(0, 10);
    for (const ward of corrected) for (const night of nights) await night.correctWard(ward, 7);
    for (const night of nights) {
      const [first, second, third] = updateIds.get(night)!;
      await night.correctUpdate(first!, `Counting has finished in ${medwayWardNames[1]}.`);
      await night.correctUpdate(second!, `Counting is under way in ${medwayWardNames[7]}.`);
      await night.withdrawUpdate(third!);
    }
    await waitUntilSettled(db, ids, 30_000);
    for (const ward of corrected.slice(0, 2)) for (const night of nights) await night.correctWard(ward, 19);
    await waitUntilSettled(db, ids, 30_000);
  } finally {
    await Promise.all(loops.map((l) => l.stop()));
  }
  rows = (await Promise.all(nights.map((n) => outboxOf(db, n.def.id)))).flat();
}, 120_000);

afterAll(() => fakes?.close());

describe(`fault test: 108 declaration versions and 21 update versions, 30 % of requests failing, two dispatchers (seed ${seed})`, () => {
  it('queued a post for every version on every channel', () => {
    expect(rows.length).toBe((108 + 21) * platforms.length);
    const versions = new Set(rows.filter((r) => r.contestId !== null).map((r) => `${r.contestId}#${r.version}`));
    expect(versions.size).toBe(108);
    const updateVersions = new Set(rows.filter((r) => r.updateId !== null).map((r) => `${r.updateId}#${r.version}`));
    expect(updateVersions.size).toBe(21);
  });

  it('really met failures: about 30 % of requests, of every kind, and rate limits on every platform', () => {
    for (const platform of platforms) {
      const f = fakes[platform].faultsInjected;
      const total = fakes[platform].log.length - f['rate-limit'];
      const failed = f['fail-before'] + f['fail-after'] + f['drop-before'] + f['drop-after'];
      expect(failed / total, platform).toBeGreaterThan(0.25);
      expect(f['drop-after'], platform).toBeGreaterThan(0);
      expect(f['fail-after'], platform).toBeGreaterThan(0);
      expect(f['rate-limit'], platform).toBeGreaterThan(0);
    }
  });

  it('left every channel with exactly one post per version, of declarations and of updates, none twice', () => {
    expectExactlyOnePostPerRow(rows, fakes);
  });

  it('posted each correction and withdrawal as a follow-up, in reply to the version before where the platform allows', () => {
    const corrections = rows.filter((r) => r.version > 1);
    expect(corrections.filter((r) => r.contestId !== null).every((r) => r.body!.startsWith('Correction: '))).toBe(true);
    const followUps = corrections.filter((r) => r.updateId !== null);
    expect(followUps.filter((r) => r.body!.startsWith('Correction to our update from the count: '))).toHaveLength(6 * platforms.length);
    expect(followUps.filter((r) => r.body!.startsWith('Withdrawn: our update from the count no longer stands: '))).toHaveLength(3 * platforms.length);
    const same = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.updateId !== null ? a.updateId === b.updateId : a.contestId === b.contestId);
    const before = (r: (typeof rows)[number]) => rows.find((p) => p.channel === r.channel && same(p, r) && p.version === r.version - 1)!;
    for (const r of corrections.filter((c) => before(c).remoteId)) {
      const parent = before(r).remoteId!;
      if (r.channel === 'x' && r.remoteId) expect(fakes.x.tweets.find((t) => t.id === r.remoteId)!.replyTo).toBe(parent);
      if (r.channel === 'mastodon') expect(fakes.mastodon.statuses.find((s) => s.id === r.remoteId)!.inReplyToId).toBe(parent);
      if (r.channel === 'bluesky') expect([...fakes.bluesky.posts.values()].find((p) => p.uri === r.remoteId)!.record.reply?.parent.uri).toBe(parent);
    }
  });

  it('sent nothing to a platform before its rate-limit reset', () => {
    expect(fakes.early()).toEqual([]);
  });

  it('processed every webhook delivery once, redelivering only after a failure that may have delivered it', () => {
    expect(fakes.webhook.processed.size).toBe(108 + 21);
    const f = fakes.webhook.faultsInjected;
    expect(fakes.webhook.redeliveries()).toBeLessThanOrEqual(f['drop-after'] + f['fail-after']);
  });

  it('never sent a post the platform refused: signatures, sessions and lengths all held', () => {
    expect(fakes.x.refusals).toEqual([]);
    expect(fakes.bluesky.refusals).toEqual([]);
    expect(fakes.mastodon.refusals).toEqual([]);
    expect(fakes.webhook.refusals).toEqual([]);
  });
});
