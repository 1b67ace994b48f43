// Settings read from the environment on Node. Workers get theirs from wrangler.toml.
export function databasePath(env: Record<string, string | undefined> = process.env): string {
  return env.DB_PATH || './data/declare.db';
}

/** PORT, 8787 when unset; 0 lets the system choose a free port (the first line names it). */
export function port(): number {
  if (process.env.PORT?.trim() === '0') return 0;
  return Number(process.env.PORT) || 8787;
}
