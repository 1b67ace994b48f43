// Updates from the count in the database, on both drivers: every version kept, the
// election's change stamp moved, audited, and two writers of one version never both commit.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../db/audit';
import type { Db } from '../../db/client';
import { findUpdate, recordUpdateVersion, type NewUpdateVersion } from '../../db/countUpdates';
import { findStoredAnswer } from '../../db/storedAnswers';
import { electionUpdatedAt, loadElection } from '../../db/results';
import { outbox } from '../../db/schema';
import { importElection } from '../../src/setup/importElection';
import { freshMedway } from '../fixtures';

async function setUp(open: () => Promise<Db>) {
  const db = await open();
  const def = freshMedway();
  await importElection(db, def);
  const first: NewUpdateVersion = { id: crypto.randomUUID(), version: 1, electionId: def.id, contestId: null, text: 'Verification has finished in all wards.', withdrawn: false };
  return { db, def, first };
}

export function countUpdatesDbSuite(driver: string, open: () => Promise<Db>): void {
  describe(`updates from the count in the database (${driver})`, () => {
    it('keeps every version, moves the election on with each, and audits who did what', async () => {
      const { db, def, first } = await setUp(open);
      const before = await electionUpdatedAt(db, def.id);
      const at = await recordUpdateVersion(db, first, { userId: null, requestId: 'r1' }, { channels: ['log', 'x'], toSubscribers: true });
      expect(await electionUpdatedAt(db, def.id)).toBe(at);
      expect(at > before!).toBe(true);
      const ward = def.contests[3]!.id;
      await recordUpdateVersion(db, { ...first, version: 2, contestId: ward, text: 'Counting has started in Chatham Central.' }, { userId: null }, { channels: ['log', 'x'], toSubscribers: true });
      await recordUpdateVersion(db, { ...first, version: 3, contestId: ward, text: 'Counting has started in Chatham Central.', withdrawn: true }, { userId: null }, { channels: ['log', 'x'], toSubscribers: true });

      const update = (await findUpdate(db, def.id, first.id))!;
      expect(update.versions.map((v) => [v.version, v.text, v.withdrawn])).toEqual([
        [1, 'Verification has finished in all wards.', false],
        [2, 'Counting has started in Chatham Central.', false],
        [3, 'Counting has started in Chatham Central.', true],
      ]);
      const snapshot = (await loadElection(db, def.id))!;
      expect(snapshot.updates).toHaveLength(1);
      expect(snapshot.updates[0]!.versions).toHaveLength(3);
      expect((await auditTrail(db, 'count_update', first.id)).map((a) => a.action)).toEqual(['update.withdraw', 'update.correct', 'update.post']);
      // A post queued per channel for every version, in the same write.
      const queued = await db.select().from(outbox).where(eq(outbox.updateId, first.id));
      expect(queued.map((r) => `${r.channel} v${r.version}`).sort()).toEqual(['log v1', 'log v2', 'log v3', 'x v1', 'x v2', 'x v3']);
      expect(queued.every((r) => r.contestId === null && r.status === 'pending')).toBe(true);
    });

    it('lets exactly one of two writers of the same version commit, and the other writes nothing', async () => {
      const { db, def, first } = await setUp(open);
      await recordUpdateVersion(db, first, { userId: null }, { channels: ['log', 'x'], toSubscribers: true });
      const answer = (key: string) => ({ userId: 'someone', key, requestHash: 'h', status: 200, body: '{}' });
      const outcomes = await Promise.allSettled([
        recordUpdateVersion(db, { ...first, version: 2, text: 'First correction.' }, { userId: null }, { channels: ['log', 'x'], toSubscribers: true }, answer('a')),
        recordUpdateVersion(db, { ...first, version: 2, text: 'Second correction.' }, { userId: null }, { channels: ['log', 'x'], toSubscribers: true }, answer('b')),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const update = (await findUpdate(db, def.id, first.id))!;
      expect(update.versions).toHaveLength(2);
      const winner = update.versions[1]!.text === 'First correction.' ? 'a' : 'b';
      expect(await findStoredAnswer(db, 'someone', winner)).not.toBeNull();
      expect(await findStoredAnswer(db, 'someone', winner === 'a' ? 'b' : 'a')).toBeNull();
      expect((await auditTrail(db, 'count_update', first.id)).map((a) => a.action)).toEqual(['update.correct', 'update.post']);
      expect((await db.select().from(outbox).where(eq(outbox.updateId, first.id))).filter((r) => r.version === 2)).toHaveLength(2);
    });

    it('finds an update only in its own election', async () => {
      const { db, first } = await setUp(open);
      await recordUpdateVersion(db, first, { userId: null }, { channels: ['log', 'x'], toSubscribers: true });
      const other = freshMedway();
      await importElection(db, other);
      expect(await findUpdate(db, other.id, first.id)).toBeNull();
    });
  });
}
