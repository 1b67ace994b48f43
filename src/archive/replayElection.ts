// `import --replay` and Admin → Export → Replay: an export loaded into a site that does not
// have its election yet, so that site serves the same pages. One all-or-nothing write: a
// replay refused or failed half-way leaves nothing behind.
import { auditStatement, type Actor } from '../../db/audit';
import { atomicWriteLimit, commitAtomically, type Db } from '../../db/client';
import { isUnsent, replayStatements, takenIds } from '../../db/electionArchive';
import { isSubscriberChannel } from '../../db/subscribers';
import { formatNumber } from '../domain';
import type { ExportFile } from './exportFile';

export class ReplayRefused extends Error {
  constructor(
    readonly problems: string[],
    /** 409 when the site already has what the file holds; 422 when the file cannot be written. */
    readonly status: 409 | 422 = 422,
  ) {
    super(problems.join('\n'));
  }
}

export interface ReplaySummary {
  electionId: string;
  name: string;
  wards: number;
  declarations: number;
  posts: number;
  /** Posts that had not gone out: they wait for an admin here. */
  postsWaiting: number;
  auditEntries: number;
  /** What a person should know (an account renamed). */
  notes: string[];
}

/** Refuses, in words, to write over anything already here: a replay only adds an election. */
async function clashes(db: Db, file: ExportFile): Promise<string[]> {
  const { elections, contests, candidates } = file.tables;
  const taken = await takenIds(db, {
    elections: elections.map((e) => e.id),
    contests: contests.map((c) => c.id),
    candidates: candidates.map((c) => c.id),
  });
  const election = elections[0]!;
  if (taken.elections.length) {
    return [`${election.name} (${election.id}) is already on this site. A replay only loads an election the site does not have yet; nothing was changed.`];
  }
  const wardName = new Map(contests.map((c) => [c.id, c.name]));
  return [
    ...taken.contests.map((id) => `The ward ${wardName.get(id)} (${id}) is already on this site, in another election.`),
    ...taken.candidates.map((id) => `The candidate id ${id} is already on this site, in another election.`),
  ];
}

const isConstraintFailure = (error: unknown) => /constraint failed/i.test(String((error as Error)?.message ?? error));

export async function replayElection(db: Db, file: ExportFile, actor: Actor): Promise<ReplaySummary> {
  const problems = await clashes(db, file);
  if (problems.length) throw new ReplayRefused(problems, 409);
  const t = file.tables;
  const election = t.elections[0]!;
  const postsWaiting = t.outbox.filter((o) => isUnsent(o) && !isSubscriberChannel(o.channel)).length;
  const { statements, notes } = await replayStatements(db, t);
  statements.push(
    auditStatement(db, actor, {
      action: 'election.replay',
      entity: 'election',
      entityId: election.id,
      detail: { exportedAt: file.exportedAt, declarations: t.declarations.length, auditEntries: t.auditLog.length },
    }),
  );
  const limit = atomicWriteLimit(db);
  if (statements.length > limit) {
    throw new ReplayRefused([
      `This export needs ${formatNumber(statements.length)} statements, more than one all-or-nothing write on D1 may hold (${formatNumber(limit)}). ` +
        'Replay it with the command line against a copy of the database and apply the SQL: npm run cli -- import --replay FILE --sql replay.sql, then npx wrangler d1 execute DB --remote --file replay.sql.',
    ]);
  }
  try {
    await commitAtomically(db, statements);
  } catch (error) {
    // Another replay of the same file won the race, or an id the checks did not cover is taken.
    if (isConstraintFailure(error)) throw new ReplayRefused([`The export clashes with what is already on this site, so nothing was changed (${(error as Error).message}).`], 409);
    throw error;
  }
  return {
    electionId: election.id,
    name: election.name,
    wards: t.contests.length,
    declarations: t.declarations.length,
    posts: t.outbox.length,
    postsWaiting,
    auditEntries: t.auditLog.length,
    notes,
  };
}
