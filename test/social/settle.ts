// Running dispatchers until an election's outbox has settled, bounded in time and count.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contests, countUpdates, outbox } from '../../db/schema';
import type { Dispatcher } from '../../src/social/dispatch/dispatcher';

/** Every outbox row of the election: its declarations' (named by ward) and its updates from the count's. */
export async function outboxOf(db: Db, electionId: string) {
  const rows = await db
    .select({ row: outbox, contestName: contests.name })
    .from(outbox)
    .leftJoin(contests, eq(contests.id, outbox.contestId))
    .leftJoin(countUpdates, and(eq(countUpdates.id, outbox.updateId), eq(countUpdates.version, outbox.version)))
    .where(or(eq(contests.electionId, electionId), eq(countUpdates.electionId, electionId)));
  return rows.map((r) => ({ ...r.row, contestName: r.contestName ?? 'Update from the count' }));
}

export async function unsettled(db: Db, electionId: string): Promise<number> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'sending', 'held']));
  const mine = new Set((await outboxOf(db, electionId)).map((r) => r.id));
  return rows.filter((r) => mine.has(r.id)).length;
}

/**
 * Runs the dispatchers side by side, pass after pass, until nothing of the election is
 * left to send. Fails after `timeoutMs` or `maxPasses`, whichever comes first.
 */
export async function settle(db: Db, electionId: string, dispatchers: Dispatcher[], options: { timeoutMs?: number; maxPasses?: number; pauseMs?: number } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const maxPasses = options.maxPasses ?? 5_000;
  for (let pass = 0; pass < maxPasses && Date.now() < deadline; pass++) {
    await Promise.all(dispatchers.map((d) => d.runOnce()));
    if ((await unsettled(db, electionId)) === 0) return pass + 1;
    await new Promise((r) => setTimeout(r, options.pauseMs ?? 10));
  }
  throw new Error(`the outbox did not settle: ${await unsettled(db, electionId)} rows still to send`);
}
