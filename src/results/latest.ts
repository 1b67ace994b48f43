// What happened most recently on the night: the latest declarations (and corrections) for
// the results page, and the short sentence announced to screen readers when the page
// updates itself.
import type { ContestSnapshot, ElectionSnapshot } from '../../db/results';
import { describeProgress } from '../domain';
import type { PublicUpdate } from './countUpdates';
import type { ElectionResults } from './electionResults';

export interface LatestDeclaration {
  contestId: string;
  contestName: string;
  version: number;
  /** When the result was declared, or when this correction was published. */
  at: string;
  /** The ward's result as it stands ("Lab gain from Con"). */
  summary: string;
  /** Why a correction was made; null for the declaration itself. */
  reason: string | null;
}

/** Declarations and corrections, most recent first. */
export function latestDeclarations(snapshot: ElectionSnapshot, results: ElectionResults, limit = 5): LatestDeclaration[] {
  const summaries = new Map(results.contests.map((c) => [c.id, c.summary]));
  return snapshot.contests
    .filter((c) => c.status === 'declared')
    .flatMap((c) =>
      c.versions.map((v) => ({
        contestId: c.id,
        contestName: c.name,
        version: v.version,
        at: v.version === 1 ? v.declaredAt : v.createdAt,
        summary: summaries.get(c.id) ?? '',
        reason: v.version === 1 ? null : v.reason,
      })),
    )
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.version - a.version))
    .slice(0, limit);
}

/** "Declared: All Saints, Con hold.", "Correction to All Saints (version 2): Con hold.", "Recount in Strood North." */
export function describeChange(contest: Pick<ContestSnapshot, 'name' | 'status' | 'versions'>, summary: string): string | null {
  switch (contest.status) {
    case 'declared': {
      const version = contest.versions.at(-1)?.version ?? 1;
      return version === 1 ? `Declared: ${contest.name}, ${summary}.` : `Correction to ${contest.name} (version ${version}): ${summary}.`;
    }
    case 'counting':
      return `Counting in ${contest.name}.`;
    case 'recount':
      return `Recount in ${contest.name}.`;
    case 'postponed':
      return `Poll postponed in ${contest.name}.`;
    default:
      return null;
  }
}

/** "From the count: Counting has started.", as a screen reader hears a new, corrected or withdrawn update. */
export function describeUpdate(update: Pick<PublicUpdate, 'text' | 'version' | 'withdrawn'>): string {
  const text = /[.!?…]$/.test(update.text) ? update.text : `${update.text}.`;
  if (update.withdrawn) return `Update from the count withdrawn: ${text}`;
  return update.version > 1 ? `Corrected update from the count: ${text}` : `From the count: ${text}`;
}

/** Changes this close to the latest are announced together: a phone polls every few seconds. */
const announcedTogetherMs = 10_000;

/**
 * What a screen reader hears when the results page updates: the latest changes (those
 * within a few seconds of the newest, so a poll that spans two declarations hears both),
 * then the headline and progress. Empty before anything has happened.
 */
export function electionNews(snapshot: ElectionSnapshot, results: ElectionResults): string {
  const summaries = new Map(results.contests.map((c) => [c.id, c.summary]));
  const changed = [
    ...snapshot.contests.map((c) => ({ at: c.updatedAt, sentence: describeChange(c, summaries.get(c.id) ?? '') })),
    ...results.updates.map((u) => ({ at: u.updatedAt, sentence: describeUpdate(u) })),
  ]
    .filter((x): x is { at: string; sentence: string } => x.sentence !== null)
    .sort((a, b) => (a.at < b.at ? 1 : -1));
  const newest = changed[0];
  if (!newest) return '';
  const since = Date.parse(newest.at) - announcedTogetherMs;
  const recent = changed.filter((x) => Date.parse(x.at) >= since).slice(0, 3);
  return [...recent.map((x) => x.sentence), `${results.control.summary}.`, `${describeProgress(results.progress)}.`].join(' ');
}
