// How an outbox row's state is told to people: the officer on the phone, the admin's list.
import type { OutboxRow } from '../../db/outbox';

export interface PostState {
  /** A few words: "posted", "sending", "waiting to retry", "held for approval"... */
  label: string;
  /** For styling and for deciding whether to keep refreshing. */
  tone: 'done' | 'waiting' | 'problem' | 'off';
  /** A sentence more, when there is something to explain. */
  detail: string | null;
}

export function postState(row: Pick<OutboxRow, 'status' | 'attempts' | 'lastError' | 'note' | 'remoteUrl' | 'uncertain'>): PostState {
  switch (row.status) {
    case 'posted':
      return { label: 'posted', tone: 'done', detail: row.note };
    case 'sending':
      return { label: 'sending', tone: 'waiting', detail: null };
    case 'pending':
      // A rate limit is no failed attempt (attempts stays 0), but people still see why it waits.
      return row.attempts > 0 || row.lastError
        ? { label: 'waiting to retry', tone: 'waiting', detail: row.lastError }
        : { label: 'queued', tone: 'waiting', detail: null };
    case 'held':
      return { label: 'held for approval', tone: 'waiting', detail: 'An admin approves it under Admin → Social posts.' };
    case 'failed':
      return {
        label: 'failed',
        tone: 'problem',
        detail: `${row.lastError ?? 'Gave up.'}${row.uncertain ? ' It may have been posted: a retry checks first.' : ''} An admin can retry it.`,
      };
    case 'cancelled':
      return { label: 'not posted', tone: 'off', detail: row.note };
  }
}

/** True while something may still change without anyone doing anything. */
export function stillMoving(rows: Pick<OutboxRow, 'status'>[]): boolean {
  return rows.some((r) => r.status === 'pending' || r.status === 'sending');
}

/** A platform's address for a post, as a link only if it is a web address. */
export function postLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
