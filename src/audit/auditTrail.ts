// Admin → Audit's reading of the log: a page of entries in words, or the whole filtered
// list for the CSV, read in batches so no one read grows with the night.
import { auditEntries, candidatesOf, countAuditEntries, type AuditFilter, type AuditListing } from '../../db/auditListing';
import type { Db } from '../../db/client';
import { publishable } from '../domain/text';
import { candidateName } from '../results/names';
import { auditLine, type AuditLine } from './auditWords';

export const auditPageSize = 50;
const exportBatch = 200;

async function inWords(db: Db, entries: AuditListing[]): Promise<AuditLine[]> {
  // Declarations name who was elected: their wards' candidates, read once for the batch.
  const declared = entries.filter((e) => e.action.startsWith('declaration.')).map((e) => e.entityId);
  const names = new Map((await candidatesOf(db, declared)).map((c) => [c.id, publishable(candidateName(c))]));
  return entries.map((entry) => auditLine(entry, names));
}

export interface AuditPage {
  lines: AuditLine[];
  /** How many entries the filter matches in all. */
  total: number;
  /** The `before` of the next (older) page, when there is one. */
  olderBefore: number | null;
}

export async function auditPage(db: Db, filter: AuditFilter, before: number | undefined): Promise<AuditPage> {
  // One more than a page, to know whether an older page exists without counting again.
  const [entries, total] = await Promise.all([auditEntries(db, filter, { before, limit: auditPageSize + 1 }), countAuditEntries(db, filter)]);
  const shown = entries.slice(0, auditPageSize);
  return { lines: await inWords(db, shown), total, olderBefore: entries.length > auditPageSize ? shown.at(-1)!.id : null };
}

/**
 * Every entry the filter matches, newest first, a batch at a time. Between batches it lets
 * other work run: better-sqlite3 answers synchronously, so on Node a long export read in one
 * go would hold up declarations arriving meanwhile.
 */
export async function* auditLineBatches(db: Db, filter: AuditFilter): AsyncGenerator<AuditLine[]> {
  let before: number | undefined;
  for (;;) {
    const entries = await auditEntries(db, filter, { before, limit: exportBatch });
    yield await inWords(db, entries);
    if (entries.length < exportBatch) return;
    before = entries.at(-1)!.id;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
