// The outbox's claim and bookkeeping, on both drivers: the conditional UPDATE ... RETURNING
// that makes two dispatchers never send the same row, one sender per channel, corrections
// after what they correct, pauses, holds, rate-limit waits, and the admin's actions.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { actOnOutboxRow, claimNext, holdUnapproved, markFailed, markPosted, markRetry, type Claimer } from '../../db/outbox';
import { outbox } from '../../db/schema';
import { blockChannelUntil, changeChannelSettings } from '../../db/socialChannels';
import { medwayNight } from './medwayNight';

const claimer = (id: string, claimMs = 60_000): Claimer => ({ id, claimMs });
const admin = { userId: null, requestId: 'test' };

export function outboxSuite(driver: string, open: () => Promise<Db>): void {
  describe(`the social outbox (${driver})`, () => {
    // Each test gets its own channel names, so tests sharing a database stay apart.
    async function setUp(...channels: string[]) {
      const night = await medwayNight(open, { channels });
      return night;
    }
    const unique = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}`;

    it('queues one row per channel with each declaration, in the same write', async () => {
      const [a, b] = [unique('x'), unique('bluesky')];
      const night = await setUp(a, b);
      const contestId = await night.declareWard('Luton');
      const rows = await night.db.select().from(outbox).where(eq(outbox.contestId, contestId));
      expect(rows.map((r) => [r.channel, r.version, r.status]).sort()).toEqual([[a, 1, 'pending'], [b, 1, 'pending']].sort());
    });

    it('never gives the same row to two dispatchers claiming at the same moment', async () => {
      const channels = Array.from({ length: 4 }, (_, i) => unique(`ch${i}`));
      const night = await setUp(...channels);
      for (const ward of ['Luton', 'Twydall', 'Watling']) await night.declareWard(ward);
      const now = Date.now() + 1000;
      const racers = ['d1', 'd2', 'd3'].map((id) => claimer(id));
      const claims = await Promise.all(channels.flatMap((channel) => racers.map((who) => claimNext(night.db, channel, who, now))));
      const won = claims.filter((row) => row !== null);
      // One sender per channel: each channel's first row went to exactly one dispatcher.
      expect(won).toHaveLength(channels.length);
      expect(new Set(won.map((r) => r!.id)).size).toBe(channels.length);
      expect(new Set(won.map((r) => r!.channel))).toEqual(new Set(channels));
    });

    it('sends one row of a channel at a time, in the order declared, other channels meanwhile', async () => {
      const [a, b] = [unique('x'), unique('mastodon')];
      const night = await setUp(a, b);
      const first = await night.declareWard('Luton');
      const second = await night.declareWard('Twydall');
      const now = Date.now() + 1000;
      const row = await claimNext(night.db, a, claimer('d1'), now);
      expect(row).toMatchObject({ contestId: first, status: 'sending', attempts: 1, claimedBy: 'd1' });
      expect(await claimNext(night.db, a, claimer('d2'), now)).toBeNull();
      expect(await claimNext(night.db, b, claimer('d2'), now)).toMatchObject({ contestId: first });
      expect(await markPosted(night.db, row!.id, claimer('d1'), { id: 'remote-1', url: 'https://x.example/1' }, null, now)).toBe(true);
      expect(await claimNext(night.db, a, claimer('d2'), now)).toMatchObject({ contestId: second });
    });

    it('takes back a row whose dispatcher stopped mid-send, marked "may have been sent"', async () => {
      const channel = unique('x');
      const night = await setUp(channel);
      await night.declareWard('Luton');
      const now = Date.now() + 1000;
      const lost = await claimNext(night.db, channel, claimer('crashed', 5_000), now);
      expect(lost?.uncertain).toBe(false);
      expect(await claimNext(night.db, channel, claimer('d2'), now + 4_000)).toBeNull();
      const recovered = await claimNext(night.db, channel, claimer('d2'), now + 6_000);
      expect(recovered).toMatchObject({ id: lost!.id, uncertain: true, attempts: 2, claimedBy: 'd2', firstAttemptAt: lost!.firstAttemptAt });
      // The stopped dispatcher's late answer no longer counts.
      expect(await markPosted(night.db, lost!.id, claimer('crashed'), null, null, now + 7_000)).toBe(false);
    });

    it('holds a correction until the post it corrects is settled', async () => {
      const channel = unique('x');
      const night = await setUp(channel);
      await night.declareWard('Luton');
      await night.correctWard('Luton', 5);
      const now = Date.now() + 1000;
      const v1 = await claimNext(night.db, channel, claimer('d1'), now);
      expect(v1?.version).toBe(1);
      await markRetry(night.db, v1!.id, claimer('d1'), { error: 'X answered 503', nextAttemptMs: now + 60_000, maybeSent: true, refundAttempt: false }, now);
      // Version 1 is waiting for its retry: version 2 must not overtake it.
      expect(await claimNext(night.db, channel, claimer('d1'), now + 1)).toBeNull();
      const again = await claimNext(night.db, channel, claimer('d1'), now + 61_000);
      expect(again).toMatchObject({ version: 1, uncertain: true, lastError: 'X answered 503' });
      await markPosted(night.db, again!.id, claimer('d1'), { id: 't1', url: null }, null, now + 61_000);
      expect(await claimNext(night.db, channel, claimer('d1'), now + 61_000)).toMatchObject({ version: 2 });
    });

    it('sends nothing on a paused channel, nor before a rate-limit reset', async () => {
      const channel = unique('x');
      const night = await setUp(channel);
      await night.declareWard('Luton');
      const now = Date.now() + 1000;
      await changeChannelSettings(night.db, channel, { paused: true }, admin);
      expect(await claimNext(night.db, channel, claimer('d1'), now)).toBeNull();
      await changeChannelSettings(night.db, channel, { paused: false }, admin);
      await blockChannelUntil(night.db, channel, now + 30_000);
      await blockChannelUntil(night.db, channel, now + 10_000); // an earlier reset never shortens the wait
      expect(await claimNext(night.db, channel, claimer('d1'), now + 29_999)).toBeNull();
      expect(await claimNext(night.db, channel, claimer('d1'), now + 30_001)).not.toBeNull();
    });

    it('holds posts for approval, and sends them once an admin approves', async () => {
      const channel = unique('facebook');
      const night = await setUp(channel);
      await changeChannelSettings(night.db, channel, { holdForApproval: true }, admin);
      const contestId = await night.declareWard('Luton');
      const now = Date.now() + 1000;
      await holdUnapproved(night.db, now);
      const [held] = await night.db.select().from(outbox).where(eq(outbox.contestId, contestId));
      expect(held?.status).toBe('held');
      expect(await claimNext(night.db, channel, claimer('d1'), now)).toBeNull();
      expect(await actOnOutboxRow(night.db, held!.id, 'approve', admin, now)).toMatchObject({ status: 'pending' });
      await holdUnapproved(night.db, now);
      expect(await claimNext(night.db, channel, claimer('d1'), now + 1)).toMatchObject({ id: held!.id, approvedAt: expect.any(String) });
    });

    it('lets an admin retry a failed post with fresh attempts, still checking first if it may have gone', async () => {
      const channel = unique('x');
      const night = await setUp(channel);
      await night.declareWard('Luton');
      const now = Date.now() + 1000;
      const row = await claimNext(night.db, channel, claimer('d1'), now);
      await markFailed(night.db, row!.id, claimer('d1'), 'X answered 503 (gave up after 1 attempts)', true, now);
      expect(await claimNext(night.db, channel, claimer('d1'), now + 1)).toBeNull();
      expect(await actOnOutboxRow(night.db, row!.id, 'approve', admin, now)).toMatchObject({ status: 'failed' });
      expect(await actOnOutboxRow(night.db, row!.id, 'retry', admin, now)).toMatchObject({ status: 'pending', attempts: 0, uncertain: true });
      expect(await claimNext(night.db, channel, claimer('d1'), now + 1)).toMatchObject({ id: row!.id, attempts: 1 });
    });
  });
}
