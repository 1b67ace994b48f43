// The outbox dispatcher: one pass claims each channel's due rows one at a time, sends
// them, and records what happened. Channels run side by side; within a channel posts go
// one after another, so a rate limit is seen before the next request. Node runs passes in
// a loop (loop.ts); Workers on a cron trigger and right after each declaration.
import type { Db } from '../../../db/client';
import { claimNext, freezeBody, holdUnapproved, markCancelled, newestVersionQueued, type Claimer, type OutboxRow } from '../../../db/outbox';
import { channelSettings } from '../../../db/socialChannels';
import type { Channel, Delivery } from '../channel';
import { channelLabel } from '../channelNames';
import type { DispatchTuning } from '../config';
import { outgoing, preparePost, type Prepared } from './preparePost';
import { prepareUpdatePost } from './prepareUpdatePost';
import { recordDelivery } from './record';
import { snapshotCache } from './snapshots';

const labelOf = (channel: Channel) => channel.label ?? channelLabel(channel.name);

const errorText = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 200);

export interface DispatcherDeps {
  db: Db;
  channels: Channel[];
  /** Channels read afresh at every pass: the newsroom subscribers, which admins add and remove while it runs. */
  moreChannels?: () => Promise<Channel[]>;
  publicUrl: string;
  tuning: DispatchTuning;
  /** Names this dispatcher in its claims; unique per process. */
  id?: string;
  now?: () => number;
  random?: () => number;
  /** Progress lines for the operator's log: never a secret, only what was posted where. */
  log?: (line: string) => void;
  /** Blanks configured secrets out of anything stored or logged (see redact.ts). */
  redact?: (text: string) => string;
}

export interface PassLimits {
  /** Stop claiming new rows after this time (epoch ms): a cron run must end in time. */
  deadlineMs?: number;
  maxPerChannel?: number;
}

export interface PassReport {
  posted: number;
  retried: number;
  failed: number;
  cancelled: number;
  /** Outcomes not written because the claim ran out first (another attempt settles them). */
  lost: number;
}

export interface Dispatcher {
  id: string;
  runOnce(limits?: PassLimits): Promise<PassReport>;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const redact = deps.redact ?? ((text: string) => text);
  const print = deps.log ?? ((line: string) => console.log(line));
  const log = (line: string) => print(redact(line));
  const id = deps.id ?? `dispatcher-${crypto.randomUUID()}`;
  // The claim must outlast everything one send may do (a login, a check and the post).
  const claimer: Claimer = { id, claimMs: Math.max(deps.tuning.claimMs, 3 * deps.tuning.requestTimeoutMs + 1_000) };

  const snapshots = snapshotCache(deps.db);

  async function runOnce(limits: PassLimits = {}): Promise<PassReport> {
    const report: PassReport = { posted: 0, retried: 0, failed: 0, cancelled: 0, lost: 0 };
    await holdUnapproved(deps.db, now());
    const settings = await channelSettings(deps.db);
    /** The post for a claimed row, or why there is none. Sends nothing. */
    async function prepare(channel: Channel, row: OutboxRow): Promise<Prepared | { cancelled: string } | { missing: true }> {
      const newest = await newestVersionQueued(deps.db, row);
      // Never post figures already corrected: the correction goes out as the post instead.
      // Not when an attempt may have gone through, though: that must be settled first; nor
      // to a subscriber, whose system keeps every version.
      if (newest > row.version && !row.uncertain && !channel.deliversEveryVersion) return { cancelled: `Not posted: version ${newest} replaced it before it went out.` };
      if (row.updateId !== null) return (await prepareUpdatePost(deps.db, { ...row, updateId: row.updateId }, channel.rules, deps.publicUrl)) ?? { missing: true };
      if (row.contestId === null) return { missing: true };
      const snapshot = await snapshots.forDeclaration(row.contestId, row.version);
      const prepared = snapshot && (await preparePost(deps.db, row, snapshot, settings.get(channel.name), channel.rules, deps.publicUrl));
      return prepared ?? { missing: true };
    }

    async function deliver(channel: Channel, row: OutboxRow): Promise<void> {
      const label = `${labelOf(channel)}: ${row.updateId !== null ? `update ${row.updateId}` : row.contestId} v${row.version}`;
      let prepared: Awaited<ReturnType<typeof prepare>>;
      try {
        prepared = await prepare(channel, row);
      } catch (error) {
        // Nothing was sent: try again after the usual wait.
        return record(channel, row, { outcome: 'retry', error: `Could not prepare the post: ${errorText(error)}`, maybeSent: false }, label);
      }
      if ('cancelled' in prepared) {
        if (await markCancelled(deps.db, row.id, claimer, prepared.cancelled, now())) report.cancelled += 1;
        return;
      }
      if ('missing' in prepared) {
        const what = row.updateId !== null ? 'update from the count' : 'declaration';
        return record(channel, row, { outcome: 'refused', error: `The ${what} this post is about can no longer be found.` }, label);
      }
      const named = `${labelOf(channel)}: ${prepared.subject}${row.version > 1 ? ` (version ${row.version})` : ''}`;
      if (!row.body) await freezeBody(deps.db, row.id, claimer, prepared.text, prepared.link);
      let delivery: Delivery;
      try {
        delivery = await channel.send(outgoing(row, prepared));
      } catch (error) {
        // An adapter bug, not an answer: the request may have gone out, so check next time.
        delivery = { outcome: 'retry', error: `Unexpected failure: ${errorText(error)}`, maybeSent: true };
      }
      await record(channel, row, delivery, named);
    }

    async function record(channel: Channel, row: OutboxRow, said: Delivery, label: string): Promise<void> {
      const delivery: Delivery =
        said.outcome === 'posted' ? { ...said, ...(said.note ? { note: redact(said.note) } : {}) } : { ...said, error: redact(said.error) };
      const recorded = await recordDelivery({ db: deps.db, claimer, tuning: deps.tuning, channel: channel.name, nowMs: now(), random }, row, delivery, label);
      report[recorded.as] += 1;
      if (recorded.line) log(recorded.line);
    }

    async function drain(channel: Channel): Promise<void> {
      const max = limits.maxPerChannel ?? 100;
      for (let sent = 0; sent < max; sent++) {
        if (limits.deadlineMs !== undefined && now() >= limits.deadlineMs) return;
        const row = await claimNext(deps.db, channel.name, claimer, now());
        if (!row) return;
        await deliver(channel, row);
      }
    }

    const channels = [...deps.channels, ...((await deps.moreChannels?.()) ?? [])];
    await Promise.all(channels.map((channel) => drain(channel)));
    return report;
  }

  return { id, runOnce };
}
