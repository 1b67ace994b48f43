// Records the writes a CLI command makes, as plain SQL, so the same change can be applied to
// a D1 database with `wrangler d1 execute --file`: the way to set up a Workers deployment
// with the very code that sets up a Node one.
import type { Logger } from 'drizzle-orm/logger';

/** A value as an SQL literal: text quoted with '' doubling, numbers and null as they are. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** Puts the parameters in place of the `?` placeholders that stand outside quoted text. */
export function inlineParams(query: string, params: unknown[]): string {
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (const ch of query) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += sqlLiteral(params[next++]);
    } else {
      out += ch;
    }
  }
  return out;
}

export class SqlRecorder implements Logger {
  readonly statements: string[] = [];

  logQuery(query: string, params: unknown[]): void {
    // Reads change nothing on the other side; only writes are replayed there.
    if (/^\s*(insert|update|delete)\b/i.test(query)) this.statements.push(`${inlineParams(query, params)};`);
  }

  text(): string {
    return this.statements.join('\n') + '\n';
  }
}
