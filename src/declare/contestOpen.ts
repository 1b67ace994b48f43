// A ward's figures and status can be set by hand only until it has a result (hasResult in
// src/domain/contestStatus.ts): after that, a change is a correction (a new version), never
// an edit of what was published.
import type { ContestSnapshot } from '../../db/results';
import { hasResult } from '../domain/contestStatus';
import { ProblemsError } from './problems';

export function isOpenContest(contest: Pick<ContestSnapshot, 'status'>): boolean {
  return !hasResult(contest.status);
}

/** Throws a 422 naming why, when the ward already has its result. */
export function requireOpenContest(contest: Pick<ContestSnapshot, 'name' | 'status'>, field: string): void {
  if (contest.status === 'declared') {
    throw new ProblemsError(422, [{ field, message: `${contest.name} is already declared. To change its result, submit a correction.` }]);
  }
  if (contest.status === 'uncontested') {
    throw new ProblemsError(422, [{ field, message: `${contest.name} is uncontested: its candidates are elected unopposed.` }]);
  }
}
