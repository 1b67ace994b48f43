// Settings read from the environment on Node. Workers get theirs from wrangler.toml.
import { availableParallelism } from 'node:os';

export function databasePath(env: Record<string, string | undefined> = process.env): string {
  return env.DB_PATH || './data/declare.db';
}

/** PORT, 8787 when unset; 0 lets the system choose a free port (the first line names it). */
export function port(): number {
  if (process.env.PORT?.trim() === '0') return 0;
  return Number(process.env.PORT) || 8787;
}

/**
 * WEB_CONCURRENCY: how many server processes share the port (node:cluster). Unset, one per
 * CPU this process may use; a positive whole number otherwise (tests set 1).
 */
export function webConcurrency(env: Record<string, string | undefined> = process.env, cpus = availableParallelism()): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return cpus;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of processes, 1 or more (it is "${raw}").`);
  return n;
}
