// Results saved on this phone and not yet sent. localStorage survives a reload, a closed tab
// and a dead battery's restart; each entry keeps the Idempotency-Key it was made with, so
// sending it any number of times publishes it once.
import type { DeclarationSubmission } from '../../src/declare/submission';

export interface PendingDeclaration {
  contestId: string;
  contestName: string;
  key: string;
  submission: DeclarationSubmission;
  savedAt: string;
  /** Why the last attempt did not go through, for the officer. */
  lastProblem?: string;
}

const storageKey = 'declare:pending:v1';

export function readPending(): PendingDeclaration[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingDeclaration[]) : [];
  } catch {
    return [];
  }
}

function write(list: PendingDeclaration[]): void {
  localStorage.setItem(storageKey, JSON.stringify(list));
}

/** Adds or replaces (by key) an entry. */
export function savePending(entry: PendingDeclaration): void {
  write([...readPending().filter((p) => p.key !== entry.key), entry]);
}

export function removePending(key: string): void {
  write(readPending().filter((p) => p.key !== key));
}

export function notePendingProblem(key: string, problem: string): void {
  write(readPending().map((p) => (p.key === key ? { ...p, lastProblem: problem } : p)));
}
