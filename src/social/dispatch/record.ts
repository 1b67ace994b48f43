// Writing down what an attempt came to: posted, retry later (when), or given up. Every
// write is conditional on the dispatcher still holding its claim; a rate limit also
// blocks the whole channel until the platform's reset.
import type { Db } from '../../../db/client';
import { markFailed, markPosted, markRetry, type Claimer, type OutboxRow } from '../../../db/outbox';
import { blockChannelUntil } from '../../../db/socialChannels';
import type { Delivery } from '../channel';
import type { DispatchTuning } from '../config';
import { logLine } from '../../logLine';
import { backoffMs } from './backoff';

/** What became of the row; "lost" when the claim ran out before the answer came. */
export type Recorded = { as: 'posted' | 'retried' | 'failed' | 'lost'; line: string | null };

export interface RecordContext {
  db: Db;
  claimer: Claimer;
  tuning: DispatchTuning;
  channel: string;
  nowMs: number;
  random: () => number;
}

export async function recordDelivery(ctx: RecordContext, row: OutboxRow, delivery: Delivery, label: string): Promise<Recorded> {
  const { db, claimer, nowMs: at } = ctx;
  const kept = (ok: boolean, as: Recorded['as'], line: string | null = null): Recorded =>
    ok ? { as, line } : { as: 'lost', line: logLine`[social] ${label}: the claim ran out before the answer came; another attempt settles it.` };

  switch (delivery.outcome) {
    case 'posted': {
      const ok = await markPosted(db, row.id, claimer, delivery.remote, delivery.note ?? null, at);
      const where = delivery.remote?.url ? ` ${delivery.remote.url}` : '';
      return kept(ok, 'posted', logLine`[social] posted ${label}${where}${delivery.note ? ` (${delivery.note})` : ''}`);
    }
    case 'refused':
      return kept(await markFailed(db, row.id, claimer, delivery.error, false, at), 'failed', logLine`[social] gave up ${label}: ${delivery.error}`);
    case 'retry': {
      if (delivery.rateLimited) {
        // No request to this platform before its reset, from any dispatcher; and a
        // rate-limit wait is not a failed attempt.
        const until = Math.max(delivery.retryAt ?? at, at);
        await blockChannelUntil(db, ctx.channel, until);
        const line = logLine`[social] ${label}: rate-limited until ${new Date(until).toISOString()}: ${delivery.error}`;
        return kept(await markRetry(db, row.id, claimer, { error: delivery.error, nextAttemptMs: until, maybeSent: delivery.maybeSent, refundAttempt: true }, at), 'retried', line);
      }
      if (row.attempts >= ctx.tuning.maxAttempts) {
        const error = `${delivery.error} (gave up after ${row.attempts} attempts)`;
        return kept(await markFailed(db, row.id, claimer, error, delivery.maybeSent, at), 'failed', logLine`[social] gave up ${label}: ${error}`);
      }
      const next = Math.max(at + backoffMs(row.attempts, ctx.tuning.backoffBaseMs, ctx.tuning.backoffMaxMs, ctx.random), delivery.retryAt ?? 0);
      const line = logLine`[social] will retry ${label} at ${new Date(next).toISOString()} (attempt ${row.attempts} failed): ${delivery.error}`;
      return kept(await markRetry(db, row.id, claimer, { error: delivery.error, nextAttemptMs: next, maybeSent: delivery.maybeSent, refundAttempt: false }, at), 'retried', line);
    }
  }
}
