// The latest declarations across elections: what an admin previews post wording against.
import { desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { contests, declarations, elections } from './schema';

export interface DeclarationChoice {
  electionId: string;
  electionName: string;
  contestId: string;
  contestName: string;
  version: number;
  createdAt: string;
}

export async function recentDeclarations(db: Db, limit = 50): Promise<DeclarationChoice[]> {
  return db
    .select({
      electionId: elections.id,
      electionName: elections.name,
      contestId: contests.id,
      contestName: contests.name,
      version: declarations.version,
      createdAt: declarations.createdAt,
    })
    .from(declarations)
    .innerJoin(contests, eq(contests.id, declarations.contestId))
    .innerJoin(elections, eq(elections.id, contests.electionId))
    .orderBy(desc(declarations.createdAt), desc(declarations.version))
    .limit(limit);
}
