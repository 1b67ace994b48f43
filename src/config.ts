// Settings read from the environment on Node. Workers get theirs from wrangler.toml.
export function databasePath(env: Record<string, string | undefined> = process.env): string {
  return env.DB_PATH || './data/declare.db';
}

export function port(): number {
  return Number(process.env.PORT) || 8787;
}
